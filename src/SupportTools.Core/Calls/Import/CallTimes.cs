using System.Globalization;
using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// The two ways a CDR gives its time: <c>call_time</c>, an ISO 8601 date and time that must say its offset (<c>Z</c> or
/// <c>±hh:mm</c>; a time without one would be read in whichever zone the importing machine is in; read invariantly,
/// whatever the importing machine's culture), and Kazoo's
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
    /// Unix seconds of <paramref name="text"/> (UTF-8): ISO 8601 with an offset; or, read invariantly, a date written
    /// with its day and month as numbers (<c>04/03/2016 08:00:00 +13:00</c>, as <c>Export-Csv</c> writes a
    /// <c>DateTimeOffset</c> in many cultures) when the numbers can only be read one way (one of them above 12, or both
    /// equal); the offset is required either way. <see cref="CallTimeReading.Ambiguous"/> when the day and the month could
    /// be swapped (<c>03/04/2016</c>): the writer's culture is unknown, so guessing would be wrong for half the world.
    /// </summary>
    public static CallTimeReading Parse(ReadOnlySpan<byte> text, out long unixSeconds)
    {
        if (TryParseIso(text, out unixSeconds)) return CallTimeReading.Valid;
        if (text.Length > 64) return CallTimeReading.Invalid;
        Span<char> chars = stackalloc char[64];
        var count = Encoding.UTF8.GetChars(text, chars);
        return ParseText(chars[..count].Trim(), out unixSeconds);
    }

    private static CallTimeReading ParseText(ReadOnlySpan<char> text, out long unixSeconds)
    {
        unixSeconds = 0;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) && HasOffset(text, CultureInfo.InvariantCulture))
        {
            unixSeconds = iso.ToUnixTimeSeconds();
            return CallTimeReading.Valid;
        }
        // d/M/yyyy, M/d/yyyy, d.M.yyyy, d-M-yyyy: the date's numbers, then the rest (time and offset).
        var first = Number(text, 0, out var end1);
        if (first < 0 || end1 >= text.Length || text[end1] is not ('/' or '.' or '-')) return CallTimeReading.Invalid;
        var separator = text[end1];
        var second = Number(text, end1 + 1, out var end2);
        if (second < 0 || end2 >= text.Length || text[end2] != separator) return CallTimeReading.Invalid;
        var year = Number(text, end2 + 1, out var end3);
        if (year < 1000 || end3 - end2 - 1 != 4) return CallTimeReading.Invalid;
        if (first <= 12 && second <= 12 && first != second) return CallTimeReading.Ambiguous;
        var (day, month) = first > 12 ? (first, second) : (second, first);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return CallTimeReading.Invalid;
        var rest = text[end3..].Trim();
        var isoText = $"{year:D4}-{month:D2}-{day:D2} {rest}";
        if (!HasOffset(isoText, CultureInfo.InvariantCulture) ||
            !DateTimeOffset.TryParse(isoText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return CallTimeReading.Invalid;
        unixSeconds = value.ToUnixTimeSeconds();
        return CallTimeReading.Valid;
    }

    /// <summary>The 1–4 digit number at <paramref name="start"/> (-1 when none), and where it ends.</summary>
    private static int Number(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var value = 0;
        while (end < text.Length && end - start < 4 && char.IsAsciiDigit(text[end])) value = value * 10 + (text[end++] - '0');
        return end == start ? -1 : value;
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
