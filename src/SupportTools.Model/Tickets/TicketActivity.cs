using System.Globalization;

namespace SupportTools.Tickets;

/// <summary>
/// One row of a Freshdesk ticket-activity export. Flat and scalar so it pipes into <c>Export-Csv</c>:
/// the activity object itself travels as compact JSON in <see cref="Activity"/> (unknown keys kept), and the
/// facts other cmdlets need are lifted out of it into their own properties.
/// </summary>
public sealed class TicketActivity
{
    /// <summary>Builds an activity from already-read parts (the file reader and the store use this).</summary>
    public TicketActivity(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId,
        string activity, ActivityFacts facts)
    {
        TicketId = ticketId;
        PerformedAt = performedAt;
        PerformerType = performerType;
        PerformerId = performerId;
        Activity = activity;
        Status = facts.Status;
        NoteId = facts.NoteId;
        NoteType = facts.NoteType;
        RequesterId = facts.RequesterId;
        IsAutomation = facts.IsAutomation;
        Changes = facts.Changes;
    }

    /// <summary>The ticket (<c>ticket_id</c>).</summary>
    public long TicketId { get; }
    /// <summary>When it happened (<c>performed_at</c>), with the export's offset.</summary>
    public DateTimeOffset PerformedAt { get; }
    /// <summary><c>user</c> or <c>system</c> (<c>performer_type</c>).</summary>
    public string PerformerType { get; }
    /// <summary>Who did it (<c>performer_id</c>); null for system rows.</summary>
    public long? PerformerId { get; }
    /// <summary>The status it changed to (canonical name), or null.</summary>
    public string? Status { get; }
    /// <summary>The note's id when it is a note.</summary>
    public long? NoteId { get; }
    /// <summary>The note's type when it is a note: 0 reply, 1 forward, 2 reply to forward, 3 private, 4 public, 5 phone, 6 broadcast.</summary>
    public int? NoteType { get; }
    /// <summary>The requester the activity names (<c>requester</c>/<c>requester_id</c>).</summary>
    public long? RequesterId { get; }
    /// <summary>True when an automation rule performed it.</summary>
    public bool IsAutomation { get; }
    /// <summary>The activity object's keys, comma-separated (e.g. <c>status,priority</c>).</summary>
    public string Changes { get; }
    /// <summary>The activity object as compact JSON, exactly what is stored and exported.</summary>
    public string Activity { get; }

    /// <summary>True when a system actor (not a person) performed it: a non-user performer or an automation rule.</summary>
    public bool IsSystemActor => IsSystemActorOf(PerformerType, IsAutomation);

    /// <summary>The one definition of a system actor, for objects and for rows read from the store alike.</summary>
    public static bool IsSystemActorOf(string performerType, bool isAutomation) => isAutomation || IsSystemPerformer(performerType);

    /// <summary>True for performer types other than <c>user</c>/<c>agent</c>.</summary>
    public static bool IsSystemPerformer(string performerType) =>
        !performerType.Equals("user", StringComparison.OrdinalIgnoreCase) && !performerType.Equals("agent", StringComparison.OrdinalIgnoreCase);

    /// <summary>Same ticket, time, performer and activity JSON.</summary>
    public bool SameAs(TicketActivity other) =>
        TicketId == other.TicketId && PerformedAt.Equals(other.PerformedAt) && PerformedAt.Offset == other.PerformedAt.Offset
        && PerformerType == other.PerformerType && PerformerId == other.PerformerId && Activity == other.Activity;

    /// <inheritdoc />
    public override string ToString() =>
        $"{TicketId} {PerformedAt.ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture)} {(PerformedAt.Offset < TimeSpan.Zero ? '-' : '+')}{PerformedAt.Offset.ToString("hhmm", CultureInfo.InvariantCulture)} {Changes}";
}
