using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reports, per ticket and SLA target (first response, next response, resolution), whether the goal of the ticket's priority was achieved, breached, or is still running.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketSla", DefaultParameterSetName = StoreSet)]
[OutputType(typeof(TicketSla))]
public sealed class GetTicketSlaCommand : TicketReportCmdlet<TicketSla>
{
    /// <summary>
    /// The goals per priority: a hashtable such as @{ Priorities = @{ High = @{ FirstResponse = '4h'; Resolution = '24h' } } },
    /// a JSON file's path, or JSON text (format in Get-Help Get-TicketSla -Full and the README). -BusinessHours overrides
    /// the policy's own schedule.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object Policy { get; set; } = null!;

    /// <inheritdoc />
    protected override long TicketIdOf(TicketSla row) => row.TicketId;

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (!HasInput) return;
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
        var schedule = BusinessHours ?? fromPolicy;
        Report("Computing ticket SLAs",
            (piped, progress) => TicketService.GetSla(piped, policy, new TicketReportRequest(null, AsOf, schedule), progress),
            (store, tickets, progress) => TicketService.GetSla(store, policy, new TicketReportRequest(tickets, AsOf, schedule), progress, CancellationToken));
    }
}
