using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// The ticket capability's tables (all prefixed <c>ticket_</c>). Each activity is written once, in two parts:
/// <list type="bullet">
/// <item><c>ticket_events</c>: its facts (ticket, time, performer, status, note type, requester; since step 2 the
/// priority and group it sets), clustered by ticket and time (WITHOUT ROWID). Its key, with the content key, refuses
/// repeats, and the duration and SLA reports are one sequential scan of it.</item>
/// <item><c>ticket_activity_bodies</c>: the rest (compact JSON, so unknown keys and custom fields survive; the changed
/// keys; the note id), appended as written. Its <c>id</c> keeps activities at one second in input order.</item>
/// </list>
/// <c>ticket_activities</c> joins the two back into one row per activity; <c>ticket_notes</c>,
/// <c>ticket_property_changes</c> and <c>ticket_status_changes</c> are views over them, so the relational detail is not
/// written twice. <c>content_key</c> (a 64-bit hash of ticket, time with offset, performer and activity) makes imports
/// idempotent. Foreign keys are declared for readers and tools but not enforced during import.
/// </summary>
internal static class TicketSchema
{
    /// <summary>Step 1's tables, kept as step 1 made them: a first-release store is upgraded to them, then takes step 2.</summary>
    private const string Tables = """
        CREATE TABLE ticket_events (
            ticket_id INTEGER NOT NULL REFERENCES ticket_tickets(ticket_id),
            performed_at INTEGER NOT NULL,     -- unix seconds
            content_key INTEGER NOT NULL,
            activity_id INTEGER NOT NULL REFERENCES ticket_activity_bodies(id),
            utc_offset INTEGER NOT NULL,       -- minutes, so the export's offset round-trips
            performer_type TEXT NOT NULL, is_automation INTEGER NOT NULL, performer_id INTEGER,
            status TEXT, note_type INTEGER, requester_id INTEGER,
            PRIMARY KEY (ticket_id, performed_at, content_key)) WITHOUT ROWID;
        CREATE TABLE ticket_activity_bodies (
            id INTEGER PRIMARY KEY,            -- ties at one second: in input order
            import_id INTEGER NOT NULL REFERENCES ticket_imports(id),
            note_id INTEGER,
            changes TEXT NOT NULL,             -- the activity's keys, comma-separated
            activity TEXT NOT NULL);           -- compact JSON, unknown keys included
        """;

    /// <summary>
    /// Step 2: the priority and group an activity sets, as event facts, so the duration and SLA reports read them in
    /// their scan of the events instead of looking up every activity's JSON. Existing rows are filled in one pass over
    /// the activities whose keys name them, with the values the importer stores (priorities by their canonical names,
    /// text trimmed and empty text none; numbers as written; anything else none). Readers normalize priorities again, so
    /// what SQL's ASCII <c>trim</c> leaves of an exotic spelling still reads as the import would have stored it.
    /// </summary>
    private static readonly string PriorityAndGroup = $"""
        ALTER TABLE ticket_events ADD COLUMN priority TEXT;    -- the priority it sets: Low, Medium, High, Urgent, or as given
        ALTER TABLE ticket_events ADD COLUMN group_name TEXT;  -- the group it assigns the ticket to
        UPDATE ticket_events AS e SET priority = {PriorityOf("b.activity")}, group_name = {GroupOf("b.activity")}
        FROM ticket_activity_bodies b
        WHERE b.id = e.activity_id AND (instr(b.changes, 'priority') > 0 OR instr(b.changes, 'group') > 0);
        """;

    /// <summary>
    /// SQL for the priority the activity JSON <paramref name="json"/> sets, as the importer reads it (see
    /// <see cref="ActivityBodyReader"/>): the four names in any case and 1-4 (leading zeros too) canonical, other text trimmed, other
    /// numbers as written, empty text and anything else NULL.
    /// </summary>
    internal static string PriorityOf(string json) => $"""
        CASE json_type({json}, '$.priority')
            WHEN 'text' THEN CASE ltrim(lower(trim({json} ->> '$.priority')), '0')
                WHEN 'low' THEN 'Low' WHEN '1' THEN 'Low' WHEN 'medium' THEN 'Medium' WHEN '2' THEN 'Medium'
                WHEN 'high' THEN 'High' WHEN '3' THEN 'High' WHEN 'urgent' THEN 'Urgent' WHEN '4' THEN 'Urgent'
                ELSE CASE WHEN {json} ->> '$.priority' <> '' THEN trim({json} ->> '$.priority') END END
            WHEN 'integer' THEN CASE {json} ->> '$.priority' WHEN 1 THEN 'Low' WHEN 2 THEN 'Medium' WHEN 3 THEN 'High'
                WHEN 4 THEN 'Urgent' ELSE {json} -> '$.priority' END
            WHEN 'real' THEN {json} -> '$.priority' END
        """;

    /// <summary>SQL for the group <paramref name="json"/> assigns, as the importer reads it: non-empty text as given, a number as written, else NULL.</summary>
    internal static string GroupOf(string json) => $"""
        CASE json_type({json}, '$.group')
            WHEN 'text' THEN nullif({json} ->> '$.group', '')
            WHEN 'integer' THEN {json} -> '$.group' WHEN 'real' THEN {json} -> '$.group' END
        """;

