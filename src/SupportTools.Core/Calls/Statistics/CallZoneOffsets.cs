using NodaTime;

namespace SupportTools.Calls;

/// <summary>
/// A zone's UTC offset at instants read in ascending order, without allocating per instant: the zone interval in force
/// is kept until an instant falls outside it (offsets change only at transitions).
/// </summary>
internal sealed class CallZoneOffsets(DateTimeZone zone)
{
    private long _start = long.MaxValue, _end = long.MinValue;
    private int _offset;

    /// <summary>The offset in seconds at <paramref name="time"/> (Unix seconds).</summary>
    public int At(long time)
    {
        if (time < _start || time >= _end)
        {
            var interval = zone.GetZoneInterval(Instant.FromUnixTimeSeconds(time));
            _start = interval.HasStart ? interval.Start.ToUnixTimeSeconds() : long.MinValue;
            _end = interval.HasEnd ? interval.End.ToUnixTimeSeconds() : long.MaxValue;
            _offset = interval.WallOffset.Seconds;
        }
        return _offset;
    }

    /// <summary><paramref name="time"/> as a DateTimeOffset in the zone (offsets rounded to whole minutes, as DateTimeOffset needs).</summary>
    public DateTimeOffset ToDateTimeOffset(long time) =>
        DateTimeOffset.FromUnixTimeSeconds(time).ToOffset(TimeSpan.FromMinutes(At(time) / 60));
}
