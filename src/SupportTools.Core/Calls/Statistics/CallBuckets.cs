using NodaTime;

namespace SupportTools.Calls;

/// <summary>
/// Puts instants (Unix seconds) into calendar buckets of a <see cref="CallPeriod"/> in a zone, DST-correct, without
/// allocating per call: a bucket (and, for hours, the zone interval with its offset, see <see cref="CallZoneOffsets"/>) is kept until an instant falls
/// outside it, so NodaTime is consulted only at bucket boundaries and offset transitions. Instants are expected in
/// ascending order (any order works, just slower).
/// </summary>
internal sealed class CallBuckets(CallPeriod period, DateTimeZone zone)
{
    private const int SecondsPerHour = 3600;
    private readonly CallZoneOffsets _offsets = new(zone);
    // Calendar periods: the bucket last used.
    private long _start = long.MaxValue, _end = long.MinValue;
    private int _startOffset;

    /// <summary>The period.</summary>
    public CallPeriod Period => period;

    /// <summary>
    /// The start (Unix seconds) of the bucket holding <paramref name="time"/>, and the UTC offset (seconds) its label is
    /// in. An hour starts at the local hour in the offset in force at <paramref name="time"/>, so the repeated hour of a
    /// fall-back gives two buckets (same label, different offsets); a day, week or month starts at the zone's first
    /// instant of its first date.
    /// </summary>
    public long BucketOf(long time, out int offset)
    {
        if (period == CallPeriod.Hourly)
        {
            offset = _offsets.At(time);
            return time - FloorMod(time + offset, SecondsPerHour);
        }
        if (time < _start || time >= _end) LoadCalendarBucket(time);
        offset = _startOffset;
        return _start;
    }

    /// <summary>The start of the bucket after the one starting at <paramref name="start"/>.</summary>
    public long Next(long start, out int offset)
    {
        if (period == CallPeriod.Hourly)
        {
            for (var step = SecondsPerHour; ; step += SecondsPerHour)
            {
                var next = BucketOf(start + step, out offset);
                if (next > start) return next;
            }
        }
        BucketOf(start, out _);
        return BucketOf(_end, out offset);
    }

    /// <summary>The bucket start as the SPEC's <c>Period</c>: a DateTimeOffset with the bucket's offset.</summary>
    public static DateTimeOffset PeriodOf(long start, int offset) =>
        DateTimeOffset.FromUnixTimeSeconds(start).ToOffset(TimeSpan.FromMinutes(offset / 60)); // whole minutes (LMT offsets have seconds)

    /// <summary>The bucket start as the service labels it: local <c>HH:mm:ss dd/MM/yyyy</c>.</summary>
    public static string LabelOf(long start, int offset) =>
        CallTimeText.Label(LocalDateTime.FromDateTime(DateTime.UnixEpoch.AddSeconds(start + offset)));

    private void LoadCalendarBucket(long time)
    {
        var date = Instant.FromUnixTimeSeconds(time).InZone(zone).Date;
        var first = period switch
        {
            CallPeriod.Monthly => date.With(DateAdjusters.StartOfMonth),
            CallPeriod.Weekly => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)),
            _ => date,
        };
        var start = StartOf(first);
        var next = Following(first);
        var end = StartOf(next);
        // A local date can repeat across a fall-back at midnight: move on until the bucket holds the instant.
        while (time >= end)
        {
            (first, start) = (next, end);
            next = Following(first);
            end = StartOf(next);
        }
        _start = start;
        _end = end;
        _startOffset = zone.GetUtcOffset(Instant.FromUnixTimeSeconds(start)).Seconds;
    }

    private LocalDate Following(LocalDate first) => period switch
    {
        CallPeriod.Monthly => first.PlusMonths(1),
        CallPeriod.Weekly => first.PlusWeeks(1),
        _ => first.PlusDays(1),
    };

    private long StartOf(LocalDate date) => zone.AtStartOfDay(date).ToInstant().ToUnixTimeSeconds();

    private static long FloorMod(long value, long divisor) => (value % divisor + divisor) % divisor;
}
