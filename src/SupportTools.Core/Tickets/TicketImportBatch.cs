using System.Diagnostics;
using System.Globalization;
using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// One import in one transaction: activities are added one by one and become visible only at <see cref="Commit"/>;
/// disposing without committing rolls everything back and leaves the store usable for the next import. Repeats
/// (already stored, or earlier in the same input) are recognised by their content key and counted, not inserted.
/// Files and piped objects both come through here.
/// </summary>
public sealed class TicketImportBatch : IDisposable
{
    private readonly StoreConnection _db;
    private readonly IOperationReporter _reporter;
    private readonly long _importId;
    private readonly string? _source;
    private readonly SqliteStatement _insertActivity, _insertTicket, _insertNote, _insertProperty;
    private readonly HashSet<long> _tickets = [];
    /// <summary>Tickets of this input the store had before it (usually none), until a new_ticket for them is counted.</summary>
    private readonly HashSet<long> _storedBefore = [];
    private readonly ActivityKey _pipedKey = new();
    private readonly ActivityBodyReader _pipedBody = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _activities, _inserted, _restarted, _firstRestarted;
    private bool _committed;

    internal TicketImportBatch(StoreConnection db, string? source, IOperationReporter reporter)
    {
        _db = db;
        _source = source;
        _reporter = reporter;
        db.BeginImmediate();
        var statements = new List<SqliteStatement>();
        try
        {
            using (var import = db.Prepare("INSERT INTO ticket_imports (source, activities, tickets, inserted, duplicates, imported_at) VALUES (?1, 0, 0, 0, 0, ?2)"))
            {
                import.Bind(1, source);
                import.Bind(2, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                import.Execute();
                _importId = import.LastInsertRowId;
            }
            SqliteStatement Prepare(string sql)
            {
                var statement = db.Prepare(sql);
                statements.Add(statement);
                return statement;
            }
            _insertActivity = Prepare("""
                INSERT OR IGNORE INTO ticket_activities (import_id, ticket_id, performed_at, utc_offset, performer_type, performer_id,
                    status, note_type, requester_id, is_automation, changes, activity, content_key)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                """);
            _insertActivity.Bind(1, _importId);
            _insertTicket = Prepare("INSERT OR IGNORE INTO ticket_tickets (ticket_id, first_import_id) VALUES (?1, ?2)");
            _insertTicket.Bind(2, _importId);
            _insertNote = Prepare("INSERT INTO ticket_notes (activity_id, note_id, note_type) VALUES (?1, ?2, ?3)");
            _insertProperty = Prepare("INSERT INTO ticket_property_changes (activity_id, name, value) VALUES (?1, ?2, ?3)");
        }
        catch
        {
            foreach (var statement in statements) statement.Dispose();
            db.Rollback();
            throw;
        }
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
            if (_insertTicket.Execute() == 0) _storedBefore.Add(ticketId);
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
            if (name == "new_ticket") NewTicketStarted(ticketId);
            if (name is "note" or "status") continue; // kept in notes / on the activity row
            _insertProperty.Bind(1, id);
            _insertProperty.Bind(2, name);
            _insertProperty.BindUtf8(3, json.Slice(start, length));
            _insertProperty.Execute();
        }
    }

    /// <summary>
    /// A new (not repeated) new_ticket activity for a ticket an earlier import stored: generated data that reuses ids
    /// would silently merge unrelated tickets, so these are counted for a warning.
    /// </summary>
    private void NewTicketStarted(long ticketId)
    {
        if (_storedBefore.Count == 0 || !_storedBefore.Remove(ticketId)) return;
        if (_restarted++ == 0) _firstRestarted = ticketId;
    }

    /// <summary>Commits and returns the summary; <paramref name="sha256"/> and the window describe a file import.</summary>
    public ImportSummary Commit(string? sha256 = null, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null)
    {
        var duplicates = _activities - _inserted;
        using (var update = _db.Prepare("""
            UPDATE ticket_imports SET sha256 = ?1, start_at = ?2, end_at = ?3, activities = ?4, tickets = ?5, inserted = ?6, duplicates = ?7
            WHERE id = ?8
            """))
        {
            update.Bind(1, sha256);
            update.Bind(2, startAt?.ToString("O", CultureInfo.InvariantCulture));
            update.Bind(3, endAt?.ToString("O", CultureInfo.InvariantCulture));
            update.Bind(4, _activities);
            update.Bind(5, _tickets.Count);
            update.Bind(6, _inserted);
            update.Bind(7, duplicates);
            update.Bind(8, _importId);
            update.Execute();
        }
        _db.Commit();
        _committed = true;
        if (_restarted > 0)
            _reporter.Warning($"{_restarted:N0} tickets in {(_source is null ? "the piped activities" : $"'{_source}'")} start with new_ticket but already " +
                              $"exist in the store (first: id {_firstRestarted}): they may be different tickets with the same ids.");
        return new ImportSummary(_source, _activities, _tickets.Count, _inserted, duplicates, _elapsed.Elapsed, _db.Path);
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        foreach (var statement in new[] { _insertActivity, _insertTicket, _insertNote, _insertProperty }) statement.Dispose();
        if (_committed) return;
        try
        {
            _db.Rollback();
        }
        catch (StoreException)
        {
            // Disposing while an error unwinds: that error is the one to report. A store that cannot roll back
            // fails again, with its own error, on the next use.
        }
    }
}
