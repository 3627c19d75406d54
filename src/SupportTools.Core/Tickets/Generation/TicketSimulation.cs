using System.Buffers;
using System.Text.Json;

namespace SupportTools.Tickets.Generation;

/// <summary>
/// Plays tickets' lives as sparse activity logs: created by the requester, routed by automation or picked up by an
/// agent, rounds of agent reply → waiting (customer, third party, pending) → customer reply → open, the odd private
/// note and property change, resolution, auto-close, and sometimes a reopen. Activities after the window's end are
/// cut, which leaves late tickets in progress as on a real desk.
/// <para>
/// A life is played one activity at a time: <see cref="Step"/> writes the ticket's due activity, then draws what
/// happens next and when, and leaves it all in the ticket's <see cref="TicketState"/> (its random stream included),
/// so a ticket costs its small state while open and nothing is buffered. Each ticket draws from its own stream in
/// the same order as if its life were played at once, so the result does not depend on the interleaving.
/// </para>
/// </summary>
internal sealed class TicketSimulation
{
    private const int MaxRounds = 12;
    /// <summary>Note ids a ticket may use: its block starts at the first note id + 64 × its creation rank.</summary>
    public const long NoteIdsPerTicket = 64;
    private readonly DeskProfile _desk;
    private readonly Rng _rng = new(0);
    private readonly ArrayBufferWriter<byte> _json = new(512);
    private readonly Utf8JsonWriter _writer;
    private readonly long _startTicks, _endSeconds, _firstTicketId, _firstNoteId;
    private readonly TimeSpan _offset;
    private TicketState _ticket;
    private long _seconds; // the clock of the ticket being stepped
    private long _performedSeconds;

