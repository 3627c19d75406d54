using System.Globalization;
using System.Text.Json;

namespace SupportTools.Desk;

/// <summary>
/// One custom field value normalised by its field's type, so that cases from different eras of the API agree: Desk
/// sent a check box as <c>false</c> on one page and <c>"0"</c> on another, a number as <c>40</c> or <c>"40"</c>.
/// The rule: an empty text or null is null; a boolean field takes true/false, 1/0, "true"/"false", "1"/"0",
/// "yes"/"no" (any case); an integer field takes whole numbers and their text; a date field takes ISO 8601 text;
/// text and list fields take the value's text (numbers and booleans as JSON writes them). A value its type cannot
/// read, and a field the site does not list, stay as the API sent them (string, long, double, bool).
/// </summary>
internal static class DeskCustomFieldValue
{
    public static object? Normalize(JsonElement value, DeskCustomFieldType type)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0 && type != DeskCustomFieldType.Unknown) return null;
        return type switch
        {
            DeskCustomFieldType.Boolean when AsBoolean(value) is { } flag => flag,
            DeskCustomFieldType.Integer when AsWhole(value) is { } whole => whole,
            DeskCustomFieldType.Date when value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
            DeskCustomFieldType.Text or DeskCustomFieldType.List when value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => AsSent(value),
        };
    }

    /// <summary>The value as the API sent it: a list or object (not a Desk field type) as its JSON text, so nothing is lost.</summary>
    public static object? AsSent(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    private static bool? AsBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var number) && number is 0 or 1 => number == 1,
        JsonValueKind.String => value.GetString()!.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        },
        _ => null,
    };

    private static long? AsWhole(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var whole)) return whole;
            return value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue ? (long)d : null;
        }
        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
