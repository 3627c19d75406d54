using System.Globalization;
using System.Text.Json;

namespace SupportTools.Tickets;

/// <summary>
/// The priority and group an activity sets. Only activities whose keys include them are parsed (the store keeps the
/// changed keys), so reading them costs nothing for notes and status changes. Freshdesk's exports write the priority by
/// name ("Low" … "Urgent"); its API's numbers 1-4 are mapped to the same names.
/// </summary>
internal static class TicketProperties
{
    private static readonly string[] PriorityNames = ["Low", "Medium", "High", "Urgent"];

    /// <summary>The priority and group <paramref name="activity"/> sets (null when it sets none).</summary>
    public static (string? Priority, string? Group) Read(TicketActivity activity)
    {
        if (!Names(activity.Changes, "priority") && !Names(activity.Changes, "group")) return (null, null);
        using var document = JsonDocument.Parse(activity.Activity);
        string? priority = null, group = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("priority")) priority = Priority(property.Value);
            else if (property.NameEquals("group")) group = Text(property.Value);
        }
        return (priority, group);
    }

    /// <summary>A priority's canonical name: the four built-in names in any case, 1-4 as numbers; other values as given.</summary>
    public static string? Priority(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number is >= 1 and <= 4 ? PriorityNames[number - 1] : number.ToString(CultureInfo.InvariantCulture);
        return Text(value) is { } text ? Normalize(text) : null;
    }

    /// <summary>The canonical spelling of a built-in priority name; any other text trimmed.</summary>
    public static string Normalize(string priority)
    {
        var trimmed = priority.Trim();
        return PriorityNames.FirstOrDefault(name => name.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4 ? PriorityNames[n - 1] : trimmed);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>True when the comma-separated <paramref name="changes"/> include <paramref name="key"/>.</summary>
    private static bool Names(string changes, string key) =>
        changes.Contains(key, StringComparison.Ordinal) && Array.IndexOf(changes.Split(','), key) >= 0;
}
