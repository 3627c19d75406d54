using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reports, per ticket, time in each status, time to first response and time to resolution.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketDuration", DefaultParameterSetName = StoreSet)]
[OutputType(typeof(TicketDuration))]
public sealed class GetTicketDurationCommand : StoreCmdlet
{
    private const string StoreSet = "Store", InputObjectSet = "InputObject";
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

    /// <summary>
    /// Also count time in business hours on this schedule (<c>New-BusinessSchedule</c>, <c>Import-BusinessSchedule</c>):
    /// fills OpenBusinessHours, PendingBusinessHours, WaitingOnCustomerBusinessHours, WaitingOnThirdPartyBusinessHours,
    /// FirstResponseBusinessHours and ResolutionBusinessHours (null without it).
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public BusinessSchedule? BusinessHours { get; set; }

    /// <summary>
    /// When the schedule changes during a span: AtEvent (default) measures the whole span with the version in force at its
    /// end, as Zendesk's metrics do; Cumulative splits the span at the change, as fivetran's dbt_zendesk does.
    /// </summary>
    [Parameter]
    public ScheduleMode ScheduleMode { get; set; } = ScheduleMode.AtEvent;

    /// <summary>
    /// Activities to report on, in any order; no store needed: <c>TicketActivity</c> objects, or rows with the activity
    /// columns (e.g. from <c>Import-Csv</c>). With <c>-Database</c>, piped objects bind to <c>-TicketId</c> instead.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <inheritdoc />
    protected override void OnRecord()
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

    /// <inheritdoc />
    protected override void OnEnd()
    {
        // Piped input that bound to nothing (each object already got a binding error) asks for no ticket.
        if (ParameterSetName == StoreSet && !_allTickets && _ticketIds.Count == 0) return;
        var progress = new CmdletReporter(this, "Computing ticket durations", "tickets");
        try
        {
            var durations = ParameterSetName == InputObjectSet
                ? TicketService.GetDurations(_piped, Request(null))
                : FromStore(progress);
            foreach (var duration in durations)
                WriteObject(duration);
        }
        finally
        {
            // Also when a downstream Select-Object -First stops the pipeline early.
            progress.Complete();
        }
    }

    private IEnumerable<TicketDuration> FromStore(IOperationReporter progress)
    {
        using var store = OpenForReading((path, reporter) => TicketStore.OpenReadOnly(path, reporter));
        IReadOnlyCollection<long>? tickets = _allTickets ? null : _ticketIds.Distinct().ToArray();
        var found = new HashSet<long>();
        foreach (var duration in TicketService.GetDurations(store, Request(tickets), progress, CancellationToken))
        {
            found.Add(duration.TicketId);
            yield return duration;
        }
        if (tickets is not null) WarnAboutMissing(tickets, found);
    }

    private TicketReportRequest Request(IReadOnlyCollection<long>? tickets) => new(tickets, AsOf, BusinessHours, ScheduleMode);
}
