namespace SupportTools.Tickets;

/// <summary>
/// The export's timestamp format, <c>dd-MM-yyyy HH:mm:ss +hhmm</c>. Hand-rolled over UTF-8 bytes
/// because it sits on the hot path of import and generation (millions of values a second).
/// </summary>
internal static class FreshdeskTime
{
    /// <summary>The format in .NET notation, for messages.</summary>
    public const string Format = "dd-MM-yyyy HH:mm:ss +hhmm";

    /// <summary>Length in bytes of a formatted value.</summary>
    public const int Length = 25;

    /// <summary>
    /// Parses UTF-8 text; false when it is not exactly the export format, not a real date, has an offset beyond
    /// ±14:00, or falls outside the range <see cref="DateTimeOffset"/> can represent once the offset is applied
    /// (<see cref="Problem"/> says which).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value) => Parse(text, out value) is null;

    /// <summary>Why <paramref name="text"/> is not a valid export time, or null when it is.</summary>
    internal static string? Problem(ReadOnlySpan<byte> text) => Parse(text, out _);

    private static string? Parse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != Length || text[2] != '-' || text[5] != '-' || text[10] != ' ' || text[13] != ':'
            || text[16] != ':' || text[19] != ' ' || (text[20] != '+' && text[20] != '-'))
            return $"expected the format '{Format}'";
        if (!Digits(text, 0, 2, out var day) || !Digits(text, 3, 2, out var month) || !Digits(text, 6, 4, out var year)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 21, 2, out var offsetHours) || !Digits(text, 23, 2, out var offsetMinutes))
            return $"expected the format '{Format}'";
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59)
            return "not a real date and time";
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (offset > MaxOffset) return "the UTC offset is beyond ±14:00";
        if (text[20] == '-') offset = -offset;
        var local = new DateTime(year, month, day, hour, minute, second);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return "outside the representable range: years 1 to 9999 once the UTC offset is applied";
        value = new DateTimeOffset(local, offset);
        return null;
    }

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>Parses a string in the export format.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[Length];
        value = default;
        if (text.Length != Length) return false;
        for (var i = 0; i < Length; i++)
        {
            if (text[i] > 127) return false;
            buffer[i] = (byte)text[i];
        }
        return TryParse(buffer, out value);
    }

    /// <summary>Writes <paramref name="value"/> (whole seconds, its own offset) into 25 bytes.</summary>
    public static void Write(DateTimeOffset value, Span<byte> destination)
    {
        var local = value.DateTime;
        Put(destination, 0, 2, local.Day);
        destination[2] = (byte)'-';
        Put(destination, 3, 2, local.Month);
        destination[5] = (byte)'-';
        Put(destination, 6, 4, local.Year);
        destination[10] = (byte)' ';
        Put(destination, 11, 2, local.Hour);
        destination[13] = (byte)':';
        Put(destination, 14, 2, local.Minute);
        destination[16] = (byte)':';
        Put(destination, 17, 2, local.Second);
        destination[19] = (byte)' ';
        var offsetMinutes = (int)value.Offset.TotalMinutes;
        destination[20] = offsetMinutes < 0 ? (byte)'-' : (byte)'+';
        offsetMinutes = Math.Abs(offsetMinutes);
        Put(destination, 21, 2, offsetMinutes / 60);
        Put(destination, 23, 2, offsetMinutes % 60);
    }

    /// <summary>Formats <paramref name="value"/> in the export format.</summary>
    public static string ToString(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[Length];
        Write(value, buffer);
        return string.Create(Length, buffer.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        });
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    private static void Put(Span<byte> destination, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
