using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// One import in one transaction: activities are added one by one and become visible only at <see cref="Commit"/>;
/// disposing without committing rolls everything back. Repeats (already stored, or earlier in the same input) are
/// recognised by their content key and counted, not inserted. Files and piped objects both come through here.
/// </summary>
public sealed class TicketImportBatch : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly long _importId;
    private readonly string? _source;
    private readonly string _database;
    private readonly SqliteStatement _insertActivity, _insertTicket, _insertNote, _insertProperty;
    private readonly HashSet<long> _tickets = [];
    private readonly ActivityKey _pipedKey = new();
    private readonly ActivityBodyReader _pipedBody = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _activities, _inserted;
    private bool _committed;

    internal TicketImportBatch(SqliteConnection connection, string? source)
    {
        _source = source;
        _database = connection.DataSource;
        _transaction = connection.BeginTransaction();
        using (var import = Command(connection, "INSERT INTO imports (source, activities, tickets, inserted, duplicates, imported_at) VALUES ($source, 0, 0, 0, 0, $at) RETURNING id"))
        {
            import.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
            import.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            _importId = (long)import.ExecuteScalar()!;
        }
        _insertActivity = new SqliteStatement(connection, """
            INSERT OR IGNORE INTO activities (import_id, ticket_id, performed_at, utc_offset, performer_type, performer_id,
                status, note_type, requester_id, is_automation, changes, activity, content_key)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """);
        _insertActivity.Bind(1, _importId);
        _insertTicket = new SqliteStatement(connection, "INSERT OR IGNORE INTO tickets (ticket_id, first_import_id) VALUES (?1, ?2)");
        _insertTicket.Bind(2, _importId);
        _insertNote = new SqliteStatement(connection, "INSERT INTO notes (activity_id, note_id, note_type) VALUES (?1, ?2, ?3)");
        _insertProperty = new SqliteStatement(connection, "INSERT INTO property_changes (activity_id, name, value) VALUES (?1, ?2, ?3)");
    }

    /// <summary>Activities added so far.</summary>
    public long Activities => _activities;

    /// <summary>Adds a piped activity.</summary>
    public void Add(TicketActivity activity)
    {
        var facts = _pipedBody.Read(activity.Activity);
        var key = _pipedKey.Compute(activity.TicketId, activity.PerformedAt, activity.PerformerType, activity.PerformerId, _pipedBody.Json);
        Add(activity.TicketId, activity.PerformedAt, activity.PerformerType, activity.PerformerId, facts, _pipedBody.Json, _pipedBody.Values, key);
    }

    /// <summary>
    /// Adds an activity from its parts (the file path: no intermediate object). <paramref name="values"/> locate each
    /// top-level key's value inside <paramref name="json"/>, as <see cref="ActivityBodyReader.Values"/> does;
    /// <paramref name="key"/> is its <see cref="ActivityKey"/> (computed by the caller, off the writing thread).
    /// </summary>
    public void Add(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, in ActivityFacts facts,
        ReadOnlySpan<byte> json, ReadOnlySpan<(string Key, int Start, int Length)> values, long key)
    {
        _activities++;
        if (_tickets.Add(ticketId))
        {
            _insertTicket.Bind(1, ticketId);
            _insertTicket.Execute();
        }

        var seconds = performedAt.ToUnixTimeSeconds();
        var offset = (long)performedAt.Offset.TotalMinutes;
        var insert = _insertActivity;
        insert.Bind(2, ticketId);
        insert.Bind(3, seconds);
        insert.Bind(4, offset);
        insert.Bind(5, performerType);
        insert.Bind(6, performerId);
        insert.Bind(7, facts.Status);
        insert.Bind(8, facts.NoteType);
        insert.Bind(9, facts.RequesterId);
        insert.Bind(10, facts.IsAutomation ? 1 : 0);
        insert.Bind(11, facts.Changes);
        insert.BindUtf8(12, json);
        insert.Bind(13, key);
        if (insert.Execute() == 0) return; // a repeat: already stored or earlier in this input
        var id = insert.LastInsertRowId;
        _inserted++;

        if (facts.NoteType is not null)
        {
            _insertNote.Bind(1, id);
            _insertNote.Bind(2, facts.NoteId);
            _insertNote.Bind(3, facts.NoteType);
            _insertNote.Execute();
        }
        foreach (var (name, start, length) in values)
        {
            if (name is "note" or "status") continue; // kept in notes / on the activity row
            _insertProperty.Bind(1, id);
            _insertProperty.Bind(2, name);
            _insertProperty.BindUtf8(3, json.Slice(start, length));
            _insertProperty.Execute();
        }
    }

    /// <summary>Commits and returns the summary; <paramref name="sha256"/> and the window describe a file import.</summary>
    public ImportSummary Commit(string? sha256 = null, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null)
    {
        var duplicates = _activities - _inserted;
        using (var update = Command(_transaction.Connection!, """
            UPDATE imports SET sha256 = $sha, start_at = $start, end_at = $end, activities = $activities, tickets = $tickets,
                inserted = $inserted, duplicates = $duplicates WHERE id = $id
            """))
        {
            update.Parameters.AddWithValue("$sha", (object?)sha256 ?? DBNull.Value);
            update.Parameters.AddWithValue("$start", (object?)startAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
            update.Parameters.AddWithValue("$end", (object?)endAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? DBNull.Value);
            update.Parameters.AddWithValue("$activities", _activities);
            update.Parameters.AddWithValue("$tickets", _tickets.Count);
            update.Parameters.AddWithValue("$inserted", _inserted);
            update.Parameters.AddWithValue("$duplicates", duplicates);
            update.Parameters.AddWithValue("$id", _importId);
            update.ExecuteNonQuery();
        }
        _transaction.Commit();
        _committed = true;
        return new ImportSummary(_source, _activities, _tickets.Count, _inserted, duplicates, _elapsed.Elapsed, _database);
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        if (!_committed) _transaction.Rollback();
        foreach (var statement in new[] { _insertActivity, _insertTicket, _insertNote, _insertProperty }) statement.Dispose();
        _transaction.Dispose();
    }

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
