using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The call capability's tables (all prefixed <c>call_</c>):
/// <list type="bullet">
/// <item><c>call_records</c>: one row per call, columns named as the CDR fields (so a filter's field is a column). A
/// rowid table appended in import order, each chunk of a file sorted by time first: exports arrive in time order, so
/// storage order is time order. Its unique index <c>call_records_time (call_time, call_key)</c> serves both
/// idempotency and the time-ordered read: <c>ORDER BY call_time</c> walks the index without a sort and finds each row at
/// the next rowid (SQLite steps to it instead of searching). Both are appends for time-ordered input, which keeps
/// imports above 300,000 calls a second; a second, random-order index on <c>call_key</c> alone measured at twice the
/// insert cost. Rows are narrow: times and durations are integers, zones are ids, and the columns statistics read come
/// first in each row (SQLite decodes a row's columns from the front). <c>call_key</c> is a 64-bit hash of
/// <c>call_id</c> (see <see cref="CallKey"/>).</item>
/// <item><c>call_zones</c> and <c>call_zone_prefixes</c>: an imported zone table (<c>source = 'table'</c>), or the
/// zones the geocoder derived from the numbers (<c>source = 'geocoder'</c>); <c>used</c> marks the zones that stored
/// records refer to, for <c>Get-CallCountry</c>/<c>Get-CallRegion</c> without a scan of the records.</item>
/// <item><c>call_imports</c>: one row per import (file, counts, time).</item>
/// </list>
/// Rows are legs, as Kazoo writes CDRs; step 2 links them into calls: <c>interaction_id</c> names the call a leg
/// belongs to (see <see cref="CallLink"/>; NULL for a leg that links nothing, a call by itself) and
/// <c>interaction_key</c> is its <see cref="CallKey"/>. <c>call_interactions</c> holds one row per call of linked legs,
/// kept up to date as each new leg is inserted (its A-leg, start, end, billing, answered, legs), indexed by start, so
/// reading calls is as fast as reading legs; unlinked legs cost nothing more to import. <see cref="CallSource"/> reads
/// the calls from both.
/// </summary>
internal static class CallSchema
{
    /// <summary>The calls capability: its steps.</summary>
    public static StoreCapability Capability { get; } = new("calls",
    [
        new(1, "call records and zones", """
            CREATE TABLE call_imports (
                id INTEGER PRIMARY KEY,
                source TEXT,                       -- file path; NULL for records added through the API
                records INTEGER NOT NULL, inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL,
                imported_at TEXT NOT NULL);
            CREATE TABLE call_records (
                call_time INTEGER NOT NULL,        -- unix seconds, UTC
                call_direction TEXT,               -- 'inbound', 'outbound' or NULL
                duration_seconds INTEGER NOT NULL,
                billing_seconds INTEGER NOT NULL,
                ringing_seconds INTEGER NOT NULL,
                unanswered INTEGER NOT NULL,       -- 0/1
                caller_zone_id INTEGER,            -- call_zones.zone_id, NULL when the number has no zone
                callee_zone_id INTEGER,
                hangup_cause TEXT,
                caller_id_number TEXT,
                callee_id_number TEXT,
                caller_id_name TEXT,
                call_id TEXT NOT NULL,
                call_key INTEGER NOT NULL,         -- 64-bit hash of call_id (the next free value on the rare collision)
                zones_given INTEGER NOT NULL);     -- bit 1: caller_zone_id, bit 2: callee_zone_id came from the input (kept when zones change)
            CREATE UNIQUE INDEX call_records_time ON call_records (call_time, call_key);
            CREATE TABLE call_zones (
                zone_id INTEGER PRIMARY KEY,
                country TEXT NOT NULL,
                region TEXT NOT NULL,
                source TEXT NOT NULL,              -- 'table' (Import-CallZone) or 'geocoder'
                used INTEGER NOT NULL DEFAULT 0);  -- 1 when stored records refer to it
            CREATE TABLE call_zone_prefixes (
                prefix TEXT PRIMARY KEY,           -- digits only, no international prefix
                zone_id INTEGER NOT NULL REFERENCES call_zones(zone_id)) WITHOUT ROWID;
            """),
        new(2, "call legs linked into calls", """
            ALTER TABLE call_records ADD COLUMN interaction_key INTEGER; -- CallKey of interaction_id; NULL: the leg links nothing
            ALTER TABLE call_records ADD COLUMN interaction_id TEXT;     -- the call (Kazoo interaction) the leg belongs to
            CREATE TABLE call_interactions (           -- a rowid table appended in import order, so reads in time order step through it
                interaction_key INTEGER NOT NULL UNIQUE, -- the legs' interaction_key
                call_time INTEGER NOT NULL,          -- the call's start: its A-leg's (the leg that started first)
                a_leg_order INTEGER NOT NULL,        -- call_time * 2 + (0 for an inbound leg, 1 otherwise): the smallest is the A-leg
                a_leg INTEGER NOT NULL,              -- call_records.rowid of the A-leg
                call_end INTEGER NOT NULL,           -- the last leg's end (call_time + duration_seconds)
                billing_seconds INTEGER NOT NULL,    -- the most any leg billed
                unanswered INTEGER NOT NULL,         -- 1 only when every leg was unanswered
                legs INTEGER NOT NULL);
            CREATE INDEX call_interactions_time ON call_interactions (call_time);
            """),
    ]);

    /// <summary>The first step whose tables have the leg links (<c>interaction_key</c>, <c>interaction_id</c>).</summary>
    public const int LinkedLegsVersion = 2;
}
