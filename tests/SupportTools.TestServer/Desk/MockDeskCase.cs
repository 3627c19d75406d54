using System.Text.Json;

namespace SupportTools.TestServer.Desk;

/// <summary>One generated case, and how the Desk API v2 writes it (scalar fields, custom_fields, _links with counts).</summary>
public sealed record MockDeskCase(
    long Id, string Type, string Status, int Priority, string Subject, string Blurb, string Language, string[] Labels,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FirstOpenedAt, DateTimeOffset? ResolvedAt,
    long CustomerId, long? UserId, long? GroupId, int Replies, int Notes, int Attachments,
    string? Tier, string? Seats, bool? FollowUp)
{
    /// <summary>
    /// Writes the case as one entry of a page; <paramref name="nullLinks"/> leaves out the optional links' objects
    /// (null); <paramref name="olderEra"/> writes the custom fields as an older era of the API did: the check box as
    /// <c>"1"</c>/<c>"0"</c> and the number as a JSON number (the newer era: <c>true</c>/<c>false</c> and text).
    /// </summary>
    public void Write(Utf8JsonWriter json, bool nullLinks, bool olderEra = false)
    {
        json.WriteStartObject();
        json.WriteNumber("id", Id);
        json.WriteNull("external_id");
        json.WriteString("blurb", Blurb);
        json.WriteString("subject", Subject);
        json.WriteNumber("priority", Priority);
        json.WriteNull("locked_until");
        json.WriteString("description", Blurb + " (case " + Id + ")");
        json.WriteString("status", Status);
        json.WriteString("type", Type);
        json.WriteStartArray("labels");
        foreach (var label in Labels) json.WriteStringValue(label);
        json.WriteEndArray();
        json.WriteString("language", Language);
        Time(json, "active_at", UpdatedAt);
        Time(json, "changed_at", UpdatedAt);
        Time(json, "created_at", CreatedAt);
        Time(json, "updated_at", UpdatedAt);
        Time(json, "received_at", CreatedAt);
        Time(json, "first_opened_at", FirstOpenedAt);
        Time(json, "opened_at", FirstOpenedAt);
        Time(json, "first_resolved_at", ResolvedAt);
        Time(json, "resolved_at", ResolvedAt);
        json.WriteStartObject("custom_fields");
        Text(json, "tier", Tier);
        if (olderEra && long.TryParse(Seats, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seats))
            json.WriteNumber("seats", seats);
        else
            Text(json, "seats", Seats); // Desk sends number fields as text
        if (FollowUp is not { } followUp) json.WriteNull("follow_up");
        else if (olderEra) json.WriteString("follow_up", followUp ? "1" : "0");
        else json.WriteBoolean("follow_up", followUp);
        json.WriteEndObject();
        json.WriteStartObject("_links");
        Link(json, "self", $"/api/v2/cases/{Id}", "case");
        Link(json, "message", $"/api/v2/cases/{Id}/message", Type);
        Link(json, "customer", $"/api/v2/customers/{CustomerId}", "customer");
        Link(json, "assigned_user", UserId is null ? null : $"/api/v2/users/{UserId}", "user");
        Link(json, "assigned_group", GroupId is null ? null : $"/api/v2/groups/{GroupId}", "group");
        json.WriteNull("locked_by");
        Link(json, "history", nullLinks ? null : $"/api/v2/cases/{Id}/history", "history");
        Link(json, "case_links", nullLinks ? null : $"/api/v2/cases/{Id}/links", "case_link", 0);
        Link(json, "replies", $"/api/v2/cases/{Id}/replies", "reply", Replies);
        Link(json, "notes", $"/api/v2/cases/{Id}/notes", "note", Notes);
        Link(json, "attachments", $"/api/v2/cases/{Id}/attachments", "attachment", Attachments);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t) json.WriteString(name, t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name); else json.WriteString(name, value);
    }

    /// <summary>A HAL link <c>{"href":…,"class":…}</c> (with <c>count</c> when given), or null.</summary>
    internal static void Link(Utf8JsonWriter json, string rel, string? href, string linkClass, int? count = null)
    {
        if (href is null)
        {
            json.WriteNull(rel);
            return;
        }
        json.WriteStartObject(rel);
        json.WriteString("href", href);
        json.WriteString("class", linkClass);
        if (count is { } n) json.WriteNumber("count", n);
        json.WriteEndObject();
    }
}
