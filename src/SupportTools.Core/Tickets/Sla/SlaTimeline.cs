using SupportTools.Tickets.BusinessHours;

namespace SupportTools.Tickets.Sla;

/// <summary>
/// Follows one ticket's events, in order, through its SLA targets:
/// <list type="bullet">
/// <item>FirstResponse and Resolution start at the first event; FirstResponse is met by the first response (the rule of
/// <c>TimeToFirstResponse</c>: a customer-visible note by neither the requester nor a system actor).</item>
/// <item>A NextResponse cycle starts at each customer reply (a note by the requester) that follows an agent response,
/// and is met by the next response; customer replies before that response do not start another.</item>
/// <item>Resolution is met while the ticket is Resolved or Closed (as of the report, since the latest such change); a
/// reopen resumes it with the time already counted.</item>
/// <item>A target runs unless the ticket's status pauses it (<see cref="SlaPolicy"/>); none runs while Resolved or
/// Closed.</item>
/// <item>The goal is the one of the ticket's current priority; the row's priority is the one when it started.</item>
/// </list>
/// </summary>
internal sealed class SlaTimeline
{
    private const int PrivateNote = 3;
    private readonly SlaPolicy _policy;
    private readonly BusinessClock? _clock;
    private readonly List<SlaMeter> _meters = [];
    private long _ticketId;
    private int _count, _cycles;
    private string? _status, _priority, _group;
    private long? _requesterId;
    private bool _agentReplied;
    private DateTimeOffset? _doneSince;
    private SlaMeter? _firstResponse, _nextResponse;

    public SlaTimeline(SlaPolicy policy, BusinessClock? clock)
    {
        _policy = policy;
        _clock = clock;
    }

    public bool HasEvents => _count > 0;

    public long TicketId => _ticketId;

    /// <summary>Priorities of tickets the policy has no entry for (for one warning at the end).</summary>
    public HashSet<string> PrioritiesWithoutGoals { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(in TicketEvent e)
    {
        foreach (var meter in _meters) meter.Advance(e.PerformedAt);
        var first = _count++ == 0;
        if (first) _ticketId = e.TicketId;
        if (e.RequesterId is { } requester) _requesterId = requester;
        if (e.Group is { } group) _group = group;
        if (e.Priority is { } priority)
        {
            _priority = priority;
            foreach (var meter in _meters) meter.ChangeGoal(priority, _policy.Goal(priority, meter.Target), e.PerformedAt);
        }
        if (e.Status is { } status && status != _status)
        {
            _status = status;
            _doneSince = TicketStatuses.IsDone(status) ? e.PerformedAt : null;
            foreach (var meter in _meters) meter.SetRunning(!_policy.Pauses(meter.Target, status));
        }
        if (first)
        {
            _firstResponse = Start(SlaTarget.FirstResponse, e.PerformedAt);
            Start(SlaTarget.Resolution, e.PerformedAt);
            return;
        }
        if (IsResponse(e))
        {
            _firstResponse?.Complete(e.PerformedAt);
            _nextResponse?.Complete(e.PerformedAt);
            _nextResponse = null;
            _agentReplied = true;
        }
        else if (IsCustomerReply(e) && _agentReplied && _nextResponse is null)
        {
            _nextResponse = Start(SlaTarget.NextResponse, e.PerformedAt, ++_cycles);
            _agentReplied = false;
        }
    }

    /// <summary>The rows as of <paramref name="asOf"/>, and a reset for the next ticket.</summary>
    public IEnumerable<TicketSla> Finish(DateTimeOffset asOf)
    {
        var rows = new List<TicketSla>();
        foreach (var meter in _meters)
        {
            meter.Advance(asOf);
            if (meter.Result(_ticketId, _group, asOf, _doneSince) is { } row) rows.Add(row);
            else if (!_policy.Covers(meter.Priority)) PrioritiesWithoutGoals.Add(meter.Priority ?? "(none)");
        }
        _meters.Clear();
        _count = _cycles = 0;
        _status = _priority = _group = null;
        _requesterId = null;
        _agentReplied = false;
        _doneSince = null;
        _firstResponse = _nextResponse = null;
        return rows;
    }

    private SlaMeter Start(SlaTarget target, DateTimeOffset at, int cycle = 1)
    {
        var meter = new SlaMeter(target, cycle, at, _priority, _policy.Goal(_priority, target), !_policy.Pauses(target, _status), _clock);
        _meters.Add(meter);
        return meter;
    }

    /// <summary>The same rule as <see cref="TicketTimeline"/>'s first response.</summary>
    private bool IsResponse(in TicketEvent e) =>
        e.NoteType is { } type && type != PrivateNote && !e.IsSystemActor
        && (e.PerformerId is { } performer ? performer != _requesterId : _requesterId is null);

    /// <summary>A note by the requester.</summary>
    private bool IsCustomerReply(in TicketEvent e) =>
        e.NoteType is { } type && type != PrivateNote && !e.IsSystemActor && e.PerformerId is { } performer && performer == _requesterId;
}