    private const string Views = """
        -- Driven by the events (a scan), each body found by its id.
        CREATE VIEW ticket_activities AS
            SELECT b.id, b.import_id, e.ticket_id, e.performed_at, e.utc_offset, e.performer_type, e.performer_id, e.status,
                   b.note_id, e.note_type, e.requester_id, e.is_automation, b.changes, b.activity, e.content_key
            FROM ticket_events e JOIN ticket_activity_bodies b ON b.id = e.activity_id;
        CREATE VIEW ticket_notes AS
            SELECT e.activity_id, b.note_id, e.note_type
            FROM ticket_events e JOIN ticket_activity_bodies b ON b.id = e.activity_id WHERE e.note_type IS NOT NULL;
        -- Each top-level key of the activity but note and status, with its value as JSON.
        CREATE VIEW ticket_property_changes AS
            SELECT b.id AS activity_id, j.key AS name,
                   CASE j.type WHEN 'object' THEN j.value WHEN 'array' THEN j.value WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
                               WHEN 'null' THEN 'null' ELSE json_quote(j.value) END AS value
            FROM ticket_activity_bodies b, json_each(b.activity) j
            WHERE j.key NOT IN ('note', 'status');
        CREATE VIEW ticket_status_changes AS
            SELECT activity_id, ticket_id, performed_at, utc_offset, status FROM ticket_events WHERE status IS NOT NULL;
        """;

    /// <summary>The ticket capability: its steps, and how to adopt a first-release database (same tables without the prefix).</summary>
    public static StoreCapability Capability { get; } = new("ticket",
    [
        new(1, "ticket activity", $"""
            CREATE TABLE ticket_imports (
                id INTEGER PRIMARY KEY,
                source TEXT,                 -- file path; NULL for piped activities
                sha256 TEXT,                 -- file content hash
                start_at TEXT, end_at TEXT,  -- the export's metadata window (ISO 8601)
                activities INTEGER NOT NULL, tickets INTEGER NOT NULL,
                inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL,
                imported_at TEXT NOT NULL,
                latest_at INTEGER, latest_offset INTEGER);  -- the latest performed_at it inserted: the report's default as-of
            CREATE TABLE ticket_tickets (
                ticket_id INTEGER PRIMARY KEY,
                first_import_id INTEGER NOT NULL REFERENCES ticket_imports(id));
            {Tables}
            {Views}
            """),
        new(2, "event priority and group", PriorityAndGroup),
    ], new LegacyLayout(["imports", "tickets", "activities", "notes", "property_changes"],
        UpgradeSql: $"""
            DROP VIEW status_changes;
            ALTER TABLE imports RENAME TO ticket_imports;
            ALTER TABLE ticket_imports ADD COLUMN latest_at INTEGER;
            ALTER TABLE ticket_imports ADD COLUMN latest_offset INTEGER;
            ALTER TABLE tickets RENAME TO ticket_tickets;
            {Tables}
            -- Content keys are recomputed as this version computes them (instant and canonical activity): rows that the first
            -- release told apart only by offset or spelling become one, the first kept.
            INSERT OR IGNORE INTO ticket_events (ticket_id, performed_at, content_key, activity_id, utc_offset, performer_type, is_automation,
                    performer_id, status, note_type, requester_id)
                SELECT ticket_id, performed_at, ticket_content_key(ticket_id, performed_at, performer_type, performer_id, activity), id,
                    utc_offset, performer_type, is_automation, performer_id, status, note_type, requester_id
                FROM activities ORDER BY id;
            INSERT INTO ticket_activity_bodies (id, import_id, note_id, changes, activity)
                SELECT a.id, a.import_id, n.note_id, a.changes, a.activity FROM activities a LEFT JOIN notes n ON n.activity_id = a.id
                WHERE a.id IN (SELECT activity_id FROM ticket_events);
            UPDATE ticket_imports SET (latest_at, latest_offset) =
                (SELECT performed_at, utc_offset FROM activities a WHERE a.import_id = ticket_imports.id ORDER BY performed_at DESC LIMIT 1);
            DROP TABLE property_changes;      -- the view shows the same rows from the activity JSON
            DROP TABLE notes;
            DROP TABLE activities;
            {Views}
            """,
        ReadViewsSql: """
            CREATE TEMP VIEW ticket_imports AS
                SELECT i.*, l.performed_at AS latest_at, l.utc_offset AS latest_offset
                FROM main.imports i
                LEFT JOIN (SELECT import_id, max(performed_at) AS performed_at, utc_offset FROM main.activities GROUP BY import_id) l
                    ON l.import_id = i.id;
            CREATE TEMP VIEW ticket_tickets AS SELECT * FROM main.tickets;
            CREATE TEMP VIEW ticket_events AS
                SELECT ticket_id, performed_at, content_key, id AS activity_id, utc_offset, performer_type, is_automation, performer_id,
                       status, note_type, requester_id
                FROM main.activities;
            CREATE TEMP VIEW ticket_activity_bodies AS
                SELECT a.id, a.import_id, n.note_id, a.changes, a.activity FROM main.activities a LEFT JOIN main.notes n ON n.activity_id = a.id;
            CREATE TEMP VIEW ticket_activities AS SELECT a.*, n.note_id FROM main.activities a LEFT JOIN main.notes n ON n.activity_id = a.id;
            CREATE TEMP VIEW ticket_notes AS SELECT * FROM main.notes;
            CREATE TEMP VIEW ticket_property_changes AS SELECT * FROM main.property_changes;
            CREATE TEMP VIEW ticket_status_changes AS SELECT * FROM main.status_changes;
            """,
        Version: 1,
        Functions: [LegacyContentKey.Function]));
}
