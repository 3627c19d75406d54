using System.Text.Json;
using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>
/// The ticket-activity store: imports (one transaction each) and the reads behind the cmdlets. Every database failure
/// comes out as a <see cref="StoreException"/>; input-file problems as <see cref="InputFormatException"/> or
/// <see cref="IOException"/>.
/// </summary>
public sealed class TicketStore : IDisposable
{
    private readonly StoreConnection _db;

    private TicketStore(StoreConnection db) => _db = db;

    /// <summary>
    /// Opens the database at <paramref name="databasePath"/> for importing: creates it (and its folder) when missing,
    /// brings the ticket tables up to date. Refuses a file that is not a SupportTools database (leaving it unchanged),
    /// including a 0-byte file. Waits for other processes' locks, saying so through <paramref name="reporter"/>.
    /// </summary>
    public static TicketStore Open(string databasePath, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenWriter(databasePath, TicketSchema.Capability, reporter));

    /// <summary>
    /// Opens an existing database for reading only: creates, migrates and writes nothing (a database from the first
    /// release is read as it is). A missing database is <see cref="StoreFailure.NotFound"/>.
    /// </summary>
    public static TicketStore OpenReadOnly(string databasePath, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenReader(databasePath, TicketSchema.Capability, reporter));

    /// <summary>For tests: a writer with its own lock-wait policy.</summary>
    internal static TicketStore Open(string databasePath, IOperationReporter? reporter, BusyPolicy busy) =>
        new(StoreConnection.OpenWriter(databasePath, TicketSchema.Capability, reporter, busy));

    /// <summary>The database file (full path).</summary>
    public string DatabasePath => _db.Path;

    /// <summary>The connection, for tests that need to reach under the store.</summary>
    internal StoreConnection Connection => _db;

    /// <summary>
    /// Starts a transactional import of piped activities (<paramref name="source"/> is recorded, may be null); warnings
    /// (tickets that start again) go to <paramref name="reporter"/>.
    /// </summary>
    public TicketImportBatch BeginImport(string? source, IOperationReporter? reporter = null) =>
        new(_db, source, reporter ?? NullReporter.Instance);

    /// <summary>
    /// Imports a whole export file in one transaction. On any error the transaction is rolled back (the store is
    /// unchanged, and usable for the next file) and the <see cref="InputFormatException"/> says where.
    /// </summary>
    public ImportSummary ImportFile(string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var previous = _db.Reporter;
        _db.Reporter = reporter; // lock waits during this import are this import's to report
        try
        {
            using var reader = new TicketActivityFileReader(path);
            using var batch = BeginImport(path, reporter);
            var window = new ExportWindowCheck();
            using (var parser = new ParallelChunkParser<ParsedChunk>(() => new ParsedChunk(), chunk => chunk.Fill(reader), chunk => chunk.Clear(),
                       cancellationToken))
            {
                // Each chunk is written in ticket and time order (ties in input order): its facts then land in
                // neighbouring places of the table clustered by ticket instead of all over it.
                var order = new (long TicketId, long Seconds, int Index)[ParsedChunk.Capacity];
                long read = 0;
                foreach (var chunk in parser.Chunks())
                {
                    Write(batch, chunk, order, read);
                    for (var i = 0; i < chunk.Rows.Count; i++)
                        window.Observe(read + i + 1, chunk.Rows[i].TicketId, chunk.Rows[i].PerformedAt, reader.Metadata);
                    read += chunk.Rows.Count;
                    cancellationToken.ThrowIfCancellationRequested();
                    reporter.Progress(path, reader.BytesRead, reader.Length);
                }
            }
            reporter.Progress(path, reader.Length, reader.Length);
            window.Report(path, reader.Metadata, reporter);
            return batch.Commit(reader.ContentHash(), reader.Metadata?.StartAt, reader.Metadata?.EndAt);
        }
        finally
        {
            _db.Reporter = previous;
        }
    }

