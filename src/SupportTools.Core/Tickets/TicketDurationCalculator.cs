namespace SupportTools.Tickets;

/// <summary>Turns event streams into durations with <see cref="TicketTimeline"/>; the store and the pipeline both come here.</summary>
internal static class TicketDurationCalculator
{
    /// <summary>
    /// Events grouped by ticket, each ticket's in performed_at order (ties in input order), as the store returns them.
    /// Streams one result per ticket. Events after <paramref name="asOf"/> are not examined.
    /// </summary>
    public static IEnumerable<TicketDuration> FromOrdered(IEnumerable<TicketEvent> events, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        FromOrdered(events, asOf, null, ScheduleMode.AtEvent, cancellationToken);

    /// <summary>As <see cref="FromOrdered(IEnumerable{TicketEvent}, DateTimeOffset, CancellationToken)"/>, also in business time on <paramref name="schedule"/>.</summary>
    public static IEnumerable<TicketDuration> FromOrdered(IEnumerable<TicketEvent> events, DateTimeOffset asOf, BusinessSchedule? schedule,
        ScheduleMode mode, CancellationToken cancellationToken = default)
    {
        var timeline = new TicketTimeline(schedule is null ? null : new BusinessHours.BusinessClock(schedule), mode);
        var examined = 0;
        TicketEvent previous = default;
        foreach (var e in events)
        {
            if ((++examined & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            // Out-of-order input would silently give wrong durations; it is a caller's bug, so say so.
            if (examined > 1 && e.TicketId == previous.TicketId && e.PerformedAt < previous.PerformedAt)
                throw new ArgumentException($"Ticket {e.TicketId}'s events are not in performed_at order ({e.PerformedAt:O} after {previous.PerformedAt:O}).", nameof(events));
            previous = e;
            if (timeline.HasEvents && e.TicketId != timeline.TicketId) yield return timeline.Finish(asOf);
            if (e.PerformedAt <= asOf) timeline.Add(e);
        }
        if (timeline.HasEvents) yield return timeline.Finish(asOf);
    }

    /// <summary>
    /// Durations read from the store, one per ticket in ticket order (all tickets when <paramref name="ticketIds"/> is
    /// null), as of <paramref name="asOf"/> or else the latest activity among those tickets. Streams: the store is read
    /// as the results are consumed.
    /// </summary>
    public static IEnumerable<TicketDuration> FromStore(TicketStore store, IReadOnlyCollection<long>? ticketIds, DateTimeOffset? asOf,
        IOperationReporter? reporter = null, CancellationToken cancellationToken = default) =>
        FromStore(store, ticketIds, asOf, null, ScheduleMode.AtEvent, reporter, cancellationToken);

    /// <summary>As <see cref="FromStore(TicketStore, IReadOnlyCollection{long}?, DateTimeOffset?, IOperationReporter?, CancellationToken)"/>, also in business time on <paramref name="schedule"/>.</summary>
    public static IEnumerable<TicketDuration> FromStore(TicketStore store, IReadOnlyCollection<long>? ticketIds, DateTimeOffset? asOf,
        BusinessSchedule? schedule, ScheduleMode mode, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var at = asOf ?? store.LatestPerformedAt(ticketIds);
        if (at is null)
        {
            reporter.Verbose("The store holds no activity for the tickets asked for.");
            yield break;
        }
        reporter.Verbose($"Computing durations as of {at:O}.");
        long tickets = 0;
        foreach (var duration in FromOrdered(store.GetEventsWithProperties(ticketIds, cancellationToken), at.Value, schedule, mode, cancellationToken))
        {
            reporter.Progress("Reading the store", ++tickets, null);
            yield return duration;
        }
    }

    /// <summary>
    /// Events in any order (piped activities): grouped by ticket, stably sorted by performed_at (ties keep input order),
    /// results ordered by ticket id. <paramref name="asOf"/> defaults to the latest event.
    /// </summary>
    public static IReadOnlyList<TicketDuration> FromUnordered(IEnumerable<TicketEvent> events, DateTimeOffset? asOf) =>
        FromUnordered(events, asOf, null, ScheduleMode.AtEvent);

    /// <summary>As <see cref="FromUnordered(IEnumerable{TicketEvent}, DateTimeOffset?)"/>, also in business time on <paramref name="schedule"/>.</summary>
    public static IReadOnlyList<TicketDuration> FromUnordered(IEnumerable<TicketEvent> events, DateTimeOffset? asOf, BusinessSchedule? schedule, ScheduleMode mode)
    {
        var list = events.ToList();
        if (list.Count == 0) return [];
        var at = asOf ?? list.Max(e => e.PerformedAt);
        // OrderBy is stable, so equal keys keep their input order.
        var ordered = list.OrderBy(e => e.TicketId).ThenBy(e => e.PerformedAt);
        return FromOrdered(ordered, at, schedule, mode).ToList();
    }
}
