using NodaTime;
using NodaTime.TimeZones;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// Measures and adds business time on a <see cref="BusinessSchedule"/>. Each local day's wall-clock intervals become
/// instants once (cached per day and version):
/// <list type="bullet">
/// <item>a wall time skipped by a spring-forward change maps to the first instant after the gap, so an interval over
/// the gap is shorter by the skipped time;</item>
/// <item>an ambiguous wall time maps to its earlier instant, and the second pass through a repeated hour (the instants
/// after a fall-back change whose wall reading was already shown) is never business time, so the repeated hour counts
/// once.</item>
/// </list>
/// Holidays have no intervals. Not thread-safe (the cache); one per computation.
/// </summary>
internal sealed class BusinessClock
{
    private static readonly ZoneLocalMappingResolver WallClock =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>How far <see cref="Add"/> looks ahead before deciding the schedule has no more business time.</summary>
    private const int SearchDays = 3660;

    private readonly ScheduleRules _schedule;
    private readonly Dictionary<(LocalDate Date, int Version), (Instant Start, Instant End)[]> _days = [];

    public BusinessClock(BusinessSchedule schedule)
    {
        Schedule = schedule;
        _schedule = ScheduleRules.Of(schedule);
    }

    /// <summary>The schedule measured.</summary>
    public BusinessSchedule Schedule { get; }

    /// <summary>
    /// Business time from <paramref name="start"/> to <paramref name="end"/> (zero when end is not after start):
    /// with <see cref="ScheduleMode.Cumulative"/> each day by the version in force that day, with
    /// <see cref="ScheduleMode.AtEvent"/> every day by the version in force at <paramref name="end"/>.
    /// </summary>
    public TimeSpan Between(DateTimeOffset start, DateTimeOffset end, ScheduleMode mode)
    {
        if (end <= start) return TimeSpan.Zero;
        var from = Instant.FromDateTimeOffset(start);
        var to = Instant.FromDateTimeOffset(end);
        var zone = _schedule.Zone;
        int? fixedVersion = mode == ScheduleMode.AtEvent ? _schedule.VersionOn(to.InZone(zone).Date) : null;
        var total = Duration.Zero;
        // A day's intervals lie within that local day, so the days around both ends cover every overlap.
        var last = to.InZone(zone).Date.PlusDays(1);
        for (var day = from.InZone(zone).Date.PlusDays(-1); day <= last; day = day.PlusDays(1))
        {
            foreach (var (s, e) in Intervals(day, fixedVersion))
            {
                var a = s > from ? s : from;
                var b = e < to ? e : to;
                if (b > a) total += b - a;
            }
        }
        return total.ToTimeSpan();
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has passed from <paramref name="start"/> on
    /// (each day by the version in force that day); null when the schedule holds too little business time ahead (an
    /// empty schedule) to get there within ten years.
    /// </summary>
    public DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount)
    {
        var from = Instant.FromDateTimeOffset(start);
        var left = Duration.FromTimeSpan(amount);
        if (left <= Duration.Zero) return start;
        var zone = _schedule.Zone;
        var first = from.InZone(zone).Date.PlusDays(-1);
        for (var day = first; day <= first.PlusDays(SearchDays); day = day.PlusDays(1))
        {
            foreach (var (s, e) in Intervals(day, null))
            {
                if (e <= from) continue;
                var a = s > from ? s : from;
                if (e - a >= left) return (a + left).ToDateTimeOffset().ToOffset(start.Offset);
                left -= e - a;
            }
        }
        return null;
    }

    /// <summary>The business instants of local day <paramref name="date"/>, by version <paramref name="version"/> (null: the one in force that day).</summary>
    internal (Instant Start, Instant End)[] Intervals(LocalDate date, int? version)
    {
        var index = version ?? _schedule.VersionOn(date);
        if (_days.TryGetValue((date, index), out var cached)) return cached;
        var result = _schedule.IsHoliday(date) ? [] : Compute(date, _schedule.Versions[index].Plan.On(date.DayOfWeek));
        _days[(date, index)] = result;
        return result;
    }

    private (Instant Start, Instant End)[] Compute(LocalDate date, IReadOnlyList<DayInterval> wall)
    {
        if (wall.Count == 0) return [];
        var zone = _schedule.Zone;
        var midnight = date.AtMidnight();
        var mapped = new List<(Instant Start, Instant End)>(wall.Count);
        foreach (var interval in wall)
        {
            var start = zone.ResolveLocal(midnight.PlusTicks(interval.Start.Ticks), WallClock).ToInstant();
            var end = zone.ResolveLocal(midnight.PlusTicks(interval.End.Ticks), WallClock).ToInstant();
            if (end > start) mapped.Add((start, end));
        }
        return Cut(mapped, RepeatedSpans(zone, date));
    }

    /// <summary>
    /// The instants around <paramref name="date"/> whose wall reading repeats an earlier one: after each change to a
    /// smaller offset, as long as the offset went back.
    /// </summary>
    private static List<(Instant Start, Instant End)> RepeatedSpans(DateTimeZone zone, LocalDate date)
    {
        var spans = new List<(Instant, Instant)>();
        var from = date.PlusDays(-1).AtStartOfDayInZone(zone).ToInstant();
        var to = date.PlusDays(2).AtStartOfDayInZone(zone).ToInstant();
        ZoneInterval? previous = null;
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            if (previous is not null && interval.WallOffset < previous.WallOffset)
                spans.Add((interval.Start, interval.Start + Duration.FromTicks((previous.WallOffset - interval.WallOffset).Ticks)));
            previous = interval;
        }
        return spans;
    }

    private static (Instant Start, Instant End)[] Cut(List<(Instant Start, Instant End)> intervals, List<(Instant Start, Instant End)> holes)
    {
        if (holes.Count == 0) return [.. intervals];
        var result = new List<(Instant, Instant)>();
        foreach (var (start, end) in intervals)
        {
            var from = start;
            foreach (var (holeStart, holeEnd) in holes)
            {
                if (holeEnd <= from || holeStart >= end) continue;
                if (holeStart > from) result.Add((from, holeStart));
                if (holeEnd > from) from = holeEnd;
            }
            if (from < end) result.Add((from, end));
        }
        return [.. result];
    }
}