    /// <summary>
    /// Writes one chunk in ticket and time order; <paramref name="read"/> activities came before it. A method of its own
    /// so the JIT compiles this hot loop fully (as a loop inside the once-called import it only got on-stack replacement).
    /// </summary>
    private static void Write(TicketImportBatch batch, ParsedChunk chunk, (long TicketId, long Seconds, int Index)[] order, long read)
    {
        var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chunk.Rows);
        for (var i = 0; i < rows.Length; i++) order[i] = (rows[i].TicketId, rows[i].PerformedAt.ToUnixTimeSeconds(), i);
        Array.Sort(order, 0, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[order[i].Index];
            batch.Add(row.TicketId, row.PerformedAt, row.PerformerType, row.PerformerId, row.Facts, chunk.Json(row), chunk.Values(row), row.Key,
                read + order[i].Index + 1);
        }
    }

    /// <summary>Activities ordered by ticket, time and insertion order; all tickets when <paramref name="ticketIds"/> is null.</summary>
    public IEnumerable<TicketActivity> GetActivities(IReadOnlyCollection<long>? ticketIds = null, CancellationToken cancellationToken = default) =>
        InArrivalOrder(Query("""
            SELECT e.ticket_id, e.performed_at, e.utc_offset, e.performer_type, e.performer_id, e.status, a.note_id, e.note_type,
                   e.requester_id, e.is_automation, a.changes, a.activity, e.activity_id
            FROM ticket_events e JOIN ticket_activity_bodies a ON a.id = e.activity_id
            """, ticketIds, cancellationToken, row =>
        {
            var facts = new ActivityFacts(Text(row, 5, CanonicalStatuses), Integer(row, 6), (int?)Integer(row, 7), Integer(row, 8),
                row.GetInt64(9) != 0, row.GetString(10));
            return new TicketActivity(row.GetInt64(0), StoredTime(row.GetInt64(1), row.GetInt64(2)), Text(row, 3, PerformerTypes)!,
                Integer(row, 4), row.GetString(11), facts);
        }));

    /// <summary>
    /// The duration facts, in the order <c>TicketDurationCalculator.FromOrdered</c> needs: one sequential scan of
    /// the table clustered by ticket and time, with statuses matched as UTF-8. This is the report's hot path.
    /// </summary>
    public IEnumerable<TicketEvent> GetEvents(IReadOnlyCollection<long>? ticketIds = null, CancellationToken cancellationToken = default) =>
        InArrivalOrder(Query("""
            SELECT e.ticket_id, e.performed_at, e.utc_offset, e.performer_type, e.is_automation,
                   e.performer_id, e.status, e.note_type, e.requester_id, e.activity_id
            FROM ticket_events e
            """, ticketIds, cancellationToken, row =>
            new TicketEvent(row.GetInt64(0), StoredTime(row.GetInt64(1), row.GetInt64(2)),
                TicketActivity.IsSystemActorOf(Text(row, 3, PerformerTypes)!, row.GetInt64(4) != 0),
                Integer(row, 5), Text(row, 6, CanonicalStatuses), (int?)Integer(row, 7), Integer(row, 8))));

    /// <summary>
    /// <see cref="GetEvents"/> with each event's priority and group: what the SLA report and the durations' Priority and
    /// Group need. The importer stores them with the event's facts (step 2 of the ticket tables), so this is the same
    /// scan; a store not yet at that step (read-only opens never migrate) gets them from each activity's JSON, whose
    /// lookup about doubles the read time.
    /// </summary>
    public IEnumerable<TicketEvent> GetEventsWithProperties(IReadOnlyCollection<long>? ticketIds = null, CancellationToken cancellationToken = default)
    {
        var stored = _db.Version >= PriorityAndGroupVersion;
        var groups = new List<(byte[] Utf8, string Text)>();
        return InArrivalOrder(Query(stored
            ? """
              SELECT e.ticket_id, e.performed_at, e.utc_offset, e.performer_type, e.is_automation,
                     e.performer_id, e.status, e.note_type, e.requester_id, e.priority, e.group_name, e.activity_id
              FROM ticket_events e
              """
            : $"""
              SELECT e.ticket_id, e.performed_at, e.utc_offset, e.performer_type, e.is_automation,
                     e.performer_id, e.status, e.note_type, e.requester_id,
                     CASE WHEN instr(b.changes, 'priority') > 0 THEN {TicketSchema.PriorityOf("b.activity")} END,
                     CASE WHEN instr(b.changes, 'group') > 0 THEN {TicketSchema.GroupOf("b.activity")} END, e.activity_id
              FROM ticket_events e JOIN ticket_activity_bodies b ON b.id = e.activity_id
              """, ticketIds, cancellationToken, row =>
            new TicketEvent(row.GetInt64(0), StoredTime(row.GetInt64(1), row.GetInt64(2)),
                TicketActivity.IsSystemActorOf(Text(row, 3, PerformerTypes)!, row.GetInt64(4) != 0),
                Integer(row, 5), Text(row, 6, CanonicalStatuses), (int?)Integer(row, 7), Integer(row, 8),
                Priority(row, 9), row.IsNull(10) ? null : Remembered(row.GetUtf8(10), groups))));
    }

    /// <summary>The ticket tables' step that stores each event's priority and group (see <see cref="TicketSchema"/>).</summary>
    internal const int PriorityAndGroupVersion = 2;

    /// <summary>The latest performed_at among the given tickets (all when null); null when there is none.</summary>
    public DateTimeOffset? LatestPerformedAt(IReadOnlyCollection<long>? ticketIds = null)
    {
        // For the whole store, each import noted the latest activity it added: no scan.
        using var row = ticketIds is null
            ? _db.Prepare("SELECT latest_at, latest_offset FROM ticket_imports WHERE latest_at IS NOT NULL ORDER BY latest_at DESC LIMIT 1")
            : Prepare("SELECT e.performed_at, e.utc_offset FROM ticket_events e", ticketIds, " ORDER BY e.performed_at DESC LIMIT 1");
        if (!row.Read()) return null;
        var latest = StoredTime(row.GetInt64(0), row.GetInt64(1));
        row.Read(); // to the end: resets the statement
        return latest;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();

    /// <summary>
    /// Rows of <paramref name="select"/> (whose event table is aliased <c>e</c> and selects <c>activity_id</c> last) in
    /// ticket and time order, each made into a <typeparamref name="T"/> with the keys <see cref="InArrivalOrder"/> needs.
    /// </summary>
    private IEnumerable<(T Item, long TicketId, long PerformedAt, long ActivityId)> Query<T>(string select, IReadOnlyCollection<long>? ticketIds,
        CancellationToken cancellationToken, Func<SqliteStatement, T> read)
    {
        using var row = Prepare(select, ticketIds, " ORDER BY e.ticket_id, e.performed_at, e.content_key");
        var last = -1;
        var count = 0;
        while (row.Read())
        {
            if ((++count & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (last < 0) last = row.ColumnCount - 1;
            yield return (read(row), row.GetInt64(0), row.GetInt64(1), row.GetInt64(last));
        }
    }

    /// <summary>
    /// The event table's key orders a ticket's activities by time, then content key; activities at the same second
    /// are put back in arrival order (their activity id), as the input had them. Such ties are rare and short.
    /// </summary>
    private static IEnumerable<T> InArrivalOrder<T>(IEnumerable<(T Item, long TicketId, long PerformedAt, long ActivityId)> rows)
    {
        var tie = new List<(T Item, long ActivityId)>();
        long ticketId = 0, performedAt = 0;
        foreach (var row in rows)
        {
            if (tie.Count > 0 && (row.TicketId != ticketId || row.PerformedAt != performedAt))
            {
                if (tie.Count == 1) yield return tie[0].Item;
                else foreach (var item in tie.OrderBy(t => t.ActivityId)) yield return item.Item;
                tie.Clear();
            }
            (ticketId, performedAt) = (row.TicketId, row.PerformedAt);
            tie.Add((row.Item, row.ActivityId));
        }
        if (tie.Count == 1) yield return tie[0].Item;
        else foreach (var item in tie.OrderBy(t => t.ActivityId)) yield return item.Item;
    }

    /// <summary>
    /// Prepares <paramref name="select"/> with the ticket filter (ids arrive as one JSON array parameter, never spliced
    /// into the SQL) and <paramref name="tail"/>.
    /// </summary>
    private SqliteStatement Prepare(string select, IReadOnlyCollection<long>? ticketIds, string tail)
    {
        var statement = _db.Prepare(select + (ticketIds is null ? "" : " WHERE e.ticket_id IN (SELECT value FROM json_each(?1))") + tail);
        if (ticketIds is not null) statement.Bind(1, JsonSerializer.Serialize(ticketIds));
        return statement;
    }

    private static long? Integer(SqliteStatement row, int column) => row.IsNull(column) ? null : row.GetInt64(column);

    private static string? Text(SqliteStatement row, int column, (byte[] Utf8, string Text)[] known) =>
        row.IsNull(column) ? null : Interned(row.GetUtf8(column), known);

    /// <summary>performed_at is stored as unix seconds plus the export's offset in minutes.</summary>
    private static DateTimeOffset StoredTime(long unixSeconds, long offsetMinutes) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    private static readonly (byte[] Utf8, string Text)[] CanonicalStatuses = Utf8Table(TicketStatuses.Open, TicketStatuses.Pending,
        TicketStatuses.Resolved, TicketStatuses.Closed, TicketStatuses.WaitingOnCustomer, TicketStatuses.WaitingOnThirdParty);

    private static readonly (byte[] Utf8, string Text)[] Priorities = Utf8Table("Low", "Medium", "High", "Urgent");

    /// <summary>
    /// A stored priority: the four canonical names shared, anything else normalized as the importer does (a store read
    /// through the JSON, or backfilled in SQL, may hold a spelling the importer would have normalized).
    /// </summary>
    private static string? Priority(SqliteStatement row, int column)
    {
        if (row.IsNull(column)) return null;
        var stored = row.GetUtf8(column);
        foreach (var (utf8, text) in Priorities)
            if (stored.SequenceEqual(utf8)) return text;
        return TicketProperties.Normalize(System.Text.Encoding.UTF8.GetString(stored));
    }

    /// <summary>
    /// Stored text decoded once per distinct value within one read (a desk has a few dozen groups; the cap keeps an
    /// unusual store from growing the list without end).
    /// </summary>
    private static string Remembered(ReadOnlySpan<byte> stored, List<(byte[] Utf8, string Text)> seen)
    {
        foreach (var (utf8, text) in seen)
            if (stored.SequenceEqual(utf8)) return text;
        var decoded = System.Text.Encoding.UTF8.GetString(stored);
        if (seen.Count < 256) seen.Add((stored.ToArray(), decoded));
        return decoded;
    }

    private static readonly (byte[] Utf8, string Text)[] PerformerTypes = Utf8Table("user", "system", "agent");

    private static (byte[] Utf8, string Text)[] Utf8Table(params string[] values) =>
        [.. values.Select(v => (System.Text.Encoding.UTF8.GetBytes(v), v))];

    /// <summary>
    /// The shared instance of a common stored value (statuses are stored canonical, performer types are a handful)
    /// without decoding it; anything else (a custom status) decoded as stored.
    /// </summary>
    private static string Interned(ReadOnlySpan<byte> stored, (byte[] Utf8, string Text)[] known)
    {
        foreach (var (utf8, text) in known)
            if (stored.SequenceEqual(utf8)) return text;
        return System.Text.Encoding.UTF8.GetString(stored);
    }
}
