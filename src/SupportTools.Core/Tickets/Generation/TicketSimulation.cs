using System.Buffers;
using System.Text.Json;

namespace SupportTools.Tickets.Generation;

/// <summary>One generated activity: its row fields and where its JSON sits in the shared buffer.</summary>
internal readonly record struct GeneratedActivity(long TicketId, DateTimeOffset PerformedAt, bool IsSystem, long? PerformerId, int JsonStart, int JsonLength);

/// <summary>
/// Plays one ticket's life as a sparse activity log: created by the requester, routed by automation or picked up
/// by an agent, rounds of agent reply → waiting (customer, third party, pending) → customer reply → open, the odd
/// private note and property change, resolution, auto-close, and sometimes a reopen. Activities after the window's
/// end are cut, which leaves late tickets in progress as on a real desk.
/// </summary>
internal sealed class TicketSimulation
{
    private readonly DeskProfile _desk;
    private readonly Rng _rng = new(0);
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly List<GeneratedActivity> _activities = [];
    private long _ticketId, _requester, _agent;
    private DateTimeOffset _now, _end;
    private long _nextNoteId;

    public TicketSimulation(DeskProfile desk)
    {
        _desk = desk;
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JsonOutput.Encoder, SkipValidation = true });
    }

    /// <summary>The last ticket's activities, in time order.</summary>
    public IReadOnlyList<GeneratedActivity> Activities => _activities;

    /// <summary>The bytes the activities' JSON offsets point into.</summary>
    public ReadOnlySpan<byte> Json => _json.WrittenSpan;

    /// <summary>Simulates ticket <paramref name="ticketId"/> created at <paramref name="createdAt"/> with its own random stream.</summary>
    public void Run(ulong streamSeed, long ticketId, DateTimeOffset createdAt, DateTimeOffset end, long firstNoteId)
    {
        _rng.Reseed(streamSeed);
        _activities.Clear();
        _json.ResetWrittenCount();
        _ticketId = ticketId;
        _now = createdAt;
        _end = end;
        _nextNoteId = firstNoteId;
        _requester = _desk.DrawRequester(_rng);
        _agent = _desk.Agents.Draw(_rng);
        Create();
        Work();
    }

    private void Create()
    {
        var source = DeskProfile.Sources.Draw(_rng);
        Emit(_requester, w =>
        {
            w.WriteBoolean("new_ticket", true);
            w.WriteString("status", TicketStatuses.Open);
            w.WriteString("priority", DeskProfile.Priorities.Draw(_rng));
            w.WriteString("source", source);
            w.WriteNumber("requester", _requester);
        });
        if (_rng.Chance(DeskProfile.AutoAssignShare))
        {
            Advance(_rng.LogNormal(0.3, 0.5));
            var group = DeskProfile.Groups.Draw(_rng);
            EmitSystem(w =>
            {
                Automation(w, "Ticket Creation", "Route to " + group);
                w.WriteString("group", group);
                w.WriteNumber("agent_id", _agent);
            });
        }
    }

    private void Work()
    {
        var firstReply = true;
        for (var round = 0; round < 12; round++)
        {
            // The agent picks it up and answers.
            if (!Advance(_rng.LogNormal(firstReply ? DeskProfile.FirstResponseMedianMinutes : DeskProfile.FollowUpMedianMinutes,
                    firstReply ? DeskProfile.FirstResponseSigma : DeskProfile.FollowUpSigma))) return;
            if (_rng.Chance(DeskProfile.PrivateNoteShare) && !PrivateNote()) return;
            if (_rng.Chance(DeskProfile.PropertyChangeShare) && !PropertyChange()) return;
            if (firstReply && !_activities.Any(a => a.IsSystem)) Emit(_agent, w => w.WriteNumber("agent_id", _agent));
            Note(_agent, _rng.Chance(0.85) ? 0 : _rng.Chance(0.5) ? 4 : 5);
            firstReply = false;

            if (_rng.Chance(DeskProfile.FirstContactResolution + 0.15 * round))
            {
                if (!Resolve()) return;
                continue; // reopened: another round
            }
            var waiting = DeskProfile.AfterReply.Draw(_rng);
            if (!Advance(_rng.LogNormal(0.5, 0.8))) return;
            Emit(_agent, w => w.WriteString("status", waiting));
            if (!AwaitOthers(waiting)) return;
        }
    }

    /// <summary>The wait after an agent's reply; false when the window ends or the ticket is finished.</summary>
    private bool AwaitOthers(string waiting)
    {
        if (waiting == TicketStatuses.WaitingOnThirdParty)
        {
            if (!Advance(_rng.LogNormal(DeskProfile.ThirdPartyMedianMinutes, DeskProfile.ThirdPartySigma))) return false;
            if (!PrivateNote()) return false;
            Emit(_agent, w => w.WriteString("status", TicketStatuses.Open));
            return true;
        }
        if (!_rng.Chance(DeskProfile.CustomerReplyShare))
        {
            // No answer from the customer: the desk resolves it after a couple of days.
            if (!Advance(_rng.LogNormal(2 * 24 * 60, 0.3))) return false;
            AutomationSetsStatus("Supervisor", "Resolve after 48h without reply", TicketStatuses.Resolved);
            return CloseOrReopen();
        }
        return CustomerReply(DeskProfile.CustomerReplyMedianMinutes, DeskProfile.CustomerReplySigma);
    }

    /// <summary>The customer writes back; an automation puts the ticket back to Open.</summary>
    private bool CustomerReply(double medianMinutes, double sigma)
    {
        if (!Advance(_rng.LogNormal(medianMinutes, sigma))) return false;
        Note(_requester, 0);
        if (!Advance(_rng.LogNormal(0.05, 0.5))) return false;
        AutomationSetsStatus("Ticket Update", "Reopen on customer reply", TicketStatuses.Open);
        return true;
    }

    private bool Resolve()
    {
        if (!Advance(_rng.LogNormal(1, 1))) return false;
        Emit(_agent, w => w.WriteString("status", TicketStatuses.Resolved));
        return CloseOrReopen();
    }

    /// <summary>After resolution: sometimes the customer comes back (true: work goes on), else auto-close (false).</summary>
    private bool CloseOrReopen()
    {
        if (_rng.Chance(DeskProfile.ReopenShare)) return CustomerReply(DeskProfile.ReopenMedianMinutes, 1.0);
        if (Advance(_rng.LogNormal(DeskProfile.CloseAfterResolveMedianMinutes, DeskProfile.CloseSigma)))
            AutomationSetsStatus("Supervisor", "Close resolved tickets after 48h", TicketStatuses.Closed);
        return false;
    }

    private bool PrivateNote()
    {
        if (!Advance(_rng.LogNormal(5, 1))) return false;
        Note(_agent, 3);
        return true;
    }

    private bool PropertyChange()
    {
        if (!Advance(_rng.LogNormal(2, 1))) return false;
        switch (_rng.Next(4))
        {
            case 0: Emit(_agent, w => w.WriteString("priority", DeskProfile.Priorities.Draw(_rng))); break;
            case 1:
                Emit(_agent, w =>
                {
                    w.WriteStartArray("added_tags");
                    w.WriteStringValue(DeskProfile.Tags.Draw(_rng));
                    w.WriteEndArray();
                });
                break;
            case 2: Emit(_agent, w => w.WriteString("Issue Type", DeskProfile.IssueTypes.Draw(_rng))); break;
            default: Emit(_agent, w => w.WriteString("product", DeskProfile.Products.Draw(_rng))); break;
        }
        return true;
    }

    private void Note(long performer, int type) => Emit(performer, w =>
    {
        w.WriteStartObject("note");
        w.WriteNumber("id", _nextNoteId++);
        w.WriteNumber("type", type);
        w.WriteEndObject();
    });

    /// <summary>An automation rule (system performer) changing the status.</summary>
    private void AutomationSetsStatus(string type, string rule, string status) => EmitSystem(w =>
    {
        Automation(w, type, rule);
        w.WriteString("status", status);
    });

    private static void Automation(Utf8JsonWriter w, string type, string rule)
    {
        w.WriteStartObject("automation");
        w.WriteString("type", type);
        w.WriteString("rule", rule);
        w.WriteEndObject();
    }

    /// <summary>Moves the clock on by whole seconds (at least one); false once past the window's end.</summary>
    private bool Advance(double minutes)
    {
        _now = _now.AddSeconds(Math.Max(1, Math.Round(Math.Min(minutes, 60 * 24 * 30) * 60)));
        return _now <= _end;
    }

    private void EmitSystem(Action<Utf8JsonWriter> body) => Emit(null, body);

    /// <summary>Appends an activity by <paramref name="performer"/> (null: the system) at the current time.</summary>
    private void Emit(long? performer, Action<Utf8JsonWriter> body)
    {
        _writer.Reset();
        var start = _json.WrittenCount;
        _writer.WriteStartObject();
        body(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        _activities.Add(new GeneratedActivity(_ticketId, _now, performer is null, performer, start, _json.WrittenCount - start));
    }
}
