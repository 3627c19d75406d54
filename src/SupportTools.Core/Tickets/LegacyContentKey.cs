using SQLitePCL;
using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// <c>ticket_content_key(ticket_id, performed_at, performer_type, performer_id, activity)</c>: the <see cref="ActivityKey"/>
/// of a stored row, for upgrading a first-release database, whose keys included the offset and the JSON as written.
/// Without it, re-importing a file already in such a store would insert every activity again.
/// </summary>
internal static class LegacyContentKey
{
    /// <summary>The SQL function.</summary>
    public static SqlFunction Function { get; } = new("ticket_content_key", 5, row => Compute(row));

    private static long Compute(sqlite3_value[] row)
    {
        var key = Key.Value!;
        var performerId = raw.sqlite3_value_type(row[3]) == raw.SQLITE_NULL ? (long?)null : raw.sqlite3_value_int64(row[3]);
        return key.Compute(raw.sqlite3_value_int64(row[0]), DateTimeOffset.FromUnixTimeSeconds(raw.sqlite3_value_int64(row[1])),
            raw.sqlite3_value_text(row[2]).utf8_to_string(), performerId, raw.sqlite3_value_blob(row[4]));
    }

    /// <summary>ActivityKey keeps buffers: one per thread.</summary>
    private static readonly ThreadLocal<ActivityKey> Key = new(() => new ActivityKey());
}
