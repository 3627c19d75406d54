using SupportTools.Tickets.BusinessHours;

namespace SupportTools.Tickets.Sla;

/// <summary>
/// One running SLA target of one ticket: it counts elapsed time (calendar and business) while it runs, notes when its
/// goal passes, and stops when the target is met. The goal follows the ticket's priority: a change while it runs moves
/// the due time, and a goal already exceeded under the new priority is breached at the change.
/// </summary>
internal sealed class SlaMeter
{
    private readonly BusinessClock? _clock;
    private TimeSpan _calendar, _business;
    private DateTimeOffset _since;

    public SlaMeter(SlaTarget target, int cycle, DateTimeOffset startedAt, string? priority, SlaGoal? goal, bool running, BusinessClock? clock)
    {
        Target = target;
        Cycle = cycle;
        StartedAt = _since = startedAt;
        Priority = priority;
        Goal = goal;
        Running = running;
        _clock = clock;
    }

    public SlaTarget Target { get; }
    public int Cycle { get; }
    public DateTimeOffset StartedAt { get; }
    public string? Priority { get; private set; }
    public SlaGoal? Goal { get; private set; }
    public bool Running { get; private set; }
    public DateTimeOffset? BreachedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Elapsed time in the goal's basis.</summary>
    public TimeSpan Elapsed => Goal is { Business: true } ? _business : _calendar;

    /// <summary>Counts the time up to <paramref name="at"/> if running, noting the breach inside it.</summary>
    public void Advance(DateTimeOffset at)
    {
        if (at <= _since) return;
        if (Running && CompletedAt is null)
        {
            var calendar = at - _since;
            var business = _clock?.Between(_since, at, ScheduleMode.Cumulative) ?? TimeSpan.Zero;
            if (BreachedAt is null && Goal is { } goal)
            {
                var before = goal.Business ? _business : _calendar;
                var during = goal.Business ? business : calendar;
                if (before + during >= goal.Time)
                    BreachedAt = goal.Business ? _clock!.Add(_since, goal.Time - before) ?? at : _since + (goal.Time - before);
            }
            _calendar += calendar;
            _business += business;
        }
        _since = at;
    }

    /// <summary>The ticket's priority changed at the current moment: its goal applies from now.</summary>
    public void ChangeGoal(string priority, SlaGoal? goal, DateTimeOffset at)
    {
        Priority ??= priority; // a target started without a priority takes the first one set
        if (goal is null || CompletedAt is not null) return;
        Goal = goal;
        if (BreachedAt is null && Elapsed >= goal.Value.Time) BreachedAt = at;
    }

    /// <summary>Runs or pauses from the current moment.</summary>
    public void SetRunning(bool running) => Running = running;

    /// <summary>The target was met at the current moment.</summary>
    public void Complete(DateTimeOffset at) => CompletedAt ??= at;

    /// <summary>The report row as of <paramref name="asOf"/> (already advanced to it); null when no goal ever applied.</summary>
    public TicketSla? Result(long ticketId, string? group, DateTimeOffset asOf, DateTimeOffset? resolvedAt)
    {
        if (Goal is not { } goal) return null;
        var completed = Target == SlaTarget.Resolution ? resolvedAt : CompletedAt;
        var status = BreachedAt is not null ? SlaStatus.Breached
            : completed is not null ? SlaStatus.Achieved
            : Running ? SlaStatus.Active : SlaStatus.Paused;
        DateTimeOffset? due = BreachedAt;
        if (due is null && (completed is not null || Running))
        {
            var from = completed ?? asOf;
            var left = goal.Time - Elapsed;
            due = goal.Business ? _clock!.Add(from, left) : from + left;
        }
        return new TicketSla(ticketId, Target, Cycle, Priority, group, goal.Basis, goal.Time.TotalHours, StartedAt, due, completed,
            Elapsed.TotalHours, status, BreachedAt);
    }
}
