using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// The ticket-activity tables. The facts the duration report reads (status, note type, requester, automation flag) are
/// kept on the activity row so the report is one ordered index scan; <c>notes</c> and <c>property_changes</c> hold the
/// detail relationally, and <c>status_changes</c> is a view over the activity rows. <c>content_key</c> (a 64-bit hash
/// of ticket, time with offset, performer and activity JSON) makes imports idempotent. Foreign keys are declared for
/// readers and tools but not enforced during import: the importer writes parents first in one transaction.
/// </summary>
public static class TicketSchema
{
    /// <summary>The ticket migrations.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "ticket activity", """
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                source TEXT,                 -- file path; NULL for piped activities
                sha256 TEXT,                 -- file content hash
                start_at TEXT, end_at TEXT,  -- the export's metadata window (ISO 8601)
                activities INTEGER NOT NULL, tickets INTEGER NOT NULL,
                inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL,
                imported_at TEXT NOT NULL);
            CREATE TABLE tickets (
                ticket_id INTEGER PRIMARY KEY,
                first_import_id INTEGER NOT NULL REFERENCES imports(id));
            CREATE TABLE activities (
                id INTEGER PRIMARY KEY,      -- insertion order: breaks performed_at ties as the input did
                import_id INTEGER NOT NULL REFERENCES imports(id),
                ticket_id INTEGER NOT NULL REFERENCES tickets(ticket_id),
                performed_at INTEGER NOT NULL,  -- unix seconds
                utc_offset INTEGER NOT NULL,    -- minutes, so the export's offset round-trips
                performer_type TEXT NOT NULL,
                performer_id INTEGER,
                status TEXT, note_type INTEGER, requester_id INTEGER,
                is_automation INTEGER NOT NULL,
                changes TEXT NOT NULL,
                activity TEXT NOT NULL,         -- compact JSON, unknown keys included
                content_key INTEGER NOT NULL);
            -- One index serves both needs: reading a ticket's history in time order and refusing repeats. The content
            -- key already covers ticket and time, so this is as strict as a unique content key, and an import's rows
            -- land next to each other in it instead of at random places.
            CREATE UNIQUE INDEX activities_ticket_time_key ON activities(ticket_id, performed_at, content_key);
            CREATE TABLE notes (
                activity_id INTEGER PRIMARY KEY REFERENCES activities(id),
                note_id INTEGER, note_type INTEGER);
            -- Append-only, with no index of its own: a (activity_id, name) key cost a third of the import time and
            -- nothing in the module looks rows up here. A report that does can add an index in a later migration.
            CREATE TABLE property_changes (
                activity_id INTEGER NOT NULL REFERENCES activities(id),
                name TEXT NOT NULL,
                value TEXT NOT NULL);           -- the value's JSON
            CREATE VIEW status_changes AS
                SELECT id AS activity_id, ticket_id, performed_at, utc_offset, status FROM activities WHERE status IS NOT NULL;
            """),
    ];
}
