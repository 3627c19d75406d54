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
/// </list>
/// </summary>
internal sealed class TicketTimeline
{
    private const int PrivateNote = 3;

    private long _ticketId;
    private DateTimeOffset _createdAt, _statusSince;
    private string? _status;
    private long? _requesterId;
    private TimeSpan _open, _pending, _waitingOnCustomer, _waitingOnThirdParty;
    private TimeSpan? _firstResponse, _resolution;
    private int _reopens, _count;

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
        if (_firstResponse is null && _count > 1 && IsResponse(e))
            _firstResponse = e.PerformedAt - _createdAt;
        if (e.Status is { } next) ChangeStatus(next, e.PerformedAt);
    }

    /// <summary>Produces the result as of <paramref name="asOf"/> and resets for the next ticket.</summary>
    public TicketDuration Finish(DateTimeOffset asOf)
    {
        if (_status is not null && !TicketStatuses.IsDone(_status)) Accrue(_status, asOf - _statusSince);
        var result = new TicketDuration(_ticketId, _createdAt, _status, _open, _pending, _waitingOnCustomer, _waitingOnThirdParty,
            _firstResponse, _resolution, _reopens, _count);
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
            if (!TicketStatuses.IsDone(_status)) Accrue(_status, at - _statusSince);
            else if (!TicketStatuses.IsDone(next)) _reopens++;
        }
        if (_resolution is null && TicketStatuses.IsDone(next)) _resolution = at - _createdAt;
        _status = next;
        _statusSince = at;
    }

    private void Accrue(string status, TimeSpan time)
    {
        if (time < TimeSpan.Zero) time = TimeSpan.Zero;
        switch (status)
        {
            case TicketStatuses.Open: _open += time; break;
            case TicketStatuses.Pending: _pending += time; break;
            case TicketStatuses.WaitingOnCustomer: _waitingOnCustomer += time; break;
            case TicketStatuses.WaitingOnThirdParty: _waitingOnThirdParty += time; break;
        }
    }

    private void Reset()
    {
        _status = null;
        _requesterId = null;
        _open = _pending = _waitingOnCustomer = _waitingOnThirdParty = TimeSpan.Zero;
        _firstResponse = _resolution = null;
        _reopens = _count = 0;
    }
}
