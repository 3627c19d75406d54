using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportTools.Close;

/// <summary>
/// Founding dates as real files write them, to ISO <c>yyyy-MM-dd</c>. Built in: <c>2019-03-07</c> (and
/// <c>2019/03/07</c>), <c>3/7/2019</c> (US: month first, also with a two-digit year), <c>07.03.2019</c> (European:
/// day first), <c>March 7, 2019</c>, <c>Mar 7 2019</c>, <c>7 March 2019</c>. Explicit formats (<c>-DateFormat
/// 'd/M/yyyy'</c>) replace the month-first and day-first numeric guesses; ISO and month-name dates are always
/// understood because they cannot be misread. A date that has a known shape but does not exist (2020-02-30) is
/// reported as such, not as an unknown format.
/// </summary>
internal static partial class LeadDate
{
    /// <summary>Two-digit years up to this (relative to the current year) are 20xx, the rest 19xx.</summary>
    private static int Pivot => DateTime.UtcNow.Year % 100;

    /// <summary>The ISO date for <paramref name="text"/>, or null with <paramref name="problem"/> saying why.</summary>
    public static string? Parse(string text, IReadOnlyList<string>? formats, out string? problem)
    {
        problem = null;
        var value = Whitespace().Replace(text.Trim(), " ");
        if (Iso().Match(value) is { Success: true } iso)
            return Build(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, value, out problem);
        if (NamedMonthFirst().Match(value) is { Success: true } named)
            return FromMonthName(named.Groups["mon"].Value, named.Groups["d"].Value, named.Groups["y"].Value, value, out problem);
        if (NamedDayFirst().Match(value) is { Success: true } dayNamed)
            return FromMonthName(dayNamed.Groups["mon"].Value, dayNamed.Groups["d"].Value, dayNamed.Groups["y"].Value, value, out problem);
        if (formats is { Count: > 0 })
        {
            if (DateTime.TryParseExact(value, [.. formats], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
                return exact.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            problem = $"'{text}' does not match -DateFormat {string.Join(", ", formats.Select(f => $"'{f}'"))}";
            return null;
        }
        if (Slashed().Match(value) is { Success: true } us)
            return Build(us.Groups["y"].Value, us.Groups["a"].Value, us.Groups["b"].Value, value, out problem);
        if (Dotted().Match(value) is { Success: true } eu)
            return Build(eu.Groups["y"].Value, eu.Groups["b"].Value, eu.Groups["a"].Value, value, out problem);
        problem = $"'{text}' is not a date in a known format (e.g. 2019-03-07, 3/7/2019, March 7, 2019; use -DateFormat for others)";
        return null;
    }

    private static string? FromMonthName(string name, string day, string year, string text, out string? problem)
    {
        var month = MonthNumber(name);
        if (month == 0)
        {
            problem = $"'{text}' has no month called '{name}'";
            return null;
        }
        return Build(year, month.ToString(CultureInfo.InvariantCulture), day, text, out problem);
    }

    private static string? Build(string year, string month, string day, string text, out string? problem)
    {
        problem = null;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (year.Length == 2) y += y <= Pivot ? 2000 : 1900;
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            problem = $"'{text}' is not a real date";
            return null;
        }
        return new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.');
        if (key.Equals("Sept", StringComparison.OrdinalIgnoreCase)) return 9;
        var culture = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var i = 0; i < 12; i++)
            if (key.Equals(culture.MonthNames[i], StringComparison.OrdinalIgnoreCase) || key.Equals(culture.AbbreviatedMonthNames[i], StringComparison.OrdinalIgnoreCase))
                return i + 1;
        return 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/-](?<b>\d{1,2})[/-](?<y>\d{4}|\d{2})$")]
    private static partial Regex Slashed();

    [GeneratedRegex(@"^(?<a>\d{1,2})\.(?<b>\d{1,2})\.(?<y>\d{4}|\d{2})$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9}\.?)\s?(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?<y>\d{4})$")]
    private static partial Regex NamedMonthFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s(?<mon>[A-Za-z]{3,9}\.?),?\s(?<y>\d{4})$")]
    private static partial Regex NamedDayFirst();
}