    /// <summary>A simulation of tickets in the window [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public TicketSimulation(DeskProfile desk, DateTimeOffset start, DateTimeOffset end, long firstTicketId, long firstNoteId)
    {
        _desk = desk;
        _startTicks = start.Ticks;
        _offset = start.Offset;
        _endSeconds = (end - start).Ticks / TimeSpan.TicksPerSecond;
        _firstTicketId = firstTicketId;
        _firstNoteId = firstNoteId;
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JsonOutput.Encoder, SkipValidation = true });
    }

    /// <summary>The last activity's ticket.</summary>
    public long TicketId { get; private set; }

    /// <summary>The last activity's time.</summary>
    public DateTimeOffset PerformedAt => new(_startTicks + _performedSeconds * TimeSpan.TicksPerSecond, _offset);

    /// <summary>The last activity's performer; null for the system.</summary>
    public long? PerformerId { get; private set; }

    /// <summary>The last activity's JSON, valid until the next <see cref="Step"/>.</summary>
    public ReadOnlySpan<byte> Json => _json.WrittenSpan;

    /// <summary>A new ticket of creation rank <paramref name="rank"/>, due to be created <paramref name="createdSeconds"/> after the start.</summary>
    public TicketState Open(ulong streamSeed, int rank, long createdSeconds)
    {
        _rng.Reseed(streamSeed);
        return new TicketState
        {
            Key = TicketState.KeyOf(createdSeconds, rank),
            Requester = (int)_desk.DrawRequester(_rng),
            Agent = (int)_desk.Agents.Draw(_rng),
            Phase = TicketPhase.NewTicket,
            Rng = _rng.State,
        };
    }

    /// <summary>
    /// Writes <paramref name="ticket"/>'s due activity (read it through <see cref="TicketId"/>, <see cref="PerformedAt"/>,
    /// <see cref="PerformerId"/> and <see cref="Json"/>) and moves the ticket on to its next one; false when it has none
    /// (finished, or its next activity falls after the window's end).
    /// </summary>
    public bool Step(ref TicketState ticket)
    {
        _ticket = ticket;
        _rng.State = ticket.Rng;
        _seconds = _performedSeconds = ticket.Seconds;
        TicketId = _firstTicketId + ticket.Rank;
        Play();
        _ticket.Rng = _rng.State;
        _ticket.Key = TicketState.KeyOf(_seconds, ticket.Rank);
        ticket = _ticket;
        return _ticket.Phase != TicketPhase.Done && _seconds <= _endSeconds;
    }

    /// <summary>The due activity, then the draws up to the next one (in the order a whole life would draw them).</summary>
    private void Play()
    {
        switch (_ticket.Phase)
        {
            case TicketPhase.NewTicket:
            {
                var source = DeskProfile.Sources.Draw(_rng);
                var w = Begin(_ticket.Requester);
                w.WriteBoolean("new_ticket", true);
                w.WriteString("status", TicketStatuses.Open);
                w.WriteString("priority", DeskProfile.Priorities.Draw(_rng));
                w.WriteString("source", source);
                w.WriteNumber("requester", _ticket.Requester);
                End();
                if (_rng.Chance(DeskProfile.AutoAssignShare))
                {
                    Advance(_rng.LogNormal(0.3, 0.5));
                    _ticket.Phase = TicketPhase.Route;
                }
                else StartRound();
                break;
            }
            case TicketPhase.Route:
            {
                var group = DeskProfile.Groups.Draw(_rng);
                var w = Automation("Ticket Creation", "Route to " + group);
                w.WriteString("group", group);
                w.WriteNumber("agent_id", _ticket.Agent);
                End();
                _ticket.Flags |= TicketState.RoutedFlag;
                StartRound();
                break;
            }
            case TicketPhase.ReplyPrivateNote:
                Note(_ticket.Agent, 3);
                AfterPrivateNote();
                break;
            case TicketPhase.PropertyChange:
                PropertyChange();
                BeforeReply();
                break;
            case TicketPhase.AssignAgent:
                Begin(_ticket.Agent).WriteNumber("agent_id", _ticket.Agent);
                End();
                _ticket.Phase = TicketPhase.Reply;
                break;
            case TicketPhase.Reply:
                Note(_ticket.Agent, _rng.Chance(0.85) ? 0 : _rng.Chance(0.5) ? 4 : 5);
                AfterReply();
                break;
            case TicketPhase.SetWaiting:
                SetStatus(_ticket.Agent, DeskProfile.AfterReply[_ticket.Flags & ~TicketState.RoutedFlag]);
                AwaitOthers();
                break;
            case TicketPhase.Resolved:
                SetStatus(_ticket.Agent, TicketStatuses.Resolved);
                CloseOrReopen();
                break;
            case TicketPhase.SilentResolve:
                AutomationSetsStatus("Supervisor", "Resolve after 48h without reply", TicketStatuses.Resolved);
                CloseOrReopen();
                break;
            case TicketPhase.Closed:
                AutomationSetsStatus("Supervisor", "Close resolved tickets after 48h", TicketStatuses.Closed);
                _ticket.Phase = TicketPhase.Done;
                break;
            case TicketPhase.CustomerNote:
                Note(_ticket.Requester, 0);
                Advance(_rng.LogNormal(0.05, 0.5));
                _ticket.Phase = TicketPhase.ReopenOnReply;
                break;
            case TicketPhase.ReopenOnReply:
                AutomationSetsStatus("Ticket Update", "Reopen on customer reply", TicketStatuses.Open);
                NextRound();
                break;
            case TicketPhase.ThirdPartyNote:
                Note(_ticket.Agent, 3);
                _ticket.Phase = TicketPhase.ThirdPartyOpen;
                break;
            case TicketPhase.ThirdPartyOpen:
                SetStatus(_ticket.Agent, TicketStatuses.Open);
                NextRound();
                break;
            default:
                throw new InvalidOperationException($"Ticket phase {_ticket.Phase} has no activity.");
        }
    }

    /// <summary>An agent round: the agent picks it up, maybe notes or changes something, and answers.</summary>
    private void StartRound()
    {
        if (_ticket.Round >= MaxRounds)
        {
            _ticket.Phase = TicketPhase.Done;
            return;
        }
        var first = _ticket.Round == 0;
        Advance(_rng.LogNormal(first ? DeskProfile.FirstResponseMedianMinutes : DeskProfile.FollowUpMedianMinutes,
            first ? DeskProfile.FirstResponseSigma : DeskProfile.FollowUpSigma));
        if (_rng.Chance(DeskProfile.PrivateNoteShare))
        {
            Advance(_rng.LogNormal(5, 1));
            _ticket.Phase = TicketPhase.ReplyPrivateNote;
        }
        else AfterPrivateNote();
    }

    private void AfterPrivateNote()
    {
        if (_rng.Chance(DeskProfile.PropertyChangeShare))
        {
            Advance(_rng.LogNormal(2, 1));
            _ticket.Phase = TicketPhase.PropertyChange;
        }
        else BeforeReply();
    }

    /// <summary>On the first reply an agent not assigned by automation assigns it first.</summary>
    private void BeforeReply() =>
        _ticket.Phase = _ticket.Round == 0 && (_ticket.Flags & TicketState.RoutedFlag) == 0 ? TicketPhase.AssignAgent : TicketPhase.Reply;

    /// <summary>After the reply: resolved (more often each round), or waiting on someone.</summary>
    private void AfterReply()
    {
        if (_rng.Chance(DeskProfile.FirstContactResolution + 0.15 * _ticket.Round))
        {
            Advance(_rng.LogNormal(1, 1));
            _ticket.Phase = TicketPhase.Resolved;
            return;
        }
        _ticket.Flags = (byte)(_ticket.Flags & TicketState.RoutedFlag | DeskProfile.AfterReply.DrawIndex(_rng));
        Advance(_rng.LogNormal(0.5, 0.8));
        _ticket.Phase = TicketPhase.SetWaiting;
    }

    /// <summary>The wait after an agent's reply: a third party, the customer, or the customer's silence.</summary>
    private void AwaitOthers()
    {
        if (DeskProfile.AfterReply[_ticket.Flags & ~TicketState.RoutedFlag] == TicketStatuses.WaitingOnThirdParty)
        {
            Advance(_rng.LogNormal(DeskProfile.ThirdPartyMedianMinutes, DeskProfile.ThirdPartySigma));
            Advance(_rng.LogNormal(5, 1)); // the agent's private note on the answer
            _ticket.Phase = TicketPhase.ThirdPartyNote;
        }
        else if (!_rng.Chance(DeskProfile.CustomerReplyShare))
        {
            // No answer from the customer: the desk resolves it after a couple of days.
            Advance(_rng.LogNormal(2 * 24 * 60, 0.3));
            _ticket.Phase = TicketPhase.SilentResolve;
        }
        else CustomerReply(DeskProfile.CustomerReplyMedianMinutes, DeskProfile.CustomerReplySigma);
    }

    /// <summary>The customer writes back; an automation puts the ticket back to Open.</summary>
    private void CustomerReply(double medianMinutes, double sigma)
    {
        Advance(_rng.LogNormal(medianMinutes, sigma));
        _ticket.Phase = TicketPhase.CustomerNote;
    }

    /// <summary>After resolution: sometimes the customer comes back (another round), else auto-close.</summary>
    private void CloseOrReopen()
    {
        if (_rng.Chance(DeskProfile.ReopenShare))
        {
            CustomerReply(DeskProfile.ReopenMedianMinutes, 1.0);
            return;
        }
        Advance(_rng.LogNormal(DeskProfile.CloseAfterResolveMedianMinutes, DeskProfile.CloseSigma));
        _ticket.Phase = TicketPhase.Closed;
    }

    private void NextRound()
    {
        _ticket.Round++;
        StartRound();
    }

    private void PropertyChange()
    {
        var w = Begin(_ticket.Agent);
        switch (_rng.Next(4))
        {
            case 0: w.WriteString("priority", DeskProfile.Priorities.Draw(_rng)); break;
            case 1:
                w.WriteStartArray("added_tags");
                w.WriteStringValue(DeskProfile.Tags.Draw(_rng));
                w.WriteEndArray();
                break;
            case 2: w.WriteString("Issue Type", DeskProfile.IssueTypes.Draw(_rng)); break;
            default: w.WriteString("product", DeskProfile.Products.Draw(_rng)); break;
        }
        End();
    }

    private void Note(long performer, int type)
    {
        var w = Begin(performer);
        w.WriteStartObject("note");
        w.WriteNumber("id", _firstNoteId + _ticket.Rank * NoteIdsPerTicket + _ticket.Notes++);
        w.WriteNumber("type", type);
        w.WriteEndObject();
        End();
    }

    private void SetStatus(long performer, string status)
    {
        Begin(performer).WriteString("status", status);
        End();
    }

    /// <summary>An automation rule (system performer) changing the status.</summary>
    private void AutomationSetsStatus(string type, string rule, string status)
    {
        Automation(type, rule).WriteString("status", status);
        End();
    }

    /// <summary>Starts a system activity with its automation rule; the caller adds the changes and calls <see cref="End"/>.</summary>
    private Utf8JsonWriter Automation(string type, string rule)
    {
        var w = Begin(null);
        w.WriteStartObject("automation");
        w.WriteString("type", type);
        w.WriteString("rule", rule);
        w.WriteEndObject();
        return w;
    }

    /// <summary>Moves the ticket's clock on by whole seconds (at least one); <see cref="Step"/> cuts what falls after the window.</summary>
    private void Advance(double minutes) => _seconds += (long)Math.Max(1, Math.Round(Math.Min(minutes, 60 * 24 * 30) * 60));

    /// <summary>Starts the activity by <paramref name="performer"/> (null: the system) at the ticket's due time.</summary>
    private Utf8JsonWriter Begin(long? performer)
    {
        PerformerId = performer;
        _json.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        return _writer;
    }

    private void End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
    }
}
