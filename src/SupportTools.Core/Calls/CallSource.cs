using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// What the reading use cases read: the stored legs, or the calls they make. A call is a leg that links nothing (see
/// <see cref="CallLink"/>), or the legs of one interaction taken together:
/// <list type="bullet">
/// <item>its A-leg (the leg that started first; at the same second an inbound leg, the one that came into the switch)
/// gives <c>call_id</c>, <c>call_time</c> (the call's start), <c>call_direction</c>, the numbers, the caller's name,
/// <c>ringing_seconds</c>, <c>hangup_cause</c> and the zones;</item>
/// <item><c>duration_seconds</c> is the interaction's: from the first leg's start to the last leg's end;</item>
/// <item><c>billing_seconds</c> is the longest any leg billed, and the call is answered when any leg was
/// (<c>unanswered</c> only when every leg is).</item>
/// </list>
/// The relation has the leg table's column names, so a filter's condition reads the same on both. A store without
/// linked legs (all legs are calls) is read as the table itself, at the table's speed. Rows whose time is outside what
/// imports now accept (<see cref="CallTimes.IsStorable"/>; older modules stored them) are left out, so no read fails
/// on a time no <see cref="DateTimeOffset"/> can show.
/// </summary>
internal static class CallSource
{
    /// <summary>The condition on the stored times every read applies (the time index serves it).</summary>
    public const string Readable = "call_time BETWEEN 0 AND 253370764799";

    /// <summary>The columns both relations have, in the order the record reader wants them.</summary>
    public const string RecordColumns = """
        call_id, call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, caller_id_number,
        caller_id_name, callee_id_number, hangup_cause, unanswered, caller_zone_id, callee_zone_id, interaction_id, legs
        """;

    private const string Calls = """
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, interaction_id, 1 AS legs
         FROM call_records WHERE interaction_key IS NULL AND call_time BETWEEN 0 AND 253370764799
         UNION ALL
         SELECT call_time, call_direction, call_end - call_time, call_billing, ringing_seconds, call_unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, interaction_id, call_legs
         FROM (SELECT *, row_number() OVER (PARTITION BY interaction_key ORDER BY call_time, call_direction IS NOT 'inbound', call_key) AS leg_order,
                      max(call_time + duration_seconds) OVER interaction AS call_end, max(billing_seconds) OVER interaction AS call_billing,
                      min(unanswered) OVER interaction AS call_unanswered, count(*) OVER interaction AS call_legs
               FROM call_records WHERE interaction_key IS NOT NULL AND call_time BETWEEN 0 AND 253370764799
               WINDOW interaction AS (PARTITION BY interaction_key))
         WHERE leg_order = 1)
        """;

    private const string Table = $"(SELECT * FROM call_records WHERE {Readable})";

    private const string Legs = """
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, interaction_id, 1 AS legs
         FROM call_records WHERE call_time BETWEEN 0 AND 253370764799)
        """;

    /// <summary>The legs of a store made before legs were linked (no interaction columns): each a call.</summary>
    private const string OldLegs = """
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, NULL AS interaction_id, 1 AS legs
         FROM call_records WHERE call_time BETWEEN 0 AND 253370764799)
        """;

    /// <summary>
    /// The relation to read from <paramref name="db"/>: the calls, or the legs when <paramref name="legs"/>; the table
    /// itself when the two are the same (a relation for columns the table does not have is only for the records).
    /// <see cref="IsTable"/> tells which.
    /// </summary>
    public static string Of(StoreConnection db, bool legs, bool forRecords = false)
    {
        if (db.Version < CallSchema.LinkedLegsVersion) return forRecords ? OldLegs : Table;
        if (legs || !HasLinkedLegs(db)) return forRecords ? Legs : Table;
        return Calls;
    }

    /// <summary>Whether <paramref name="source"/> (from <see cref="Of"/>) is the leg table as it stands, each leg a call.</summary>
    public static bool IsTable(string source) => ReferenceEquals(source, Table);

    /// <summary>Whether any stored leg links to a call (the partial index answers at once).</summary>
    public static bool HasLinkedLegs(StoreConnection db)
    {
        using var statement = db.Prepare("SELECT 1 FROM call_records WHERE interaction_key IS NOT NULL LIMIT 1");
        var any = statement.Read();
        while (statement.Read()) { }
        return any;
    }
}
