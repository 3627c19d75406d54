using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The statistics use case: one pass over the matching calls in <c>call_time</c> order (the store is clustered by
/// time, so this is a sequential read with no sort), each call put into its bucket with <see cref="CallBuckets"/>, and
/// each bucket's rows emitted as soon as the next bucket starts. Only the open bucket's durations are held.
/// </summary>
public static class CallStatistics
{
    /// <summary>Largest number of periods <c>-IncludeEmpty</c> fills, so a loose bound cannot run away.</summary>
    internal const int MaxFilledPeriods = 1_000_000;

    private const int ProgressEvery = 1 << 16;

    /// <summary>
    /// The statistics rows for <paramref name="query"/>, in period order (groups in ordinal order within a period),
    /// streamed as buckets close. Progress counts the calls read.
    /// </summary>
    public static IEnumerable<CallStatistic> Compute(CallStore store, CallStatisticQuery query, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default)
    {
        var groupBy = query.GroupBy is null ? null
            : CallStatisticQuery.GroupableFields.FirstOrDefault(f => f.Equals(query.GroupBy, StringComparison.OrdinalIgnoreCase))
              ?? throw new ArgumentException($"Statistics can be grouped by {string.Join(" or ", CallStatisticQuery.GroupableFields)}, not '{query.GroupBy}'.");
        var rows = Scan(store, query, groupBy, reporter ?? NullReporter.Instance, cancellationToken);
        return query.IncludeEmpty ? WithEmptyPeriods(rows, query, groupBy is not null) : rows;
    }

    private static IEnumerable<CallStatistic> Scan(CallStore store, CallStatisticQuery query, string? groupBy, IOperationReporter reporter,
        CancellationToken cancellationToken)
    {
        var groupColumn = groupBy == "call_direction" ? ", call_direction" : "";
        using var statement = store.Connection.Prepare(
            $"SELECT call_time, duration_seconds, unanswered{groupColumn} FROM call_records WHERE {query.Filter.Where} ORDER BY call_time");
        CallQuerySql.Bind(statement, query.Filter);
        var buckets = new CallBuckets(query.Period, query.Zone.Zone);
        var groups = new CallGroups(groupBy);
        long read = 0, open = long.MinValue;
        var openOffset = 0;
        while (statement.Read())
        {
            var time = statement.GetInt64(0);
            var start = buckets.BucketOf(time, out var offset);
            // A later call never belongs to an earlier bucket (see CallBuckets); keep it in the open one if a zone's
            // odd transition ever suggests so.
            if (start > open)
            {
                if (groups.Any) foreach (var row in groups.Close(open, openOffset)) yield return row;
                open = start;
                openOffset = offset;
            }
            var unanswered = statement.GetInt64(2) != 0;
            groups.For(statement, unanswered).Add(statement.GetInt64(1), unanswered);
            if (++read % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress($"Read {read:N0} calls", read, null);
            }
        }
        if (groups.Any) foreach (var row in groups.Close(open, openOffset)) yield return row;
        reporter.Progress($"Read {read:N0} calls", read, null);
    }

    /// <summary>
    /// The rows with zero rows added for the periods (and groups) without calls. The rows are few (one per period and
    /// group), so they are gathered first: only then are all groups known.
    /// </summary>
    private static IEnumerable<CallStatistic> WithEmptyPeriods(IEnumerable<CallStatistic> scanned, CallStatisticQuery query, bool grouped)
    {
        var rows = scanned.ToList();
        List<string?> groups = grouped ? rows.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal).ToList() : [null];
        var buckets = new CallBuckets(query.Period, query.Zone.Zone);
        var first = query.Filter.Lower is { } lower ? buckets.BucketOf(lower, out _) : rows.Count > 0 ? rows[0].Period.ToUnixTimeSeconds() : (long?)null;
        var last = query.Filter.Upper is { } upper ? buckets.BucketOf(upper, out _) : rows.Count > 0 ? rows[^1].Period.ToUnixTimeSeconds() : (long?)null;
        if (first is null || last is null || groups.Count == 0)
        {
            foreach (var row in rows) yield return row;
            yield break;
        }
        var byPeriod = rows.ToLookup(r => r.Period.ToUnixTimeSeconds());
        var filled = 0;
        var start = buckets.BucketOf(first.Value, out var offset);
        var next = 0;
        while (start <= last.Value)
        {
            // Rows outside the filled range (none, when the filter bounds the data) keep their place in time order.
            while (next < rows.Count && rows[next].Period.ToUnixTimeSeconds() < start) yield return rows[next++];
            if (++filled > MaxFilledPeriods)
                throw new ArgumentException($"-IncludeEmpty would emit more than {MaxFilledPeriods:N0} periods from {CallBuckets.LabelOf(first.Value, 0)} (UTC) on; narrow the call_time filter or use a longer period.");
            var present = byPeriod[start].ToDictionary(r => r.Group ?? "");
            foreach (var group in groups)
                yield return present.GetValueOrDefault(group ?? "") ?? CallStatistic.Empty(CallBuckets.PeriodOf(start, offset), CallBuckets.LabelOf(start, offset), group);
            while (next < rows.Count && rows[next].Period.ToUnixTimeSeconds() == start) next++;
            start = buckets.Next(start, out offset);
        }
        while (next < rows.Count) yield return rows[next++];
    }
}
