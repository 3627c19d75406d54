namespace SupportTools.Tickets;

/// <summary>
/// Accumulates one ticket's events, in order, into a <see cref="TicketDuration"/>. The one place the duration rules live:
/// <list type="bullet">
/// <item>CreatedAt is the first event. Time in status S is the sum of intervals from each change to S until the next
/// status change; the last interval runs to asOf unless the status is Resolved or Closed. Time before the first status
/// change is not attributed. A repeated change to the current status continues the same interval. Custom statuses
/// count in none of the four columns but end the previous interval.</item>
/// <item>TimeToResolution: the first change to Resolved, or to Closed when Closed comes without Resolved before it.</item>
/// <item>TimeToFirstResponse: the first event after the first one that is a customer-visible note (type other than 3,
/// private) by a performer who is neither the requester (latest requester named so far, including one named by that same
/// activity) nor a system actor.
/// A user note with no performer id counts unless a requester is known and the note could be theirs: we cannot tell,
/// so it is not counted as a response.</item>
/// <item>Reopens: changes from Resolved/Closed to a status that is neither.</item>
/// <item>Priority and Group: the latest set.</item>
/// <item>With a business clock, each status interval and the response and resolution times are also measured in
/// business time: with <see cref="ScheduleMode.AtEvent"/> each interval by the schedule version in force at its end,
/// with <see cref="ScheduleMode.Cumulative"/> split at version changes.</item>
/// </list>
/// </summary>
internal sealed class TicketTimeline
{
    private const int PrivateNote = 3;
    private readonly BusinessHours.BusinessClock? _clock;
    private readonly ScheduleMode _mode;
    private TimeSpan _openBusiness, _pendingBusiness, _waitingOnCustomerBusiness, _waitingOnThirdPartyBusiness;
    private string? _priority, _group;

    private long _ticketId;
    private DateTimeOffset _createdAt, _statusSince;
    private string? _status;
    private long? _requesterId;
    private TimeSpan _open, _pending, _waitingOnCustomer, _waitingOnThirdParty;
    private TimeSpan? _firstResponse, _resolution;
    private int _reopens, _count;

    /// <summary>A timeline of calendar time only, or also of business time on <paramref name="clock"/>.</summary>
    public TicketTimeline(BusinessHours.BusinessClock? clock = null, ScheduleMode mode = ScheduleMode.AtEvent)
    {
        _clock = clock;
        _mode = mode;
    }

    /// <summary>True once an event has been added since the last <see cref="Finish"/>.</summary>
    public bool HasEvents => _count > 0;

    /// <summary>The ticket being accumulated.</summary>
    public long TicketId => _ticketId;

    /// <summary>Adds the ticket's next event (events must come in order).</summary>
    public void Add(in TicketEvent e)
    {
        if (_count++ == 0)
        {
            _ticketId = e.TicketId;
            _createdAt = e.PerformedAt;
        }
        // Naming the requester and responding are not exclusive (an agent may set the requester and reply in one
        // activity): the requester is applied first, so the note is judged against the requester it names.
        if (e.RequesterId is { } requester) _requesterId = requester;
        if (e.Priority is { } priority) _priority = priority;
        if (e.Group is { } group) _group = group;
        if (_firstResponse is null && _count > 1 && IsResponse(e))
            _firstResponse = e.PerformedAt - _createdAt;
        if (e.Status is { } next) ChangeStatus(next, e.PerformedAt);
    }

    /// <summary>Produces the result as of <paramref name="asOf"/> and resets for the next ticket.</summary>
    public TicketDuration Finish(DateTimeOffset asOf)
    {
        if (_status is not null && !TicketStatuses.IsDone(_status)) Accrue(_status, _statusSince, asOf);
        BusinessTimes? business = _clock is null ? null : new BusinessTimes(_openBusiness, _pendingBusiness, _waitingOnCustomerBusiness,
            _waitingOnThirdPartyBusiness, Business(_firstResponse), Business(_resolution));
        var result = new TicketDuration(_ticketId, _createdAt, _status, _open, _pending, _waitingOnCustomer, _waitingOnThirdParty,
            _firstResponse, _resolution, _reopens, _count, _priority, _group, business);
        this.Reset();
        return result;
    }

    private bool IsResponse(in TicketEvent e) =>
        e.NoteType is { } type && type != PrivateNote && !e.IsSystemActor
        && (e.PerformerId is { } performer ? performer != _requesterId : _requesterId is null);

    private void ChangeStatus(string next, DateTimeOffset at)
    {
        if (next == _status) return; // same state continues; its interval is still open
        if (_status is not null)
        {
            if (!TicketStatuses.IsDone(_status)) Accrue(_status, _statusSince, at);
            else if (!TicketStatuses.IsDone(next)) _reopens++;
        }
        if (_resolution is null && TicketStatuses.IsDone(next)) _resolution = at - _createdAt;
        _status = next;
        _statusSince = at;
    }

    private void Accrue(string status, DateTimeOffset from, DateTimeOffset to)
    {
        var time = to - from;
        if (time < TimeSpan.Zero) time = TimeSpan.Zero;
        var business = _clock is null ? TimeSpan.Zero : _clock.Between(from, to, _mode);
        switch (status)
        {
            case TicketStatuses.Open: _open += time; _openBusiness += business; break;
            case TicketStatuses.Pending: _pending += time; _pendingBusiness += business; break;
            case TicketStatuses.WaitingOnCustomer: _waitingOnCustomer += time; _waitingOnCustomerBusiness += business; break;
            case TicketStatuses.WaitingOnThirdParty: _waitingOnThirdParty += time; _waitingOnThirdPartyBusiness += business; break;
        }
    }

    /// <summary>Business time from creation to <paramref name="after"/> past it (the response or resolution).</summary>
    private TimeSpan? Business(TimeSpan? after) =>
        after is { } time && _clock is not null ? _clock.Between(_createdAt, _createdAt + time, _mode) : null;

    private void Reset()
    {
        _status = null;
        _requesterId = null;
        _priority = _group = null;
        _open = _pending = _waitingOnCustomer = _waitingOnThirdParty = TimeSpan.Zero;
        _openBusiness = _pendingBusiness = _waitingOnCustomerBusiness = _waitingOnThirdPartyBusiness = TimeSpan.Zero;
        _firstResponse = _resolution = null;
        _reopens = _count = 0;
    }
}
