using System.Globalization;
using NodaTime;

namespace SupportTools.Calls;

/// <summary>
/// Checks a filter value against a field's kind and turns it into what is bound for the column (a <see cref="long"/>
/// or a <see cref="string"/>); a value of the wrong type is a <see cref="CallFilterException"/> that says what the field takes.
/// </summary>
internal static class CallFilterValues
{
    /// <summary>How a value reads in an error message.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{s}'",
        bool b => b ? "true" : "false",
        IReadOnlyDictionary<string, object?> => "an object",
        IReadOnlyList<object?> => "a list",
        DateTimeOffset or DateTime => $"the time {Convert.ToString(value, CultureInfo.InvariantCulture)}",
        IFormattable number when IsNumber(value) => $"the number {number.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"a {value.GetType().Name}",
    };

    /// <summary>
    /// The value to bind for <paramref name="field"/>; <paramref name="roundUp"/> says how a time with a fraction of a
    /// second becomes whole seconds (the store keeps whole seconds), so that <c>gte</c>/<c>lt</c> keep their meaning.
    /// </summary>
    public static object Bind(CallFilterField field, object? value, DateTimeZone zone, string path, string what, bool roundUp)
    {
        switch (field.Kind)
        {
            case CallFilterFieldKind.Text:
                return value as string ?? throw Wrong(path, field, what, value, "a string (in quotes)");
            case CallFilterFieldKind.Integer:
                return Whole(value) ?? throw Wrong(path, field, what, value, "a whole number");
            case CallFilterFieldKind.Boolean:
                if (value is bool flag) return flag ? 1L : 0L;
                return Whole(value) is { } bit and (0 or 1) ? bit : throw Wrong(path, field, what, value, "true or false");
            default:
                var instant = Time(value, zone) ?? throw Wrong(path, field, what, value,
                    $"a time as '{CallTimeText.Format}' (read in the query's time zone) or ISO 8601, e.g. '00:00:00 04/03/2016' or '2016-03-04T00:00:00+13:00'");
                if (instant < Instant.FromDateTimeOffset(CallFilterLimits.EarliestTime) || instant > Instant.FromDateTimeOffset(CallFilterLimits.LatestTime))
                    throw new CallFilterException(path, string.Create(CultureInfo.InvariantCulture,
                        $"{field.Name} takes times from {CallFilterLimits.EarliestTime:yyyy-MM-dd} to {CallFilterLimits.LatestTime:yyyy-MM-dd} (UTC), but {what} is {Describe(value)}, outside them."));
                var ticks = instant.ToUnixTimeTicks();
                return roundUp ? -FloorDiv(-ticks, NodaConstants.TicksPerSecond) : FloorDiv(ticks, NodaConstants.TicksPerSecond);
        }
    }

    private static CallFilterException Wrong(string path, CallFilterField field, string what, object? value, string expected) =>
        new(path, $"{field.Name} takes {expected}, but {what} is {Describe(value)}.");

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    /// <summary>A whole number (of any numeric type) as a long; null for anything else, fractions included.</summary>
    private static long? Whole(object? value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        sbyte b => b,
        byte b => b,
        ushort u => u,
        uint u => u,
        ulong u when u <= long.MaxValue => (long)u,
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9e18 => (long)d,
        float f when float.IsFinite(f) && MathF.Floor(f) == f && Math.Abs(f) < 9e18 => (long)f,
        decimal m when decimal.Floor(m) == m && Math.Abs(m) < 9e18m => (long)m,
        _ => null,
    };

    /// <summary>
    /// A time: text as <see cref="CallTimeText.TryParse"/> reads it; a DateTimeOffset or UTC/local DateTime is that
    /// instant; a DateTime of unspecified kind (e.g. <c>[datetime]'2016-03-04'</c>) is local time in the query's zone.
    /// </summary>
    private static Instant? Time(object? value, DateTimeZone zone)
    {
        try
        {
            return TimeOrThrow(value, zone);
        }
        catch (OverflowException)
        {
            // A time whose UTC instant falls beyond the calendar (9999-12-31T23:00-14:00): outside any call's time.
            return Instant.MaxValue;
        }
        catch (ArgumentOutOfRangeException)
        {
            return Instant.MinValue;
        }
    }

    private static Instant? TimeOrThrow(object? value, DateTimeZone zone) => value switch
    {
        string text => CallTimeText.TryParse(text, zone, out var instant) ? instant : null,
        DateTimeOffset offset => Instant.FromDateTimeOffset(offset),
        DateTime { Kind: DateTimeKind.Unspecified } local => CallTimeText.InZone(LocalDateTime.FromDateTime(local), zone),
        DateTime time => Instant.FromDateTimeUtc(time.ToUniversalTime()),
        _ => null,
    };
}
