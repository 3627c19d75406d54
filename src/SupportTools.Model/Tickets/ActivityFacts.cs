namespace SupportTools.Tickets;

/// <summary>What the rest of the module needs to know about an activity object, read once.</summary>
/// <param name="Status">The status it changes to (canonical name, or a custom status as given); null when none.</param>
/// <param name="NoteId">The note's id, when the activity is a note.</param>
/// <param name="NoteType">The note's type (0 reply … 6 broadcast), when the activity is a note.</param>
/// <param name="RequesterId">The requester it names (<c>requester</c> or <c>requester_id</c>).</param>
/// <param name="IsAutomation">True when it carries an <c>automation</c> object.</param>
/// <param name="Changes">Its top-level keys, comma-separated, in file order.</param>
/// <param name="Priority">The priority it sets (Low, Medium, High, Urgent, or as given), or null; see <c>TicketProperties</c> in SupportTools.Core.</param>
/// <param name="Group">The group it assigns the ticket to, or null.</param>
public readonly record struct ActivityFacts(string? Status, long? NoteId, int? NoteType, long? RequesterId, bool IsAutomation, string Changes,
    string? Priority = null, string? Group = null);
