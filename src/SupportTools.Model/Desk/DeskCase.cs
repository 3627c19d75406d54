namespace SupportTools.Desk;

/// <summary>
/// One Desk case as <c>GET /api/v2/cases</c> returns it, flattened: the case's scalar fields (times as
/// <see cref="DateTimeOffset"/>, labels joined), the hrefs of its linked customer, assigned user and group, message,
/// history and itself, and the counts of its attachments, notes and replies. Custom fields are not properties: the
/// cmdlet adds them as <c>Custom_&lt;name&gt;</c> only when asked (<see cref="GetCustomFields"/>).
/// </summary>
public sealed class DeskCase
{
    /// <summary>The separator between labels in <see cref="Labels"/>.</summary>
    public const string LabelSeparator = "; ";

    internal DeskCase(IReadOnlyDictionary<string, object?> customFields) => _customFields = customFields;

    private readonly IReadOnlyDictionary<string, object?> _customFields;

    /// <summary>The case id (<c>id</c>; from the self link when the API left it out).</summary>
    public long? Id { get; internal init; }
    /// <summary>The id of the case in an external system (<c>external_id</c>).</summary>
    public string? ExternalId { get; internal init; }
    /// <summary>The channel: email, phone, chat, twitter, facebook, qna (<c>type</c>).</summary>
    public string? Type { get; internal init; }
    /// <summary>new, open, pending, resolved, closed or deleted (<c>status</c>).</summary>
    public string? Status { get; internal init; }
    /// <summary>1 (lowest) to 10 (<c>priority</c>).</summary>
    public int? Priority { get; internal init; }
    /// <summary>The subject line.</summary>
    public string? Subject { get; internal init; }
    /// <summary>A short excerpt of the case (<c>blurb</c>).</summary>
    public string? Blurb { get; internal init; }
    /// <summary>Description or background information.</summary>
    public string? Description { get; internal init; }
    /// <summary>The case's labels joined with <see cref="LabelSeparator"/>; empty when it has none.</summary>
    public string? Labels { get; internal init; }
    /// <summary>The case's ISO language code.</summary>
    public string? Language { get; internal init; }
    /// <summary>When the case was created.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }
    /// <summary>When the case was last updated by any action.</summary>
    public DateTimeOffset? UpdatedAt { get; internal init; }
    /// <summary>When the case was last updated by a user (<c>changed_at</c>).</summary>
    public DateTimeOffset? ChangedAt { get; internal init; }
    /// <summary>When the case was last active.</summary>
    public DateTimeOffset? ActiveAt { get; internal init; }
    /// <summary>When the most recent message was received.</summary>
    public DateTimeOffset? ReceivedAt { get; internal init; }
    /// <summary>When the case was first opened.</summary>
    public DateTimeOffset? FirstOpenedAt { get; internal init; }
    /// <summary>When the case was most recently opened.</summary>
    public DateTimeOffset? OpenedAt { get; internal init; }
    /// <summary>When the case was first resolved.</summary>
    public DateTimeOffset? FirstResolvedAt { get; internal init; }
    /// <summary>When the case was most recently resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; internal init; }
    /// <summary>When the lock on the case expires.</summary>
    public DateTimeOffset? LockedUntil { get; internal init; }
    /// <summary>The customer's href (<c>_links.customer</c>), e.g. <c>/api/v2/customers/37823480</c>; null when absent.</summary>
    public string? CustomerUri { get; internal init; }
    /// <summary>The assigned user's href; null when the case is unassigned.</summary>
    public string? AssignedUserUri { get; internal init; }
    /// <summary>The assigned group's href; null when no group is assigned.</summary>
    public string? AssignedGroupUri { get; internal init; }
    /// <summary>The href of the case's first message.</summary>
    public string? MessageUri { get; internal init; }
    /// <summary>The href of the case's history.</summary>
    public string? HistoryUri { get; internal init; }
    /// <summary>The case's own href.</summary>
    public string? SelfUri { get; internal init; }
    /// <summary>How many attachments the case has (<c>_links.attachments.count</c>); null when the API did not say.</summary>
    public int? Attachments { get; internal init; }
    /// <summary>How many notes the case has (<c>_links.notes.count</c>); null when the API did not say.</summary>
    public int? Notes { get; internal init; }
    /// <summary>How many replies the case has (<c>_links.replies.count</c>); null when the API did not say.</summary>
    public int? Replies { get; internal init; }

    /// <summary>
    /// The case's custom fields (<c>custom_fields</c>) by name, values as the API gave them (string, long, double, bool or
    /// null); empty unless the pull asked for them. A method, not a property, so <c>Export-Csv</c> never writes it.
    /// </summary>
    public IReadOnlyDictionary<string, object?> GetCustomFields() => _customFields;
}
