using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Reports, per ticket, time in each status, time to first response and time to resolution.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TicketDuration", DefaultParameterSetName = StoreSet)]
[OutputType(typeof(TicketDuration))]
public sealed class GetTicketDurationCommand : TicketReportCmdlet<TicketDuration>
{
    /// <summary>
    /// When the schedule changes during a span: AtEvent (default) measures the whole span with the version in force at its
    /// end, as Zendesk's metrics do; Cumulative splits the span at the change, as fivetran's dbt_zendesk does.
    /// </summary>
    [Parameter]
    public ScheduleMode ScheduleMode { get; set; } = ScheduleMode.AtEvent;

    /// <inheritdoc />
    protected override long TicketIdOf(TicketDuration row) => row.TicketId;

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (!HasInput) return;
        Report("Computing ticket durations",
            (piped, _) => TicketService.GetDurations(piped, Request(null)),
            (store, tickets, progress) => TicketService.GetDurations(store, Request(tickets), progress, CancellationToken));
    }

    private TicketReportRequest Request(IReadOnlyCollection<long>? tickets) => new(tickets, AsOf, BusinessHours, ScheduleMode);
}
