using System.Runtime.CompilerServices;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The statistics use case: the matching calls read in <c>call_time</c> order (the store's time index walks the rows
/// in storage order, so there is no sort), each put into its bucket with <see cref="CallBuckets"/>, and each bucket's
/// rows emitted as soon as the next bucket starts. Only the open bucket's durations are held, so memory stays flat. On a
/// large store the time range is split at bucket boundaries between a few readers (one connection each): the caller's
/// thread streams the first part while the others compute theirs, whose rows (one per period and group) wait to follow.
/// </summary>
internal static class CallStatistics
{
    /// <summary>Largest number of periods <c>-IncludeEmpty</c> fills, so a loose bound cannot run away.</summary>
    internal const int MaxFilledPeriods = 1_000_000;

    /// <summary>Below this many stored calls per reader, one reader does it all (a thread and a connection cost more).</summary>
    internal const long MinCallsPerReader = 500_000;

    private const int MaxReaders = 4;
    private const int ProgressEvery = 1 << 16;

    /// <summary>
    /// The statistics rows for <paramref name="query"/>, in period order (groups in ordinal order within a period),
    /// streamed as buckets close. Progress counts the calls read.
    /// </summary>
    public static IEnumerable<CallStatistic> Compute(CallStore store, CallStatisticQuery query, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default) =>
        ComputeInParts(store, query, reporter, cancellationToken, MinCallsPerReader);

    /// <summary>As the public overload, splitting the work for every <paramref name="minCallsPerReader"/> stored calls (tests force it).</summary>
    internal static IEnumerable<CallStatistic> ComputeInParts(CallStore store, CallStatisticQuery query, IOperationReporter? reporter,
        CancellationToken cancellationToken, long minCallsPerReader)
    {
        var groupBy = query.GroupBy is null ? null
            : CallStatisticQuery.GroupableFields.FirstOrDefault(f => f.Equals(query.GroupBy, StringComparison.OrdinalIgnoreCase))
              ?? throw new ArgumentException($"Statistics can be grouped by {string.Join(" or ", CallStatisticQuery.GroupableFields)}, not '{query.GroupBy}'.");
        var rows = Scan(store, query, groupBy, reporter ?? NullReporter.Instance, cancellationToken, minCallsPerReader);
        return query.IncludeEmpty ? WithEmptyPeriods(rows, query, groupBy is not null) : rows;
    }

    private static IEnumerable<CallStatistic> Scan(CallStore store, CallStatisticQuery query, string? groupBy, IOperationReporter reporter,
        CancellationToken cancellationToken, long minCallsPerReader)
    {
        var ranges = Ranges(store, query, minCallsPerReader);
        var read = new long[1];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var others = ranges.Skip(1).Select(range => Task.Run(() =>
        {
            using var own = CallStore.OpenReadOnly(store.DatabasePath);
            return ScanRange(own, query, groupBy, range, null, read, stop.Token).ToList();
        })).ToList();
        try
        {
            foreach (var row in ScanRange(store, query, groupBy, ranges[0], reporter, read, cancellationToken)) yield return row;
            foreach (var other in others)
                foreach (var row in other.GetAwaiter().GetResult()) yield return row;
            reporter.Progress($"Read {Interlocked.Read(ref read[0]):N0} calls", Interlocked.Read(ref read[0]), null);
        }
        finally
        {
            // Also when the consumer stops early (Select-Object -First) or one part failed: no reader outlives the call.
            stop.Cancel();
            foreach (var other in others)
                ((IAsyncResult)other).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>
    /// The parts of the time range (from inclusive, to exclusive; null is open), split at bucket starts so no bucket
    /// spans two parts. One part unless the store holds at least twice <paramref name="minCallsPerReader"/> calls.
    /// </summary>
    private static List<(long? From, long? To)> Ranges(CallStore store, CallStatisticQuery query, long minCallsPerReader)
    {
        // call_records is a rowid table appended to: its largest rowid is the number of calls, without a count.
        var calls = Scalar(store, "SELECT max(rowid) FROM call_records") ?? 0;
        var readers = (int)Math.Min(Math.Min(Environment.ProcessorCount, MaxReaders), calls / Math.Max(1, minCallsPerReader));
        if (readers < 2) return [(null, null)];
        // Each on its own: SQLite answers a lone min() or max() from the index's ends.
        var first = Math.Max(Scalar(store, $"SELECT min(call_time) FROM call_records WHERE {CallSource.Readable}") ?? 0, query.Filter.Lower ?? long.MinValue);
        var last = Math.Min(Scalar(store, $"SELECT max(call_time) FROM call_records WHERE {CallSource.Readable}") ?? 0, query.Filter.Upper ?? long.MaxValue);
        var buckets = new CallBuckets(query.Period, query.Zone.Zone);
        var ranges = new List<(long? From, long? To)>();
        long? from = null;
        for (var i = 1; i < readers && last > first; i++)
        {
            var boundary = buckets.BucketOf(first + (long)((double)(last - first) * i / readers), out _);
            if (boundary <= first || from is { } previous && boundary <= previous) continue;
            ranges.Add((from, boundary));
            from = boundary;
        }
        ranges.Add((from, null));
        return ranges;
    }

    private static long? Scalar(CallStore store, string sql)
    {
        using var statement = store.Connection.Prepare(sql);
        long? value = statement.Read() && !statement.IsNull(0) ? statement.GetInt64(0) : null;
        while (statement.Read()) { }
        return value;
    }

    /// <summary>
    /// One part of the time range: its calls in time order, bucketed, rows yielded as buckets close. Only the caller's
    /// part has a <paramref name="reporter"/> (progress is written on the caller's thread), showing all parts' calls.
    /// </summary>
    private static IEnumerable<CallStatistic> ScanRange(CallStore store, CallStatisticQuery query, string? groupBy, (long? From, long? To) range,
        IOperationReporter? reporter, long[] read, CancellationToken cancellationToken)
    {
        var groupColumn = groupBy == "call_direction" ? ", call_direction" : "";
        var next = query.Filter.Parameters.Count;
        var bounds = (range.From is null ? "" : $" AND call_time >= ?{++next}") + (range.To is null ? "" : $" AND call_time < ?{++next}");
        var statements = CallSource.Of(store.Connection, query.Legs).Select(source => store.Connection.Prepare(
            $"SELECT call_time, duration_seconds, unanswered{groupColumn} FROM {source} WHERE ({query.Filter.Where}){bounds} ORDER BY call_time")).ToList();
        try
        {
            foreach (var statement in statements)
            {
                CallQuerySql.Bind(statement, query.Filter);
                next = query.Filter.Parameters.Count;
                if (range.From is { } from) statement.Bind(++next, from);
                if (range.To is { } to) statement.Bind(++next, to);
            }
            foreach (var row in ScanRows(new CallRowMerge(statements), query, groupBy, reporter, read, cancellationToken)) yield return row;
        }
        finally
        {
            foreach (var statement in statements) statement.Dispose();
        }
    }

    /// <summary>The rows of one part, bucketed as they come in time order.</summary>
    private static IEnumerable<CallStatistic> ScanRows(CallRowMerge rows, CallStatisticQuery query, string? groupBy, IOperationReporter? reporter,
        long[] read, CancellationToken cancellationToken)
    {
        var buckets = new CallBuckets(query.Period, query.Zone.Zone);
        var groups = new CallGroups(groupBy);
        var scan = new ScanState(reporter, read, cancellationToken);
        long open = long.MinValue;
        var openOffset = 0;
        var pending = rows.Read();
        while (pending)
        {
            var start = buckets.BucketOf(rows.Current.GetInt64(0), out var offset);
            // A later call never belongs to an earlier bucket (see CallBuckets); keep it in the open one if a zone's
            // odd transition ever suggests so.
            if (start > open)
            {
                if (groups.Any) foreach (var row in groups.Close(open, openOffset)) yield return row;
                open = start;
                openOffset = offset;
            }
            pending = AddBucket(rows, buckets, groups, open, ref scan);
        }
        Interlocked.Add(ref read[0], scan.Count % ProgressEvery);
        if (groups.Any) foreach (var row in groups.Close(open, openOffset)) yield return row;
    }

    /// <summary>What a part's scan carries between buckets: its progress and cancellation.</summary>
    private record struct ScanState(IOperationReporter? Reporter, long[] Read, CancellationToken CancellationToken)
    {
        public long Count;
    }

    /// <summary>
    /// Adds the current row and those after it up to the first of a later bucket than <paramref name="open"/> (left
    /// current, not added; true) or the end (false). The hot loop of a statistic, compiled optimized at once (an
    /// iterator's loop would run unoptimized code until on-stack replacement).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AddBucket(CallRowMerge rows, CallBuckets buckets, CallGroups groups, long open, ref ScanState scan)
    {
        do
        {
            var statement = rows.Current;
            if (buckets.BucketOf(statement.GetInt64(0), out _) > open) return true;
            var unanswered = statement.GetInt64(2) != 0;
            groups.For(statement, unanswered).Add(statement.GetInt64(1), unanswered);
            if (++scan.Count % ProgressEvery == 0)
            {
                scan.CancellationToken.ThrowIfCancellationRequested();
                var total = Interlocked.Add(ref scan.Read[0], ProgressEvery);
                scan.Reporter?.Progress($"Read {total:N0} calls", total, null);
            }
        }
        while (rows.Read());
        return false;
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
                throw new InvalidRequestException($"-IncludeEmpty would emit more than {MaxFilledPeriods:N0} periods from {CallBuckets.LabelOf(first.Value, 0)} (UTC) on; narrow the call_time filter or use a longer period.");
            var present = byPeriod[start].ToDictionary(r => r.Group ?? "");
            foreach (var group in groups)
                yield return present.GetValueOrDefault(group ?? "") ?? CallStatistic.Empty(CallBuckets.PeriodOf(start, offset), CallBuckets.LabelOf(start, offset), group);
            while (next < rows.Count && rows[next].Period.ToUnixTimeSeconds() == start) next++;
            start = buckets.Next(start, out offset);
        }
        while (next < rows.Count) yield return rows[next++];
    }
}
