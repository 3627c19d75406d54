using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// The ticket capability's tables (all prefixed <c>ticket_</c>). The facts the duration report reads (status, note
/// type, requester, automation flag) are kept on the activity row so the report is one ordered index scan;
/// <c>ticket_notes</c> and <c>ticket_property_changes</c> hold the detail relationally, and <c>ticket_status_changes</c>
/// is a view over the activity rows. <c>content_key</c> (a 64-bit hash of ticket, time with offset, performer and
/// activity JSON) makes imports idempotent. Foreign keys are declared for readers and tools but not enforced during
/// import: the importer writes parents first in one transaction.
/// </summary>
internal static class TicketSchema
{
    private const string StatusChangesView = """
        CREATE VIEW ticket_status_changes AS
            SELECT id AS activity_id, ticket_id, performed_at, utc_offset, status FROM ticket_activities WHERE status IS NOT NULL;
        """;

    /// <summary>
    /// One index serves both needs: reading a ticket's history in time order and refusing repeats. The content key
    /// already covers ticket and time, so this is as strict as a unique content key.
    /// </summary>
    private const string TicketTimeKeyIndex =
        "CREATE UNIQUE INDEX ticket_activities_ticket_time_key ON ticket_activities(ticket_id, performed_at, content_key);";

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
                imported_at TEXT NOT NULL);
            CREATE TABLE ticket_tickets (
                ticket_id INTEGER PRIMARY KEY,
                first_import_id INTEGER NOT NULL REFERENCES ticket_imports(id));
            CREATE TABLE ticket_activities (
                id INTEGER PRIMARY KEY,      -- insertion order: breaks performed_at ties as the input did
                import_id INTEGER NOT NULL REFERENCES ticket_imports(id),
                ticket_id INTEGER NOT NULL REFERENCES ticket_tickets(ticket_id),
                performed_at INTEGER NOT NULL,  -- unix seconds
                utc_offset INTEGER NOT NULL,    -- minutes, so the export's offset round-trips
                performer_type TEXT NOT NULL,
                performer_id INTEGER,
                status TEXT, note_type INTEGER, requester_id INTEGER,
                is_automation INTEGER NOT NULL,
                changes TEXT NOT NULL,
                activity TEXT NOT NULL,         -- compact JSON, unknown keys included
                content_key INTEGER NOT NULL);
            {TicketTimeKeyIndex}
            CREATE TABLE ticket_notes (
                activity_id INTEGER PRIMARY KEY REFERENCES ticket_activities(id),
                note_id INTEGER, note_type INTEGER);
            -- Append-only, with no index of its own: an (activity_id, name) key cost a third of the import time and
            -- nothing in the module looks rows up here. A report that does can add an index in a later step.
            CREATE TABLE ticket_property_changes (
                activity_id INTEGER NOT NULL REFERENCES ticket_activities(id),
                name TEXT NOT NULL,
                value TEXT NOT NULL);           -- the value's JSON
            {StatusChangesView}
            """),
    ], new LegacyLayout(["imports", "tickets", "activities", "notes", "property_changes"],
        UpgradeSql: $"""
            DROP VIEW status_changes;
            ALTER TABLE imports RENAME TO ticket_imports;
            ALTER TABLE tickets RENAME TO ticket_tickets;
            ALTER TABLE activities RENAME TO ticket_activities;
            ALTER TABLE notes RENAME TO ticket_notes;
            ALTER TABLE property_changes RENAME TO ticket_property_changes;
            DROP INDEX activities_ticket_time_key;
            {TicketTimeKeyIndex}
            {StatusChangesView}
            """,
        ReadViewsSql: """
            CREATE TEMP VIEW ticket_imports AS SELECT * FROM main.imports;
            CREATE TEMP VIEW ticket_tickets AS SELECT * FROM main.tickets;
            CREATE TEMP VIEW ticket_activities AS SELECT * FROM main.activities;
            CREATE TEMP VIEW ticket_notes AS SELECT * FROM main.notes;
            CREATE TEMP VIEW ticket_property_changes AS SELECT * FROM main.property_changes;
            CREATE TEMP VIEW ticket_status_changes AS SELECT * FROM main.status_changes;
            """,
        Version: 1));
}
