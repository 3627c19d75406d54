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

    /// <summary>The columns every relation has, in the order the record reader wants them (the time first, as <see cref="CallRowMerge"/> needs).</summary>
    public const string RecordColumns = """
        call_time, call_id, call_direction, duration_seconds, billing_seconds, ringing_seconds, caller_id_number,
        caller_id_name, callee_id_number, hangup_cause, unanswered, caller_zone_id, callee_zone_id, interaction_id, legs
        """;

    /// <summary>The legs that link nothing: each a call.</summary>
    private const string Unlinked = $"""
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, interaction_id, 1 AS legs
         FROM call_records WHERE interaction_key IS NULL AND {Readable})
        """;

    /// <summary>The calls of linked legs: their A-leg's facts with the call's own.</summary>
    private const string Interactions = $"""
        (SELECT i.call_time AS call_time, a.call_direction AS call_direction, i.call_end - i.call_time AS duration_seconds,
                i.billing_seconds AS billing_seconds, a.ringing_seconds AS ringing_seconds, i.unanswered AS unanswered,
                a.caller_zone_id AS caller_zone_id, a.callee_zone_id AS callee_zone_id, a.hangup_cause AS hangup_cause,
                a.caller_id_number AS caller_id_number, a.callee_id_number AS callee_id_number, a.caller_id_name AS caller_id_name,
                a.call_id AS call_id, a.interaction_id AS interaction_id, i.legs AS legs
         FROM call_interactions i JOIN call_records a ON a.rowid = i.a_leg
         WHERE i.{Readable})
        """;

    // The table itself, with the filterable columns the calls have (a leg of its own is one call); SQLite flattens
    // the subquery, so a read walks the time index as on the bare table.
    private const string Table = $"(SELECT *, 1 AS legs FROM call_records WHERE {Readable})";

    /// <summary>The table of a store made before legs were linked (no interaction columns).</summary>
    private const string OldTable = $"(SELECT *, NULL AS interaction_id, 1 AS legs FROM call_records WHERE {Readable})";

    private const string Legs = $"""
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, interaction_id, 1 AS legs
         FROM call_records WHERE {Readable})
        """;

    /// <summary>The legs of a store made before legs were linked (no interaction columns): each a call.</summary>
    private const string OldLegs = $"""
        (SELECT call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id,
                callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, NULL AS interaction_id, 1 AS legs
         FROM call_records WHERE {Readable})
        """;

    /// <summary>
    /// The relations to read from <paramref name="db"/>, each read in time order through its own index (merge them with
    /// <see cref="CallRowMerge"/>): the calls (unlinked legs, and the calls of linked legs), or the legs when
    /// <paramref name="legs"/>; the table alone when the two are the same (a relation with the columns the table lacks
    /// is only for the records).
    /// </summary>
    public static IReadOnlyList<string> Of(StoreConnection db, bool legs, bool forRecords = false)
    {
        if (db.Version < CallSchema.LinkedLegsVersion) return [forRecords ? OldLegs : OldTable];
        if (legs || !HasLinkedLegs(db)) return [forRecords ? Legs : Table];
        return [Unlinked, Interactions];
    }

    /// <summary>Whether <paramref name="sources"/> (from <see cref="Of"/>) is the leg table as it stands, each leg a call.</summary>
    public static bool IsTable(IReadOnlyList<string> sources) =>
        sources.Count == 1 && (ReferenceEquals(sources[0], Table) || ReferenceEquals(sources[0], OldTable));

    /// <summary>Whether any stored leg links to a call.</summary>
    public static bool HasLinkedLegs(StoreConnection db)
    {
        using var statement = db.Prepare("SELECT 1 FROM call_interactions LIMIT 1");
        var any = statement.Read();
        while (statement.Read()) { }
        return any;
    }
}
