using SupportTools.Tickets.BusinessHours;

namespace SupportTools.Tickets.Sla;

/// <summary>Turns ordered event streams into SLA rows with <see cref="SlaTimeline"/>.</summary>
internal static class TicketSlaCalculator
{
    /// <summary>
    /// Events grouped by ticket, each ticket's in order; rows per ticket in target order. Events after
    /// <paramref name="asOf"/> are not examined. Priorities the policy has no goals for are reported once at the end.
    /// </summary>
    public static IEnumerable<TicketSla> FromOrdered(IEnumerable<TicketEvent> events, DateTimeOffset asOf, SlaPolicy policy,
        BusinessSchedule? schedule, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var timeline = new SlaTimeline(policy, schedule is null ? null : new BusinessClock(schedule));
        var examined = 0;
        long tickets = 0;
        foreach (var e in events)
        {
            if ((++examined & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (timeline.HasEvents && e.TicketId != timeline.TicketId)
            {
                reporter.Progress("Computing SLAs", ++tickets, null);
                foreach (var row in timeline.Finish(asOf)) yield return row;
            }
            if (e.PerformedAt <= asOf) timeline.Add(e);
        }
        if (timeline.HasEvents)
            foreach (var row in timeline.Finish(asOf)) yield return row;
        if (timeline.PrioritiesWithoutGoals.Count > 0)
            reporter.Warning($"The policy has no goals for priority {string.Join(", ", timeline.PrioritiesWithoutGoals.Order())}: " +
                "those tickets are not reported (add the priority, or a 'Default' entry, to the policy).");
    }
}
