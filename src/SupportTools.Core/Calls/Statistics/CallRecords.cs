namespace SupportTools.Calls;

/// <summary>
/// The records use case (the service's "CSV query"): the matching calls (or legs) in time order, their times in the
/// query's zone. Calls are the legs of one interaction as one record (see <see cref="CallSource"/>).
/// </summary>
internal static class CallRecords
{
    private const int ProgressEvery = 1 << 12;

    /// <summary>
    /// The calls <paramref name="filter"/> lets through (the legs, when <paramref name="legs"/>), in <c>call_time</c>
    /// order, streamed; <see cref="CallRecord.CallTime"/> carries <paramref name="zone"/>'s offset at that moment.
    /// Progress counts the records read.
    /// </summary>
    public static IEnumerable<CallRecord> Read(CallStore store, CallFilter filter, CallTimeZone zone, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default, bool legs = false)
    {
        reporter ??= NullReporter.Instance;
        var statements = CallSource.Of(store.Connection, legs, forRecords: true).Select(source => store.Connection.Prepare($"""
            SELECT {CallSource.RecordColumns}
            FROM {source} WHERE {filter.Where} ORDER BY call_time
            """)).ToList();
        try
        {
            foreach (var statement in statements) CallQuerySql.Bind(statement, filter);
            foreach (var record in Records(new CallRowMerge(statements), zone, reporter, cancellationToken)) yield return record;
        }
        finally
        {
            foreach (var statement in statements) statement.Dispose();
        }
    }

    private static IEnumerable<CallRecord> Records(CallRowMerge rows, CallTimeZone zone, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var offsets = new CallZoneOffsets(zone.Zone);
        long read = 0;
        while (rows.Read())
        {
            var row = rows.Current;
            string? Text(int column) => row.IsNull(column) ? null : row.GetString(column);
            long? Integer(int column) => row.IsNull(column) ? null : row.GetInt64(column);
            yield return new CallRecord(row.GetString(1), offsets.ToDateTimeOffset(row.GetInt64(0)), Text(2), row.GetInt64(3), row.GetInt64(4),
                row.GetInt64(5), Text(6), Text(7), Text(8), Text(9), row.GetInt64(10) != 0, Integer(11), Integer(12), Text(13), (int)row.GetInt64(14));
            if (++read % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress($"Read {read:N0} call records", read, null);
            }
        }
    }
}
