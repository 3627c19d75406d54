using System.Globalization;
using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// The two ways a CDR gives its time: <c>call_time</c>, an ISO 8601 date and time that must say its offset (<c>Z</c> or
/// <c>±hh:mm</c>; a time without one would be read in whichever zone the importing machine is in), and Kazoo's
/// <c>timestamp</c>, Gregorian seconds as Erlang counts them (from 0000-01-01T00:00:00Z, so the Unix epoch is
/// 62,167,219,200: what Kazoo's own UI subtracts). Both are kept to the second (fractions are dropped).
/// </summary>
internal static class CallTimes
{
    /// <summary>Gregorian seconds (Erlang's <c>calendar:datetime_to_gregorian_seconds</c>) at the Unix epoch.</summary>
    public const long GregorianUnixEpoch = 62_167_219_200;

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>
    /// The earliest call time stored: 1970-01-01T00:00:00Z. Kazoo's clock starts there too; an earlier time is a
    /// mistake (a Unix time given as Gregorian seconds reads as the year 46).
    /// </summary>
    public const long MinUnixSeconds = 0;

    /// <summary>
    /// The latest call time stored: 9998-12-31T23:59:59Z, a year before the calendar's end, so every reading of a
    /// stored time (in any zone, in any bucket up to a month) stays a valid <see cref="DateTimeOffset"/>.
    /// </summary>
    public const long MaxUnixSeconds = 253_370_764_799;

    /// <summary>Unix seconds of a Kazoo <c>timestamp</c>.</summary>
    public static long FromGregorian(long gregorianSeconds) => gregorianSeconds - GregorianUnixEpoch;

    /// <summary>Whether <paramref name="unixSeconds"/> is a call time the store keeps (see <see cref="MinUnixSeconds"/>, <see cref="MaxUnixSeconds"/>).</summary>
    public static bool IsStorable(long unixSeconds) => unixSeconds is >= MinUnixSeconds and <= MaxUnixSeconds;

    /// <summary>
    /// Unix seconds of Kazoo's <c>datetime</c> listing column: the leg's start as <c>yyyy-MM-dd HH:mm:ss</c> in UTC
    /// (kz_time:pretty_print_datetime; Kazoo 3.x wrote <c>yyyy-MM-dd_HH-mm-ss</c>). False for any other text.
    /// </summary>
    public static bool TryParseKazooDatetime(ReadOnlySpan<byte> s, out long unixSeconds)
    {
        unixSeconds = 0;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)' ' or (byte)'_')) return false;
        var separator = s[10] == '_' ? (byte)'-' : (byte)':';
        if (s[13] != separator || s[16] != separator) return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        unixSeconds = (new DateOnly(year, month, day).DayNumber - UnixEpochDay) * 86400L + hour * 3600L + minute * 60L + second;
        return true;
    }

    /// <summary>
    /// Unix seconds of <paramref name="text"/> (UTF-8): ISO 8601 with an offset, or, as a fallback for CSV files
    /// written by <c>Export-Csv</c>, how <paramref name="culture"/> (then the invariant culture) writes a
    /// <c>DateTimeOffset</c>; the offset is required either way. False when it is not such a time.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, CultureInfo culture, out long unixSeconds)
    {
        if (TryParseIso(text, out unixSeconds)) return true;
        if (text.Length > 64) return false;
        Span<char> chars = stackalloc char[64];
        var count = Encoding.UTF8.GetChars(text, chars);
        return TryParseText(chars[..count].Trim(), culture, out unixSeconds);
    }

    private static bool TryParseText(ReadOnlySpan<char> text, CultureInfo culture, out long unixSeconds)
    {
        unixSeconds = 0;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) && HasOffset(text, CultureInfo.InvariantCulture))
        {
            unixSeconds = iso.ToUnixTimeSeconds();
            return true;
        }
        foreach (var c in culture.Equals(CultureInfo.InvariantCulture) ? [culture] : new[] { culture, CultureInfo.InvariantCulture })
        {
            if (!HasOffset(text, c) || !DateTimeOffset.TryParse(text, c, DateTimeStyles.None, out var value)) continue;
            unixSeconds = value.ToUnixTimeSeconds();
            return true;
        }
        return false;
    }

    /// <summary>Whether the text says its offset (DateTime parsing reports a time without one as Unspecified).</summary>
    private static bool HasOffset(ReadOnlySpan<char> text, CultureInfo culture) =>
        DateTime.TryParse(text, culture, DateTimeStyles.RoundtripKind, out var value) && value.Kind != DateTimeKind.Unspecified;

    /// <summary>The common shape, without allocating: <c>yyyy-MM-ddTHH:mm:ss[.fff…](Z|±hh:mm|±hhmm)</c>, T or a space.</summary>
    private static bool TryParseIso(ReadOnlySpan<byte> s, out long unixSeconds)
    {
        unixSeconds = 0;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)'T' or (byte)' ') || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1) return false;
        var i = 19;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9') i++;
            if (i == start) return false;
        }
        long offset;
        if (i == s.Length - 1 && s[i] == 'Z') offset = 0;
        else if (i < s.Length && s[i] is (byte)'+' or (byte)'-')
        {
            var sign = s[i] == '+' ? 1 : -1;
            var rest = s[(i + 1)..];
            int oh, om;
            if (rest.Length == 5 && rest[2] == ':' && Digits(rest, 0, 2, out oh) && Digits(rest, 3, 2, out om)) { }
            else if (rest.Length == 4 && Digits(rest, 0, 2, out oh) && Digits(rest, 2, 2, out om)) { }
            else return false;
            if (oh > 14 || om > 59) return false;
            offset = sign * (oh * 3600L + om * 60L);
        }
        else return false;
        var days = new DateOnly(year, month, day).DayNumber - UnixEpochDay;
        unixSeconds = days * 86400L + hour * 3600L + minute * 60L + second - offset;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
