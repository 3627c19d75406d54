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
    private readonly SqliteStatement _insertEvent, _insertBody, _insertTicket;
    /// <summary>
    /// This input's tickets, each with the arrival number of its first new (not repeated) new_ticket activity, 0 when
    /// it has none. One entry a ticket: memory grows with the tickets of one input, not with the store.
    /// </summary>
    private readonly Dictionary<long, long> _tickets = [];
    private readonly ActivityKey _pipedKey = new();
    private readonly ActivityBodyReader _pipedBody = new();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private long _activities, _inserted, _lastId, _latestAt = long.MinValue, _latestOffset;
    private bool _committed;
    /// <summary>The priority and group the event statement holds (its parameters start as NULL).</summary>
    private string? _boundPriority, _boundGroup;

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
            using (var last = db.Prepare("SELECT coalesce(max(id), 0) FROM ticket_activity_bodies"))
            {
                last.Read();
                _lastId = last.GetInt64(0); // ids are given here, in the order rows are written: this transaction holds the write lock
                last.Read();
            }
            // The event row goes first: its key refuses a repeat before the body is written.
            _insertEvent = Prepare("""
                INSERT OR IGNORE INTO ticket_events (ticket_id, performed_at, content_key, activity_id, utc_offset, performer_type,
                    is_automation, performer_id, status, note_type, requester_id, priority, group_name)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                """);
            _insertBody = Prepare("INSERT INTO ticket_activity_bodies (id, import_id, note_id, changes, activity) VALUES (?1, ?2, ?3, ?4, ?5)");
            _insertBody.Bind(2, _importId);
            _insertTicket = Prepare("INSERT OR IGNORE INTO ticket_tickets (ticket_id, first_import_id) VALUES (?1, ?2)");
            _insertTicket.Bind(2, _importId);
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
    /// <paramref name="arrival"/> is its 1-based place in the input when activities are added out of that order (0:
    /// right after the previous one); ties at one second must still be added in input order.
    /// </summary>
    public void Add(long ticketId, DateTimeOffset performedAt, string performerType, long? performerId, in ActivityFacts facts,
        ReadOnlySpan<byte> json, ReadOnlySpan<(string Key, int Start, int Length)> values, long key, long arrival = 0)
    {
        _activities++;
        if (arrival == 0) arrival = _activities;
        _tickets.TryAdd(ticketId, 0); // written at Commit, in id order

        var seconds = performedAt.ToUnixTimeSeconds();
        var offset = (long)performedAt.Offset.TotalMinutes;
        var id = _lastId + 1;
        var events = _insertEvent;
        events.Bind(1, ticketId);
        events.Bind(2, seconds);
        events.Bind(3, key);
        events.Bind(4, id);
        events.Bind(5, offset);
        events.Bind(6, performerType);
        events.Bind(7, facts.IsAutomation ? 1 : 0);
        events.Bind(8, performerId);
        events.Bind(9, facts.Status);
        events.Bind(10, facts.NoteType);
        events.Bind(11, facts.RequesterId);
        // Most activities set neither: SQLite keeps a parameter's value across executions, so bind only on a change.
        if (!ReferenceEquals(facts.Priority, _boundPriority)) events.Bind(12, _boundPriority = facts.Priority);
        if (!ReferenceEquals(facts.Group, _boundGroup)) events.Bind(13, _boundGroup = facts.Group);
        if (events.Execute() == 0) return; // a repeat: already stored or earlier in this input
        _lastId = id;
        _inserted++;
        if (seconds > _latestAt) (_latestAt, _latestOffset) = (seconds, offset);

        var insert = _insertBody;
        insert.Bind(1, id);
        insert.Bind(3, facts.NoteId);
        insert.Bind(4, facts.Changes);
        insert.BindUtf8(5, json);
        insert.Execute();

        foreach (var (name, _, _) in values)
            if (name == "new_ticket" && _tickets[ticketId] is var earlier && (earlier == 0 || earlier > arrival)) _tickets[ticketId] = arrival;
    }

    /// <summary>Commits and returns the summary; <paramref name="sha256"/> and the window describe a file import.</summary>
    public ImportSummary Commit(string? sha256 = null, DateTimeOffset? startAt = null, DateTimeOffset? endAt = null)
    {
        var duplicates = _activities - _inserted;
        var (restarted, firstRestarted) = InsertTickets();
        using (var update = _db.Prepare("""
            UPDATE ticket_imports SET sha256 = ?1, start_at = ?2, end_at = ?3, activities = ?4, tickets = ?5, inserted = ?6, duplicates = ?7,
                latest_at = ?9, latest_offset = ?10
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
            update.Bind(9, _inserted > 0 ? (long?)_latestAt : null);
            update.Bind(10, _inserted > 0 ? (long?)_latestOffset : null);
            update.Execute();
        }
        _db.Commit();
        _committed = true;
        if (restarted > 0)
            _reporter.Warning($"{restarted:N0} tickets in {(_source is null ? "the piped activities" : $"'{_source}'")} start with new_ticket but already " +
                              $"exist in the store (first: id {firstRestarted}): they may be different tickets with the same ids.");
        return new ImportSummary(_source, _activities, _tickets.Count, _inserted, duplicates, _elapsed.Elapsed, _db.Path);
    }

    /// <summary>
    /// Records this input's tickets, in id order (a sequential walk of the table instead of one random insert per
    /// ticket as it first appears). A ticket the store already had that gets a new new_ticket activity is counted:
    /// generated data that reuses ids would otherwise silently merge unrelated tickets. Returns that count and the
    /// first such ticket in arrival order.
    /// </summary>
    private (long Count, long First) InsertTickets()
    {
        var ids = _tickets.Keys.ToArray();
        Array.Sort(ids);
        long count = 0, first = 0, firstArrival = long.MaxValue;
        foreach (var id in ids)
        {
            _insertTicket.Bind(1, id);
            if (_insertTicket.Execute() != 0 || _tickets[id] is not (> 0 and var arrival)) continue;
            count++;
            if (arrival < firstArrival) (first, firstArrival) = (id, arrival);
        }
        return (count, first);
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        foreach (var statement in new[] { _insertEvent, _insertBody, _insertTicket }) statement.Dispose();
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
