using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The open bucket's calls, one <see cref="CallDurations"/> per group (one in all without grouping). A row's group is
/// found without allocating: unanswered is 0 or 1, and call_direction is matched as UTF-8 against the few values seen.
/// </summary>
internal sealed class CallGroups
{
    private const int DirectionColumn = 3;
    private readonly string? _groupBy;
    private readonly List<(byte[]? Utf8, string Name, CallDurations Calls)> _groups = [];
    private long[] _scratch = new long[1024];

    public CallGroups(string? groupBy)
    {
        _groupBy = groupBy;
        if (groupBy is null) _groups.Add((null, "", new CallDurations()));
        else if (groupBy == "unanswered")
        {
            _groups.Add((null, "0", new CallDurations()));
            _groups.Add((null, "1", new CallDurations()));
        }
    }

    /// <summary>Whether the open bucket has calls.</summary>
    public bool Any => _groups.Exists(g => g.Calls.Count > 0);

    /// <summary>The accumulator for the current row of <paramref name="row"/>.</summary>
    public CallDurations For(SqliteStatement row, bool unanswered)
    {
        if (_groupBy is null) return _groups[0].Calls;
        if (_groupBy == "unanswered") return _groups[unanswered ? 1 : 0].Calls;
        // call_direction: NULL is the group "" (calls the CDR gives no direction).
        var isNull = row.IsNull(DirectionColumn);
        var text = isNull ? default : row.GetUtf8(DirectionColumn);
        foreach (var group in _groups)
            if (isNull ? group.Utf8 is null : group.Utf8 is not null && text.SequenceEqual(group.Utf8)) return group.Calls;
        var added = (isNull ? null : text.ToArray(), isNull ? "" : System.Text.Encoding.UTF8.GetString(text), new CallDurations());
        _groups.Add(added);
        return added.Item3;
    }

    /// <summary>The open bucket's rows (groups in ordinal order), then empties it for the next bucket.</summary>
    public List<CallStatistic> Close(long start, int offset)
    {
        var period = CallBuckets.PeriodOf(start, offset);
        var label = CallBuckets.LabelOf(start, offset);
        var present = _groups.Where(g => g.Calls.Count > 0).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var rows = new List<CallStatistic>(present.Count);
        if (_groupBy is null) rows.Add(present[0].Calls.Statistic(period, label, null));
        else
        {
            var statistics = present.Select(g => g.Calls.Statistic(period, label, g.Name)).ToList();
            var total = present.Count == 1 ? Whole(statistics[0]) : CallDurations.Combined(present.Select(g => g.Calls).ToList(), period, label, ref _scratch);
            foreach (var statistic in statistics) statistic.PeriodTotal = total;
            rows.AddRange(statistics);
        }
        foreach (var group in _groups) group.Calls.Clear();
        return rows;
    }

    private static CallStatistic Whole(CallStatistic group) =>
        new(group.Period, group.PeriodLabel, null, group.Total, group.DurationMin, group.DurationMax, group.DurationMedian, group.DurationMean,
            group.Answered, group.AnswerSeizureRatio, group.AverageCallDuration);
}
