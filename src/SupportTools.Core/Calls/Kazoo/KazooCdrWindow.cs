using System.Globalization;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// One request's time range in crossbar's terms: <c>created_from</c> and <c>created_to</c> in Gregorian seconds, both
/// inclusive (crossbar refuses a window when <c>created_to - created_from</c> exceeds its maximum range).
/// </summary>
internal readonly record struct KazooCdrWindow(long CreatedFrom, long CreatedTo)
{
    /// <summary>
    /// The windows covering Unix seconds <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest
    /// first, each spanning at most <paramref name="maxSeconds"/>, none overlapping (a CDR at a boundary comes once).
    /// </summary>
    public static IReadOnlyList<KazooCdrWindow> Split(long from, long to, long maxSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeconds, 1);
        var windows = new List<KazooCdrWindow>();
        var start = from + CallTimes.GregorianUnixEpoch;
        var last = to - 1 + CallTimes.GregorianUnixEpoch;
        while (start <= last)
        {
            var end = Math.Min(last, start + maxSeconds);
            windows.Add(new KazooCdrWindow(start, end));
            start = end + 1;
        }
        return windows;
    }

    /// <summary>The window's length in seconds as crossbar measures it.</summary>
    public long Span => CreatedTo - CreatedFrom;

    /// <summary>The window for messages, in UTC.</summary>
    public override string ToString() =>
        $"{Format(CreatedFrom)} to {Format(CreatedTo)}";

    private static string Format(long gregorian) =>
        DateTimeOffset.FromUnixTimeSeconds(CallTimes.FromGregorian(gregorian)).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
