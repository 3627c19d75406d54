using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reports, per ticket and SLA target (first response, next response, resolution), whether the goal of the ticket's priority was achieved, breached, or is still running.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketSla", DefaultParameterSetName = StoreSet)]
[OutputType(typeof(TicketSla))]
public sealed class GetTicketSlaCommand : StoreCmdlet
{
    private const string StoreSet = "Store", InputObjectSet = "InputObject";
    private readonly List<TicketEvent> _piped = [];
    private readonly List<long> _ticketIds = [];
    private bool _allTickets;

    /// <summary>
    /// The goals per priority: a hashtable such as @{ Priorities = @{ High = @{ FirstResponse = '4h'; Resolution = '24h' } } },
    /// a JSON file's path, or JSON text (format in Get-Help Get-TicketSla -Full and the README).
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object Policy { get; set; } = null!;

    /// <summary>The schedule business-hours goals count on (overrides the policy's own BusinessHours).</summary>
    [Parameter]
    [ValidateNotNull]
    public BusinessSchedule? BusinessHours { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter(ParameterSetName = StoreSet)]
    public string? Database { get; set; }

    /// <summary>Only these tickets; binds <c>TicketId</c> from piped objects.</summary>
    [Parameter(ParameterSetName = StoreSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public long[]? TicketId { get; set; }

    /// <summary>The moment the report is taken at (default: the latest activity examined); open targets are Active or Paused as of then.</summary>
    [Parameter]
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>Activities to report on, in any order (TicketActivity objects or rows with the activity columns); no store needed.</summary>
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
                WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidInputObject, InputObject));
            }
        }
        else if (TicketId is null) _allTickets = true;
        else _ticketIds.AddRange(TicketId);
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (ParameterSetName == StoreSet && !_allTickets && _ticketIds.Count == 0) return;
        var given = Policy is PSObject { BaseObject: string text } ? text : Policy;
        if (given is string path && !path.TrimStart().StartsWith('{'))
        {
            // A policy file: a path that resolves to nothing has had its error written already.
            if (Paths.InputFiles(path, false, false, "*.json") is not [var file]) return;
            given = new FileInfo(file);
        }
        SlaPolicy policy;
        BusinessSchedule? fromPolicy;
        try
        {
            policy = PolicyInput.From(given, out fromPolicy);
        }
        catch (Exception exception) when (ErrorRecords.From(exception, Policy, ErrorRecords.InvalidSlaPolicy) is { } error)
        {
            ThrowTerminatingError(error);
            return;
        }
        var progress = new CmdletReporter(this, "Computing ticket SLAs", "tickets");
        try
        {
            var schedule = BusinessHours ?? fromPolicy;
            var rows = ParameterSetName == InputObjectSet
                ? TicketService.GetSla(_piped, policy, new TicketReportRequest(null, AsOf, schedule), progress)
                : FromStore(policy, schedule, progress);
            foreach (var row in rows) WriteObject(row);
        }
        finally
        {
            progress.Complete();
        }
    }

    private IEnumerable<TicketSla> FromStore(SlaPolicy policy, BusinessSchedule? schedule, IOperationReporter progress)
    {
        using var store = OpenForReading((path, reporter) => TicketStore.OpenReadOnly(path, reporter));
        IReadOnlyCollection<long>? tickets = _allTickets ? null : _ticketIds.Distinct().ToArray();
        var found = new HashSet<long>();
        foreach (var row in TicketService.GetSla(store, policy, new TicketReportRequest(tickets, AsOf, schedule), progress, CancellationToken))
        {
            found.Add(row.TicketId);
            yield return row;
        }
        if (tickets is not null) WarnAboutMissing(tickets, found);
    }
}
