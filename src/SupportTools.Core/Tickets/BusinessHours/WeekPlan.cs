using NodaTime;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// A week of wall-clock business hours: for each weekday its intervals, sorted and disjoint (overlaps are merged,
/// breaks cut out). Overnight intervals were split at midnight when the plan was built, so every interval lies within
/// its own day.
/// </summary>
internal sealed class WeekPlan
{
    private readonly DayInterval[][] _days; // index 0 = Monday

    private WeekPlan(DayInterval[][] days) => _days = days;

    /// <summary>No business hours at all.</summary>
    public static WeekPlan Empty { get; } = new([.. Enumerable.Range(0, 7).Select(_ => Array.Empty<DayInterval>())]);

    /// <summary>Every hour of every day.</summary>
    public static WeekPlan AllWeek { get; } = new([.. Enumerable.Range(0, 7).Select(_ => new[] { DayInterval.WholeDay })]);

    /// <summary>The intervals of <paramref name="day"/>.</summary>
    public IReadOnlyList<DayInterval> On(IsoDayOfWeek day) => _days[(int)day - 1];

    /// <summary>Business hours in a week of 24-hour days.</summary>
    public TimeSpan WeeklyTime => new(_days.Sum(d => d.Sum(i => i.Length.Ticks)));

    /// <summary>
    /// Builds a plan from (weekdays, interval) texts, e.g. ("Mon-Fri", "09:00-17:00"); breaks (same form) are taken out
    /// of the hours. An interval ending before it starts runs overnight into the next day (Sunday's into Monday).
    /// </summary>
    public static WeekPlan Parse(IEnumerable<(string Days, string Interval)> hours, IEnumerable<(string Days, string Interval)> breaks)
    {
        var open = Collect(hours);
        var closed = Collect(breaks);
        var days = new DayInterval[7][];
        for (var i = 0; i < 7; i++) days[i] = Subtract(Merge(open[i]), Merge(closed[i]));
        return new WeekPlan(days);
    }

    private static List<DayInterval>[] Collect(IEnumerable<(string Days, string Interval)> entries)
    {
        var days = Enumerable.Range(0, 7).Select(_ => new List<DayInterval>()).ToArray();
        foreach (var (dayText, intervalText) in entries)
        {
            var interval = ScheduleText.Interval(intervalText, out var overnight);
            foreach (var day in ScheduleText.Days(dayText))
            {
                var index = (int)day - 1;
                days[index].Add(interval);
                if (overnight is { } next) days[(index + 1) % 7].Add(next);
            }
        }
        return days;
    }

    private static List<DayInterval> Merge(List<DayInterval> intervals)
    {
        var merged = new List<DayInterval>();
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = interval.End > merged[^1].End ? interval.End : merged[^1].End };
            else merged.Add(interval);
        }
        return merged;
    }

    private static DayInterval[] Subtract(List<DayInterval> open, List<DayInterval> closed)
    {
        var result = new List<DayInterval>();
        foreach (var interval in open)
        {
            var start = interval.Start;
            foreach (var cut in closed)
            {
                if (cut.End <= start || cut.Start >= interval.End) continue;
                if (cut.Start > start) result.Add(new DayInterval(start, cut.Start));
                start = cut.End > start ? cut.End : start;
            }
            if (start < interval.End) result.Add(new DayInterval(start, interval.End));
        }
        return [.. result];
    }

    /// <summary>The plan as text, e.g. <c>Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00</c>; days with equal hours grouped.</summary>
    public override string ToString()
    {
        if (_days.All(d => d.Length == 0)) return "(none)";
        var parts = new List<string>();
        var names = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
        for (var i = 0; i < 7;)
        {
            var j = i;
            while (j + 1 < 7 && _days[j + 1].SequenceEqual(_days[i])) j++;
            if (_days[i].Length > 0)
                parts.Add($"{(i == j ? names[i] : names[i] + "-" + names[j])} {string.Join(",", _days[i])}");
            i = j + 1;
        }
        return string.Join("; ", parts);
    }
}
