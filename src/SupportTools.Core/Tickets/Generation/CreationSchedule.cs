namespace SupportTools.Tickets.Generation;

/// <summary>
/// When tickets are created: busier on weekdays between 08:00 and 18:00 (in the window's offset), streamed in
/// ascending order in constant memory. Sorted uniforms come from exponential spacings (the partial sums of
/// <c>count + 1</c> exponential draws over their total), drawn twice from one seed, once for the total and once to
/// emit; each is mapped through the inverse of the busyness curve's cumulative weight, which is piecewise linear
/// with one piece an hour and repeats weekly, so no table grows with the window or the ticket count.
/// </summary>
internal static class CreationSchedule
{
    private const int HoursPerWeek = 7 * 24;
    private const double SecondsPerHour = 3600, SecondsPerWeek = HoursPerWeek * SecondsPerHour;
    private static readonly double[] Rate = new double[HoursPerWeek];
    private static readonly double[] Cumulative = new double[HoursPerWeek + 1]; // weight before each hour of the week

    static CreationSchedule()
    {
        for (var h = 0; h < HoursPerWeek; h++)
        {
            Rate[h] = Busyness(h / 24 >= 5, h % 24);
            Cumulative[h + 1] = Cumulative[h] + Rate[h] * SecondsPerHour;
        }
    }

    /// <summary>Relative creation rate for an hour of the day (weekends are quieter).</summary>
    public static double Busyness(bool weekend, int hour)
    {
        var rate = hour is >= 8 and < 18 ? 1.0 : hour is >= 6 and < 22 ? 0.45 : 0.15;
        return weekend ? rate * 0.4 : rate;
    }

    /// <summary><paramref name="count"/> creation times in [start, end), whole seconds after start, ascending.</summary>
    public static IEnumerable<DateTimeOffset> Times(ulong streamSeed, DateTimeOffset start, DateTimeOffset end, int count)
    {
        // Seconds since the Monday 00:00 (in the window's offset) before start.
        var local = start.DateTime;
        var origin = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        var from = (local - origin).TotalSeconds;
        var span = (end - start).TotalSeconds;
        var weightFrom = Weight(from);
        var weightSpan = Weight(from + span) - weightFrom;
        var lastOffset = Math.Max(0, (long)Math.Ceiling(span) - 1);

        var rng = new Rng(streamSeed);
        var total = 0.0;
        for (var i = 0; i <= count; i++) total += Exponential(rng);
        rng.Reseed(streamSeed);
        var sum = 0.0;
        long previous = 0;
        for (var i = 0; i < count; i++)
        {
            sum += Exponential(rng);
            var offset = (long)(Inverse(weightFrom + sum / total * weightSpan) - from);
            previous = Math.Clamp(offset, previous, lastOffset); // rounding never reorders
            yield return start.AddSeconds(previous);
        }
    }

    private static double Exponential(Rng rng) => -Math.Log(1 - rng.NextDouble());

    /// <summary>Cumulative busyness from the origin to <paramref name="seconds"/> after it.</summary>
    private static double Weight(double seconds)
    {
        var weeks = Math.Floor(seconds / SecondsPerWeek);
        var inWeek = seconds - weeks * SecondsPerWeek;
        var hour = Math.Min(HoursPerWeek - 1, (int)(inWeek / SecondsPerHour));
        return weeks * Cumulative[HoursPerWeek] + Cumulative[hour] + (inWeek - hour * SecondsPerHour) * Rate[hour];
    }

    /// <summary>The time (seconds after the origin) at which the cumulative busyness reaches <paramref name="weight"/>.</summary>
    private static double Inverse(double weight)
    {
        var weeks = Math.Floor(weight / Cumulative[HoursPerWeek]);
        var inWeek = weight - weeks * Cumulative[HoursPerWeek];
        var index = Array.BinarySearch(Cumulative, inWeek);
        var hour = Math.Min(HoursPerWeek - 1, index >= 0 ? index : ~index - 1);
        return weeks * SecondsPerWeek + hour * SecondsPerHour + (inWeek - Cumulative[hour]) / Rate[hour];
    }
}
