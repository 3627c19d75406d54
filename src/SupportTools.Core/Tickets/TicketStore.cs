using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportTools.Storage;

namespace SupportTools.Tickets;

/// <summary>The ticket-activity store: imports (one transaction each) and the reads behind the cmdlets.</summary>
public sealed class TicketStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private TicketStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating and migrating if needed) the database at <paramref name="databasePath"/>.</summary>
    public static TicketStore Open(string databasePath, IOperationReporter? reporter = null) => new(SqliteDatabase.Open(databasePath));

    /// <summary>Opens an existing store for reading. Placeholder until the read-only store lands: same as <see cref="Open"/>.</summary>
    public static TicketStore OpenReadOnly(string databasePath, IOperationReporter? reporter = null) => new(SqliteDatabase.Open(databasePath));

    /// <summary>Starts a transactional import of piped activities (<paramref name="source"/> is recorded, may be null).</summary>
    public TicketImportBatch BeginImport(string? source) => new(_connection, source);

    /// <summary>
    /// Imports a whole export file in one transaction. On any error the transaction is rolled back (the store is
    /// unchanged) and the <see cref="InputFormatException"/> says where.
    /// </summary>
    public ImportSummary ImportFile(string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        using var reader = new TicketActivityFileReader(path);
        using var batch = BeginImport(path);
        using (var parser = new ParallelFileParser(reader, cancellationToken))
        {
            foreach (var chunk in parser.Chunks())
            {
                foreach (var row in chunk.Rows)
                    batch.Add(row.TicketId, row.PerformedAt, row.PerformerType, row.PerformerId, row.Facts, chunk.Json(row), chunk.Values(row), row.Key);
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress(path, reader.BytesRead, reader.Length);
            }
        }
        reporter.Progress(path, reader.Length, reader.Length);
        return batch.Commit(reader.ContentHash(), reader.Metadata?.StartAt, reader.Metadata?.EndAt);
    }

    /// <summary>Activities ordered by ticket, time and insertion order; all tickets when <paramref name="ticketIds"/> is null.</summary>
    public IEnumerable<TicketActivity> GetActivities(IReadOnlyCollection<long>? ticketIds = null, CancellationToken cancellationToken = default)
    {
        foreach (var row in Query("""
            SELECT a.ticket_id, a.performed_at, a.utc_offset, a.performer_type, a.performer_id, a.status, n.note_id, a.note_type,
                   a.requester_id, a.is_automation, a.changes, a.activity
            FROM activities a LEFT JOIN notes n ON n.activity_id = a.id
            """, ticketIds, cancellationToken))
        {
            var facts = new ActivityFacts(row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetInt64(6),
                row.IsDBNull(7) ? null : row.GetInt32(7), row.IsDBNull(8) ? null : row.GetInt64(8), row.GetBoolean(9), row.GetString(10));
            yield return new TicketActivity(row.GetInt64(0), Time(row, 1), row.GetString(3), row.IsDBNull(4) ? null : row.GetInt64(4),
                row.GetString(11), facts);
        }
    }

    /// <summary>
    /// The duration facts, in the order <see cref="TicketDurationCalculator.FromOrdered"/> needs. Read through a raw
    /// statement: this is the report's hot path (a million rows a second), and statuses are matched as UTF-8.
    /// </summary>
    public IEnumerable<TicketEvent> GetEvents(IReadOnlyCollection<long>? ticketIds = null, CancellationToken cancellationToken = default)
    {
        using var rows = new SqliteStatement(_connection, """
            SELECT a.ticket_id, a.performed_at, a.utc_offset, a.performer_type, a.is_automation,
                   a.performer_id, a.status, a.note_type, a.requester_id
            FROM activities a
            """ + (ticketIds is null ? "" : TicketFilterSql) + " ORDER BY a.ticket_id, a.performed_at, a.id");
        if (ticketIds is not null) rows.Bind(1, JsonSerializer.Serialize(ticketIds)); // $tickets is the only parameter
        var count = 0;
        while (rows.Read())
        {
            if ((++count & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return new TicketEvent(rows.GetInt64(0), StoredTime(rows.GetInt64(1), rows.GetInt64(2)),
                TicketActivity.IsSystemActorOf(Interned(rows.GetUtf8(3), PerformerTypes), rows.GetInt64(4) != 0),
                rows.IsNull(5) ? null : rows.GetInt64(5),
                rows.IsNull(6) ? null : Interned(rows.GetUtf8(6), CanonicalStatuses),
                rows.IsNull(7) ? null : (int)rows.GetInt64(7),
                rows.IsNull(8) ? null : rows.GetInt64(8));
        }
    }

    /// <summary>The latest performed_at among the given tickets (all when null); null when there is none.</summary>
    public DateTimeOffset? LatestPerformedAt(IReadOnlyCollection<long>? ticketIds = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT performed_at, utc_offset FROM activities a" + TicketFilter(command, ticketIds) + " ORDER BY performed_at DESC LIMIT 1";
        using var row = command.ExecuteReader();
        return row.Read() ? Time(row, 0) : null;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _connection.Dispose();

    private IEnumerable<SqliteDataReader> Query(string select, IReadOnlyCollection<long>? ticketIds, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = select + TicketFilter(command, ticketIds) + " ORDER BY a.ticket_id, a.performed_at, a.id";
        using var row = command.ExecuteReader();
        var count = 0;
        while (row.Read())
        {
            if ((++count & 0x3FFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>Ticket ids arrive as one JSON array parameter, never spliced into the SQL.</summary>
    private const string TicketFilterSql = " WHERE a.ticket_id IN (SELECT value FROM json_each($tickets))";

    /// <summary>The ticket-id WHERE clause for a command, with its parameter bound; empty when all tickets are wanted.</summary>
    private static string TicketFilter(SqliteCommand command, IReadOnlyCollection<long>? ticketIds)
    {
        if (ticketIds is null) return "";
        command.Parameters.AddWithValue("$tickets", JsonSerializer.Serialize(ticketIds));
        return TicketFilterSql;
    }

    private static DateTimeOffset Time(SqliteDataReader row, int column) => StoredTime(row.GetInt64(column), row.GetInt64(column + 1));

    /// <summary>performed_at is stored as unix seconds plus the export's offset in minutes.</summary>
    private static DateTimeOffset StoredTime(long unixSeconds, long offsetMinutes) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    private static readonly (byte[] Utf8, string Text)[] CanonicalStatuses = Utf8Table(TicketStatuses.Open, TicketStatuses.Pending,
        TicketStatuses.Resolved, TicketStatuses.Closed, TicketStatuses.WaitingOnCustomer, TicketStatuses.WaitingOnThirdParty);

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
