namespace SupportTools.Tests.Storage;

/// <summary>A database as the first release (schema_version 1, unprefixed tables) left it, built from that release's DDL.</summary>
internal static class FirstReleaseDatabase
{
    private const string Ddl = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY, source TEXT, sha256 TEXT, start_at TEXT, end_at TEXT,
            activities INTEGER NOT NULL, tickets INTEGER NOT NULL, inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL,
            imported_at TEXT NOT NULL);
        CREATE TABLE tickets (ticket_id INTEGER PRIMARY KEY, first_import_id INTEGER NOT NULL REFERENCES imports(id));
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL REFERENCES imports(id),
            ticket_id INTEGER NOT NULL REFERENCES tickets(ticket_id), performed_at INTEGER NOT NULL, utc_offset INTEGER NOT NULL,
            performer_type TEXT NOT NULL, performer_id INTEGER, status TEXT, note_type INTEGER, requester_id INTEGER,
            is_automation INTEGER NOT NULL, changes TEXT NOT NULL, activity TEXT NOT NULL, content_key INTEGER NOT NULL);
        CREATE UNIQUE INDEX activities_ticket_time_key ON activities(ticket_id, performed_at, content_key);
        CREATE TABLE notes (activity_id INTEGER PRIMARY KEY REFERENCES activities(id), note_id INTEGER, note_type INTEGER);
        CREATE TABLE property_changes (activity_id INTEGER NOT NULL REFERENCES activities(id), name TEXT NOT NULL, value TEXT NOT NULL);
        CREATE VIEW status_changes AS
            SELECT id AS activity_id, ticket_id, performed_at, utc_offset, status FROM activities WHERE status IS NOT NULL;
        INSERT INTO schema_version VALUES (1, 'ticket activity', '2026-01-01T00:00:00.0000000+00:00');
        INSERT INTO imports VALUES (1, '/data/a.json', 'ab', NULL, NULL, 2, 1, 2, 0, '2026-01-01T00:00:00.0000000+00:00');
        INSERT INTO tickets VALUES (600, 1);
        INSERT INTO activities VALUES (1, 1, 600, 1492765200, 0, 'user', 149018, 'Open', NULL, 149018, 0, 'new_ticket,status,requester',
            '{"new_ticket":true,"status":"Open","requester":149018}', 11);
        INSERT INTO activities VALUES (2, 1, 600, 1492767218, 330, 'user', 7, NULL, 4, NULL, 0, 'note', '{"note":{"id":4025864,"type":4}}', 22);
        INSERT INTO notes VALUES (2, 4025864, 4);
        INSERT INTO property_changes VALUES (1, 'new_ticket', 'true'), (1, 'requester', '149018');
        """;

    public static string Create(string path)
    {
        Sql.Execute(path, Ddl, Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate);
        return path;
    }
}
