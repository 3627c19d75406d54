using System.Globalization;

namespace SupportTools.Tickets;

/// <summary>
/// Rebuilds a <see cref="TicketActivity"/> from its columns as text, e.g. a row of a CSV file written by
/// <c>Export-Csv</c> from activities (<c>TicketId, PerformedAt, PerformerType, PerformerId, Activity</c>; the lifted
/// facts are recomputed from <c>Activity</c>). Each bad column is an <see cref="InputFormatException"/> naming it.
/// </summary>
public static class TicketActivityColumns
{
    /// <summary>The columns a row needs (<c>PerformerId</c> may be empty for system rows).</summary>
    public static IReadOnlyList<string> Required { get; } = ["TicketId", "PerformedAt", "PerformerType", "Activity"];

    /// <summary>Builds the activity; <paramref name="row"/> (1-based, when known) goes into errors.</summary>
    public static TicketActivity Parse(string? ticketId, string? performedAt, string? performerType, string? performerId,
        string? activity, long? row = null, object? item = null)
    {
        if (!long.TryParse(ticketId?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticket))
            throw Bad("TicketId", $"{JsonValues.Quote(ticketId ?? "")} is not a whole number", row, item);
        if (!TryParseTime(performedAt?.Trim(), out var at))
            throw Bad("PerformedAt", $"{JsonValues.Quote(performedAt ?? "")} is not a date and time with an offset (e.g. '{FreshdeskTime.Format}' or ISO 8601)", row, item);
        if (string.IsNullOrWhiteSpace(performerType))
            throw Bad("PerformerType", "is empty (expected 'user' or 'system')", row, item);
        long? performer = null;
        if (!string.IsNullOrWhiteSpace(performerId))
        {
            if (!long.TryParse(performerId.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                throw Bad("PerformerId", $"{JsonValues.Quote(performerId)} is not a whole number", row, item);
            performer = id;
        }
        if (string.IsNullOrWhiteSpace(activity))
            throw Bad("Activity", "is empty (expected the activity as a JSON object)", row, item);
        try
        {
            return TicketActivity.Create(ticket, at, performerType.Trim(), performer, activity);
        }
        catch (InputFormatException exception)
        {
            throw Bad("Activity", exception.Reason, row, item);
        }
    }

    /// <summary>
    /// The export's own format, ISO 8601, or how PowerShell writes a <see cref="DateTimeOffset"/> into CSV (current
    /// culture, then invariant). A time without an offset is refused: guessing a zone would shift durations.
    /// </summary>
    private static bool TryParseTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        if (FreshdeskTime.TryParse(text, out value)) return true;
        if (!HasOffset(text)) return false;
        return DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out value)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");

    private static InputFormatException Bad(string field, string reason, long? row, object? item) =>
        new($"{field} {reason}.", field: field, record: row, item: item);

}
