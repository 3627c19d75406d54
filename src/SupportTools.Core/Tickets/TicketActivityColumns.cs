using System.Globalization;

namespace SupportTools.Tickets;

/// <summary>
/// Rebuilds a <see cref="TicketActivity"/> from its columns as text, e.g. a row of a CSV file written by
/// <c>Export-Csv</c> from activities (<c>TicketId, PerformedAt, PerformerType, PerformerId, Activity</c>; the lifted
/// facts are recomputed from <c>Activity</c>). Each bad column is an <see cref="InputFormatException"/> naming it.
/// </summary>
public static partial class TicketActivityColumns
{
    /// <summary>The columns a row needs (<c>PerformerId</c> may be empty for system rows).</summary>
    public static IReadOnlyList<string> Required { get; } = ["TicketId", "PerformedAt", "PerformerType", "Activity"];

    /// <summary>Builds the activity; <paramref name="row"/> (1-based, when known) goes into errors.</summary>
    public static TicketActivity Parse(string? ticketId, string? performedAt, string? performerType, string? performerId,
        string? activity, long? row = null, object? item = null)
    {
        if (!long.TryParse(ticketId?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticket))
            throw Bad("TicketId", $"{JsonValues.Quote(ticketId ?? "")} is not a whole number", row, item);
        if (TimeProblem(performedAt?.Trim(), out var at) is { } problem)
            throw Bad("PerformedAt", $"{JsonValues.Quote(performedAt ?? "")} {problem}", row, item);
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
            return TicketActivityJson.Create(ticket, at, performerType.Trim(), performer, activity);
        }
        catch (InputFormatException exception)
        {
            throw Bad("Activity", exception.Reason, row, item);
        }
    }

    /// <summary>
    /// Reads a time the way it was written, whatever the culture of this session: the export's own format
    /// (dd-MM-yyyy HH:mm:ss +hhmm), ISO 8601, or how <c>Export-Csv</c> writes a <see cref="DateTimeOffset"/> in the
    /// writer's culture (e.g. en-GB 05/04/2017 09:33:38 +00:00, en-US 4/5/2017 9:33:38 AM +00:00). Numeric dates are read
    /// by their values, never by this session's culture: a part above 12 is the day; when both could be the month and
    /// they differ the date is ambiguous and refused (reading it by the session's culture would silently swap day and
    /// month for a file written elsewhere). A time without an offset is refused too: guessing a zone would shift
    /// durations. Returns why it cannot be read, or null.
    /// </summary>
    internal static string? TimeProblem(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return "is empty (expected a date and time with an offset, e.g. ISO 8601 2017-04-21T09:33:38+00:00)";
        if (FreshdeskTime.TryParse(text, out value)) return null;
        if (!HasOffset(text)) return $"has no UTC offset (expected e.g. '{FreshdeskTime.Format}' or ISO 8601 2017-04-21T09:33:38+00:00)";
        var numeric = NumericDate().Match(text);
        if (numeric.Success) return NumericTime(numeric, out value);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)) return null;
        return $"is not a date and time with an offset (expected e.g. '{FreshdeskTime.Format}' or ISO 8601 2017-04-21T09:33:38+00:00)";
    }

    private static string? NumericTime(System.Text.RegularExpressions.Match match, out DateTimeOffset value)
    {
        value = default;
        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        int first = Part("a"), second = Part("b"), year = Part("year");
        int day, month;
        if (first > 12 && second <= 12) (day, month) = (first, second);
        else if (second > 12 && first <= 12) (day, month) = (second, first);
        else if (first == second) (day, month) = (first, first);
        else if (first > 12) return "is not a real date (neither part can be the month)";
        else
            return $"is ambiguous: {first:00}/{second:00}/{year} may be {first} {Month(second)} or {second} {Month(first)} depending on the culture " +
                "that wrote it; write times as ISO 8601 (yyyy-MM-ddTHH:mm:sszzz), as Export-TicketActivity and Get-Date -Format o do";
        var hour = Part("hour");
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return "is not a real time (hour with AM/PM)";
            var pm = match.Groups["ampm"].Value.Equals("PM", StringComparison.OrdinalIgnoreCase);
            hour = hour % 12 + (pm ? 12 : 0);
        }
        var minute = Part("minute");
        var second2 = match.Groups["second"].Success ? Part("second") : 0;
        var zone = match.Groups["zone"].Value;
        var offset = zone is "Z" or "z" ? TimeSpan.Zero
            : new TimeSpan(int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zone.AsSpan(zone.Length - 2), CultureInfo.InvariantCulture), 0)
              * (zone[0] == '-' ? -1 : 1);
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second2 > 59
            || offset.Duration() > TimeSpan.FromHours(14))
            return "is not a real date and time";
        value = new DateTimeOffset(year, month, day, hour, minute, second2, offset);
        return null;
    }

    private static string Month(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<a>\d{1,2})[/.\-](?<b>\d{1,2})[/.\-](?<year>\d{4})[ T]+(?<hour>\d{1,2}):(?<minute>\d{2})(:(?<second>\d{2}))?\s*(?<ampm>AM|PM)?\s*(?<zone>Z|[+-]\d{2}:?\d{2})$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumericDate();

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");

    private static InputFormatException Bad(string field, string reason, long? row, object? item) =>
        new($"{field} {reason}.", field: field, record: row, item: item);

}
