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

    /// <summary>The durations, sorted by <see cref="Statistic"/>.</summary>
    public ReadOnlySpan<long> Sorted => _durations.AsSpan(0, Count);

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

    /// <summary>The statistics of the calls added (sorting the durations in place).</summary>
    public CallStatistic Statistic(DateTimeOffset period, string label, string? group)
    {
        var durations = _durations.AsSpan(0, Count);
        durations.Sort();
        return new(period, label, group, Count, _min, _max, Quantile.MedianOfSorted<long>(durations), (double)_sum / Count,
            _answered, (double)_answered / Count, _answered == 0 ? null : (double)_answeredSum / _answered);
    }

    /// <summary>
    /// The statistics of several groups' calls together, after each group's <see cref="Statistic"/> sorted its
    /// durations: counts and sums add up, and the median comes from walking the sorted lists to the middle.
    /// </summary>
    public static CallStatistic Combined(IReadOnlyList<CallDurations> groups, DateTimeOffset period, string label)
    {
        long count = 0, sum = 0, answered = 0, answeredSum = 0, min = long.MaxValue, max = long.MinValue;
        foreach (var g in groups)
        {
            count += g.Count;
            sum += g._sum;
            answered += g._answered;
            answeredSum += g._answeredSum;
            min = Math.Min(min, g._min);
            max = Math.Max(max, g._max);
        }
        var median = (Nth(groups, (count - 1) / 2) + Nth(groups, count / 2)) / 2.0;
        return new(period, label, null, count, min, max, median, (double)sum / count, answered, (double)answered / count,
            answered == 0 ? null : (double)answeredSum / answered);
    }

    /// <summary>The <paramref name="rank"/>-th smallest (0-based) duration across the groups' sorted lists.</summary>
    private static long Nth(IReadOnlyList<CallDurations> groups, long rank)
    {
        Span<int> next = stackalloc int[groups.Count];
        for (long taken = 0; ; taken++)
        {
            var best = -1;
            for (var g = 0; g < groups.Count; g++)
                if (next[g] < groups[g].Count && (best < 0 || groups[g]._durations[next[g]] < groups[best]._durations[next[best]])) best = g;
            if (taken == rank) return groups[best]._durations[next[best]];
            next[best]++;
        }
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
