namespace SupportTools.Calls;

/// <summary>
/// The calls of one open bucket (and group): counts and sums as they arrive, and the durations themselves for the
/// exact median, kept in one reused buffer. Only the open bucket's durations are ever held, so memory does not grow
/// with the number of calls.
/// </summary>
internal sealed class CallDurations
{
    private long[] _durations = new long[1024];
    private long _sum, _answered, _answeredSum, _min = long.MaxValue, _max = long.MinValue;

    /// <summary>Calls added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a call.</summary>
    public void Add(long duration, bool unanswered)
    {
        if (Count == _durations.Length) Array.Resize(ref _durations, _durations.Length * 2);
        _durations[Count++] = duration;
        _sum += duration;
        if (duration < _min) _min = duration;
        if (duration > _max) _max = duration;
        if (!unanswered)
        {
            _answered++;
            _answeredSum += duration;
        }
    }

    /// <summary>The statistics of the calls added (reordering the durations).</summary>
    public CallStatistic Statistic(DateTimeOffset period, string label, string? group) =>
        new(period, label, group, Count, _min, _max, DurationMedian.Of(_durations.AsSpan(0, Count)), (double)_sum / Count,
            _answered, (double)_answered / Count, _answered == 0 ? null : (double)_answeredSum / _answered);

    /// <summary>
    /// The statistics of several groups' calls together: counts and sums add up, and the median is selected from all
    /// their durations, gathered in <paramref name="scratch"/> (grown as needed and kept for the next bucket).
    /// </summary>
    public static CallStatistic Combined(IReadOnlyList<CallDurations> groups, DateTimeOffset period, string label, ref long[] scratch)
    {
        long sum = 0, answered = 0, answeredSum = 0, min = long.MaxValue, max = long.MinValue;
        var count = 0;
        foreach (var g in groups)
        {
            if (scratch.Length < count + g.Count) Array.Resize(ref scratch, Math.Max(scratch.Length * 2, count + g.Count));
            g._durations.AsSpan(0, g.Count).CopyTo(scratch.AsSpan(count));
            count += g.Count;
            sum += g._sum;
            answered += g._answered;
            answeredSum += g._answeredSum;
            min = Math.Min(min, g._min);
            max = Math.Max(max, g._max);
        }
        return new(period, label, null, count, min, max, DurationMedian.Of(scratch.AsSpan(0, count)), (double)sum / count, answered,
            (double)answered / count, answered == 0 ? null : (double)answeredSum / answered);
    }

    /// <summary>Empties the accumulator for the next bucket (keeping the buffer).</summary>
    public void Clear()
    {
        Count = 0;
        _sum = _answered = _answeredSum = 0;
        _min = long.MaxValue;
        _max = long.MinValue;
    }
}
