namespace SupportTools.Tickets;

/// <summary>
/// The facts of one activity that the duration and SLA reports read. Both the store and piped
/// <see cref="TicketActivity"/> objects reduce to this, so durations have one implementation.
/// </summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="PerformedAt">When it happened.</param>
/// <param name="IsSystemActor">A non-user performer or an automation rule.</param>
/// <param name="PerformerId">Who did it; null for system rows.</param>
/// <param name="Status">Canonical status it changed to, or null.</param>
/// <param name="NoteType">Note type when it is a note.</param>
/// <param name="RequesterId">Requester it names, if any.</param>
/// <param name="Priority">Priority it changed to (Low, Medium, High, Urgent, or as given), or null.</param>
/// <param name="Group">Group it assigned the ticket to, or null.</param>
public readonly record struct TicketEvent(long TicketId, DateTimeOffset PerformedAt, bool IsSystemActor, long? PerformerId,
    string? Status, int? NoteType, long? RequesterId, string? Priority = null, string? Group = null)
{
    /// <summary>The facts of a piped activity (priority and group read from its JSON when it changes them).</summary>
    public static TicketEvent From(TicketActivity activity)
    {
        var (priority, group) = TicketProperties.Read(activity);
        return new(activity.TicketId, activity.PerformedAt, activity.IsSystemActor, activity.PerformerId,
            activity.Status, activity.NoteType, activity.RequesterId, priority, group);
    }
}
