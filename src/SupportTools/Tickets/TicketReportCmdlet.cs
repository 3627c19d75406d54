using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// What the per-ticket reports (<c>Get-TicketDuration</c>, <c>Get-TicketSla</c>) share: the store or piped activities
/// as input (<c>-Database</c> and <c>-TicketId</c>, or <c>-InputObject</c>), <c>-AsOf</c> and <c>-BusinessHours</c>,
/// the activities or ticket ids collected over the pipeline, and the store read that warns about ids it lacks. Each
/// report writes its rows at the end, through <see cref="Report"/>.
/// </summary>
public abstract class TicketReportCmdlet<TRow> : StoreCmdlet
{
    /// <summary>The parameter sets: the store (default) or piped activities.</summary>
    protected const string StoreSet = "Store", InputObjectSet = "InputObject";

    private readonly List<TicketEvent> _piped = [];
    private readonly List<long> _ticketIds = [];
    private bool _allTickets;

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter(ParameterSetName = StoreSet)]
    public string? Database { get; set; }

    /// <summary>Only these tickets; binds <c>TicketId</c> from piped objects (e.g. earlier durations).</summary>
    [Parameter(ParameterSetName = StoreSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public long[]? TicketId { get; set; }

    /// <summary>The moment the report is taken at (default: the latest activity examined).</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>The business-hours schedule (<c>New-BusinessSchedule</c>, <c>Import-BusinessSchedule</c>).</summary>
    [Parameter]
    [ValidateNotNull]
    public BusinessSchedule? BusinessHours { get; set; }

    /// <summary>
    /// Activities to report on, in any order; no store needed: <c>TicketActivity</c> objects, or rows with the activity
    /// columns (e.g. from <c>Import-Csv</c>). With <c>-Database</c>, piped objects bind to <c>-TicketId</c> instead.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <summary>The ticket a row reports on.</summary>
    protected abstract long TicketIdOf(TRow row);

    /// <inheritdoc />
    protected sealed override void OnRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            if (InputObject?.BaseObject is null) return;
            try
            {
                _piped.Add(TicketEvent.From(TicketActivityInput.From(InputObject, _piped.Count + 1)));
            }
            catch (InputFormatException exception)
            {
                // That row's problem: reported, and the others are still reported on.
                WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidInputObject, InputObject));
            }
        }
        else if (TicketId is null) _allTickets = true;
        else _ticketIds.AddRange(TicketId);
    }

    /// <summary>False when piped input bound to nothing (each object already got a binding error): no ticket was asked for.</summary>
    protected bool HasInput => ParameterSetName == InputObjectSet || _allTickets || _ticketIds.Count > 0;

    /// <summary>
    /// Writes the report's rows: <paramref name="fromPiped"/> over the piped activities, or <paramref name="fromStore"/>
    /// over the store opened read-only (for the asked tickets, null for all; a warning names asked ids it lacks), with
    /// progress under <paramref name="activity"/> ending in a Completed record (also when a downstream
    /// <c>Select-Object -First</c> stops the pipeline early).
    /// </summary>
    protected void Report(string activity, Func<IReadOnlyList<TicketEvent>, IOperationReporter, IEnumerable<TRow>> fromPiped,
        Func<TicketStore, IReadOnlyCollection<long>?, IOperationReporter, IEnumerable<TRow>> fromStore)
    {
        var progress = new CmdletReporter(this, activity, "tickets");
        try
        {
            var rows = ParameterSetName == InputObjectSet ? fromPiped(_piped, progress) : FromStore(fromStore, progress);
            foreach (var row in rows) WriteObject(row);
        }
        finally
        {
            progress.Complete();
        }
    }

    private IEnumerable<TRow> FromStore(Func<TicketStore, IReadOnlyCollection<long>?, IOperationReporter, IEnumerable<TRow>> read, IOperationReporter progress)
    {
        using var store = OpenForReading((path, reporter) => TicketStore.OpenReadOnly(path, reporter));
        IReadOnlyCollection<long>? tickets = _allTickets ? null : _ticketIds.Distinct().ToArray();
        var found = new HashSet<long>();
        foreach (var row in read(store, tickets, progress))
        {
            found.Add(TicketIdOf(row));
            yield return row;
        }
        if (tickets is not null) WarnAboutMissing(tickets, found);
    }
}
