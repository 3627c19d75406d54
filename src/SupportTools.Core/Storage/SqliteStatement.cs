using System.Runtime.InteropServices;
using SQLitePCL;

namespace SupportTools.Storage;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw (the engine under Microsoft.Data.Sqlite): parameters bind by
/// position with no boxing, and UTF-8 text binds straight from a span. Roughly ten times cheaper per row than a
/// <c>SqliteCommand</c>, which matters at millions of rows. Runs inside whatever transaction the connection has open.
/// Every SQLite failure comes out as a <see cref="StoreException"/>; a lock held by another process is waited for
/// (see <see cref="StoreConnection.WhileBusy(Func{int})"/>) when the statement has not produced anything yet.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly StoreConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _native, _database;
    private static readonly byte[] Empty = GC.AllocateArray<byte>(1, pinned: true);
    private readonly Dictionary<string, PinnedBuffer> _utf8 = new(ReferenceEqualityComparer.Instance);
    private readonly Func<int> _restart;
    private bool _reading;

    /// <summary>Prepares <paramref name="sql"/>; parameters are <c>?1</c>, <c>?2</c>… (1-based), result columns 0-based.</summary>
    public SqliteStatement(StoreConnection connection, string sql)
    {
        _connection = connection;
        _restart = Restart;
        sqlite3_stmt? statement = null;
        // Preparing reads the schema, which needs a shared lock: wait for it like any other step.
        Check(connection.WhileBusy(() =>
        {
            statement?.Dispose();
            return raw.sqlite3_prepare_v2(connection.Handle, sql, out statement);
        }));
        _statement = statement!;
        // The SafeHandle above owns the statement (finalized in Dispose); the raw pointers serve the per-row calls.
        _native = _statement.DangerousGetHandle();
        _database = connection.Handle.DangerousGetHandle();
    }

    /// <summary>Binds an integer.</summary>
    public void Bind(int index, long value) => Check(SqliteNative.sqlite3_bind_int64(_native, index, value));

    /// <summary>Binds an integer or NULL.</summary>
    public void Bind(int index, long? value) =>
        Check(value is { } v ? SqliteNative.sqlite3_bind_int64(_native, index, v) : SqliteNative.sqlite3_bind_null(_native, index));

    /// <summary>
    /// Binds text or NULL. Bulk rows repeat the same few string instances (statuses, key names, performer types),
    /// so their UTF-8 is cached by reference instead of being re-encoded for every row.
    /// </summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(SqliteNative.sqlite3_bind_null(_native, index));
            return;
        }
        if (_utf8.TryGetValue(value, out var bytes))
        {
            BindPinnedUtf8(index, bytes.Text()); // cached for the statement's life, pinned: SQLite need not copy it
            return;
        }
        if (_utf8.Count >= 4096)
        {
            BindUtf8(index, System.Text.Encoding.UTF8.GetBytes(value));
            return;
        }
        _utf8[value] = bytes = PinnedBuffer.Of(value);
        BindPinnedUtf8(index, bytes.Text());
    }

    /// <summary>
    /// Binds UTF-8 text that SQLite reads in place, without copying it: <paramref name="value"/> lies in memory the GC
    /// never moves (its type says so) and must stay unchanged until the statement has run and its parameter is bound
    /// again. Bulk inserts bind every row's text this way.
    /// </summary>
    public void BindPinnedUtf8(int index, PinnedUtf8 value) =>
        Check(SqliteNative.sqlite3_bind_text(_native, index, ref value.Length == 0 ? ref Empty[0] : ref MemoryMarshal.GetReference(value.Bytes), value.Length, SqliteNative.Static));

    /// <summary>Binds UTF-8 text without converting it to a string first (SQLite copies it).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) =>
        // An empty span has no address, and a null pointer would bind NULL: point at a byte, with length 0.
        Check(SqliteNative.sqlite3_bind_text(_native, index, ref value.IsEmpty ? ref Empty[0] : ref MemoryMarshal.GetReference(value), value.Length, SqliteNative.Transient));

    /// <summary>Runs the statement to completion and resets it; returns the rows it changed.</summary>
    public int Execute()
    {
        var result = _reading ? _connection.WhileBusy(_restart) : FirstStep();
        _reading = false;
        SqliteNative.sqlite3_reset(_native);
        if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW)) Check(result);
        return SqliteNative.sqlite3_changes(_database);
    }

    /// <summary>Steps to the next result row; false (and reset, ready to run again) when there are no more.</summary>
    public bool Read()
    {
        // Only the first step may be retried: a retry restarts the statement, which would repeat rows already read.
        var result = _reading ? SqliteNative.sqlite3_step(_native) : FirstStep();
        _reading = true;
        if (result == raw.SQLITE_ROW) return true;
        SqliteNative.sqlite3_reset(_native);
        _reading = false;
        if (result != raw.SQLITE_DONE) Check(result);
        return false;
    }

    /// <summary>Columns in a result row.</summary>
    public int ColumnCount => raw.sqlite3_column_count(_statement);

    /// <summary>True when column <paramref name="column"/> (0-based) of the current row is NULL.</summary>
    public bool IsNull(int column) => SqliteNative.sqlite3_column_type(_native, column) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="column"/> (0-based) as an integer.</summary>
    public long GetInt64(int column) => SqliteNative.sqlite3_column_int64(_native, column);

    /// <summary>Column <paramref name="column"/> (0-based) as UTF-8 text, valid until the next step.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>Column <paramref name="column"/> (0-based) as a string.</summary>
    public string GetString(int column) => System.Text.Encoding.UTF8.GetString(GetUtf8(column));

    /// <summary>The rowid of the last row inserted on this connection.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_connection.Handle);

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => _statement.Dispose();

    /// <summary>
    /// The first step of a run. The statement is reset already (every run ends with a reset), so it steps at once; only
    /// a lock held elsewhere sends it through <see cref="StoreConnection.WhileBusy(Func{int})"/> (reset, step, until it gets the lock).
    /// One reset a row fewer in bulk loops.
    /// </summary>
    private int FirstStep()
    {
        var result = SqliteNative.sqlite3_step(_native);
        return (result & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED ? _connection.WhileBusy(result, _restart) : result;
    }

    private int Restart()
    {
        SqliteNative.sqlite3_reset(_native);
        return SqliteNative.sqlite3_step(_native);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) throw _connection.Failure(result);
    }
}
