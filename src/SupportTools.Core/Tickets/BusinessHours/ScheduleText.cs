using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// The text forms a schedule is written in, one parser for the cmdlets and the JSON file: weekdays
/// (<c>Monday</c>, <c>Mon</c>, <c>Mon-Fri</c>, <c>Sat,Sun</c>, <c>Weekdays</c>, <c>Weekend</c>, <c>Daily</c>), clock
/// intervals (<c>09:00-17:00</c>; <c>22:00-06:00</c> runs overnight; <c>00:00-24:00</c> is the whole day) and dates
/// (<c>2026-12-25</c>, a range <c>2026-12-24..2026-12-26</c>). Problems are <see cref="FormatException"/>s whose
/// message says what was expected; callers add where.
/// </summary>
internal static partial class ScheduleText
{
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The weekdays <paramref name="text"/> names, Monday first.</summary>
    public static IReadOnlyList<IsoDayOfWeek> Days(string text)
    {
        var days = new SortedSet<IsoDayOfWeek>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (raw.ToLowerInvariant())
            {
                case "weekdays": Add(days, IsoDayOfWeek.Monday, IsoDayOfWeek.Friday); continue;
                case "weekend" or "weekends": Add(days, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday); continue;
                case "daily" or "everyday" or "all" or "*": Add(days, IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday); continue;
            }
            var dash = raw.IndexOf('-');
            if (dash > 0) Add(days, Day(raw[..dash].Trim()), Day(raw[(dash + 1)..].Trim()));
            else days.Add(Day(raw));
        }
        if (days.Count == 0) throw new FormatException($"'{text}' names no weekday (expected e.g. Monday, Mon, Mon-Fri, Sat,Sun, Weekdays, Weekend or Daily).");
        return [.. days];
    }

    private static IsoDayOfWeek Day(string text)
    {
        var lower = text.ToLowerInvariant();
        for (var i = 0; i < DayNames.Length; i++)
            if (lower.Length >= 2 && DayNames[i].StartsWith(lower, StringComparison.Ordinal) && (lower.Length >= 3 || DayNames.Count(d => d.StartsWith(lower, StringComparison.Ordinal)) == 1))
                return (IsoDayOfWeek)(i + 1);
        throw new FormatException($"'{text}' is not a weekday (expected Monday..Sunday or Mon..Sun).");
    }

    /// <summary>Adds <paramref name="from"/> to <paramref name="to"/>, wrapping past Sunday (Fri-Mon is Fri, Sat, Sun, Mon).</summary>
    private static void Add(SortedSet<IsoDayOfWeek> days, IsoDayOfWeek from, IsoDayOfWeek to)
    {
        for (var day = from; ; day = day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1)
        {
            days.Add(day);
            if (day == to) break;
        }
    }

    /// <summary>
    /// A clock interval <c>HH:mm-HH:mm</c> (seconds allowed; an en dash or <c>to</c> also separate). When the end is
    /// earlier than the start it runs past midnight: <paramref name="overnight"/> is then the part on the next day.
    /// </summary>
    public static DayInterval Interval(string text, out DayInterval? overnight)
    {
        overnight = null;
        var match = IntervalPattern().Match(text);
        if (!match.Success)
            throw new FormatException($"'{text}' is not a clock interval (expected HH:mm-HH:mm, e.g. 09:00-17:30, 22:00-06:00 or 00:00-24:00).");
        var start = Clock(match.Groups["start"].Value, text);
        var end = Clock(match.Groups["end"].Value, text);
        if (start == TimeSpan.FromDays(1)) throw new FormatException($"'{text}' starts at 24:00; start at 00:00 of the next day instead.");
        if (start == end) throw new FormatException($"'{text}' is empty (for a whole day write 00:00-24:00).");
        if (end > start) return new DayInterval(start, end);
        if (end > TimeSpan.Zero) overnight = new DayInterval(TimeSpan.Zero, end);
        return new DayInterval(start, TimeSpan.FromDays(1));
    }

    private static TimeSpan Clock(string text, string whole)
    {
        var parts = text.Split(':');
        var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var seconds = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        if (hours > 24 || minutes > 59 || seconds > 59 || (hours == 24 && (minutes > 0 || seconds > 0)))
            throw new FormatException($"'{text}' in '{whole}' is not a time of day (00:00 to 24:00).");
        return new TimeSpan(hours, minutes, seconds);
    }

    [GeneratedRegex(@"^\s*(?<start>\d{1,2}:\d{2}(:\d{2})?)\s*(-|–|to)\s*(?<end>\d{1,2}:\d{2}(:\d{2})?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntervalPattern();

    /// <summary>A date <c>yyyy-MM-dd</c> or a range <c>yyyy-MM-dd..yyyy-MM-dd</c> (both ends included).</summary>
    public static (LocalDate From, LocalDate To) DateRange(string text)
    {
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0) separator = text.Length > 10 && text[10] == '/' ? 10 : -1;
        if (separator < 0)
        {
            var day = Date(text.Trim(), text);
            return (day, day);
        }
        var from = Date(text[..separator].Trim(), text);
        var to = Date(text[(separator + (text[separator] == '/' ? 1 : 2))..].Trim(), text);
        if (to < from) throw new FormatException($"'{text}' ends before it starts.");
        return (from, to);
    }

    /// <summary>An ISO date <c>yyyy-MM-dd</c>, the one unambiguous form.</summary>
    public static LocalDate Date(string text, string? whole = null)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value
            : throw new FormatException($"'{whole ?? text}' is not a date in the form yyyy-MM-dd (ISO 8601, e.g. 2026-12-25).");
    }

    /// <summary>A date for messages and output.</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
