namespace SupportTools.Tickets;

/// <summary>
/// One SLA target of one ticket as of the report (one row per cycle for <see cref="SlaTarget.NextResponse"/>). Flat, so
/// rows pipe into <c>Export-Csv</c>, <c>Group-Object Status</c> and <c>Measure-Object ElapsedHours</c>.
/// </summary>
public sealed class TicketSla
{
    internal TicketSla(long ticketId, SlaTarget target, int cycle, string? priority, string? group, string basis, double goalHours,
        DateTimeOffset startedAt, DateTimeOffset? dueAt, DateTimeOffset? completedAt, double elapsedHours, SlaStatus status,
        DateTimeOffset? breachedAt)
    {
        TicketId = ticketId;
        Target = target;
        Cycle = cycle;
        Priority = priority;
        Group = group;
        Basis = basis;
        GoalHours = goalHours;
        StartedAt = startedAt;
        DueAt = dueAt;
        CompletedAt = completedAt;
        ElapsedHours = elapsedHours;
        Status = status;
        BreachedAt = breachedAt;
    }

    /// <summary>The ticket.</summary>
    public long TicketId { get; }
    /// <summary>FirstResponse, NextResponse or Resolution.</summary>
    public SlaTarget Target { get; }
    /// <summary>1 for FirstResponse and Resolution; the NextResponse cycle (1, 2, …) in the ticket's order.</summary>
    public int Cycle { get; }
    /// <summary>The ticket's priority when the target started (the first priority set, when it had none yet).</summary>
    public string? Priority { get; }
    /// <summary>The ticket's group as of the report; null when never set.</summary>
    public string? Group { get; }
    /// <summary>"Business" (counted in the schedule's hours) or "Calendar".</summary>
    public string Basis { get; }
    /// <summary>The goal in force at the end (a priority change while it ran changes it), in hours of <see cref="Basis"/>.</summary>
    public double GoalHours { get; }
    /// <summary>When the target started: creation, or the customer reply that opened the NextResponse cycle.</summary>
    public DateTimeOffset StartedAt { get; }
    /// <summary>When the goal is (or was) reached: for a breach, the breach; else projected from the last moment the target ran; null while Paused.</summary>
    public DateTimeOffset? DueAt { get; }
    /// <summary>When it was met: the response, or the latest change to Resolved/Closed; null while not met.</summary>
    public DateTimeOffset? CompletedAt { get; }
    /// <summary>Time it ran (pauses excluded), in hours of <see cref="Basis"/>, until it was met or the report's as-of.</summary>
    public double ElapsedHours { get; }
    /// <summary>Hours left before the goal (0 once it is passed).</summary>
    public double RemainingHours => Math.Max(GoalHours - ElapsedHours, 0);
    /// <summary>Achieved, Breached, Active or Paused.</summary>
    public SlaStatus Status { get; }
    /// <summary>When the goal passed; null when it did not.</summary>
    public DateTimeOffset? BreachedAt { get; }
    /// <summary>Hours beyond the goal (0 when within it).</summary>
    public double OverrunHours => Math.Max(ElapsedHours - GoalHours, 0);

    /// <inheritdoc />
    public override string ToString() => $"{TicketId} {Target} {Status}";
}
