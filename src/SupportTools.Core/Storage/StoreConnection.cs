using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using SQLitePCL;

namespace SupportTools.Storage;

/// <summary>
/// One connection to the SupportTools database, shared by every capability's store. Writers (<see cref="OpenWriter"/>)
/// create a missing database atomically and bring their capability's schema up to date; readers (<see cref="OpenReader"/>)
/// open read-only and change nothing. Both refuse a file that is not a SupportTools database without touching it, and a
/// database from a newer module version. Every failure is a <see cref="StoreException"/>; locks held by other processes
/// are waited for as <see cref="BusyPolicy"/> says, reported to the call's reporter, else the <see cref="Reporter"/>.
/// </summary>
/// <remarks>
/// A store is an SQLite file with <see cref="ApplicationId"/> in its header and <see cref="Format"/> as its
/// <c>user_version</c> (the layout of the shared table below). <c>supporttools_migrations(capability, version, name,
/// applied_at)</c> records each capability's steps. A database made by the first release (tickets only, a
/// <c>schema_version</c> table) is recognised through the capability's <see cref="LegacyLayout"/>.
/// </remarks>
internal sealed class StoreConnection : IDisposable
{
    /// <summary>"STDB" in the SQLite header's application-id field: marks the file as ours before any table is read.</summary>
    public const int ApplicationId = 0x53544442;

    /// <summary>The store layout version (<c>PRAGMA user_version</c>): the shape of <c>supporttools_migrations</c> itself.</summary>
    public const int Format = 1;

    /// <summary>
    /// The writer's page cache, in KiB (256 MiB): imports that insert into an index in random order (ticket activity,
    /// calls out of time order) keep its pages in memory. An import that appends can ask for less (see <see cref="SetCacheKiB"/>).
    /// </summary>
    public const int WriterCacheKiB = 262144;

    /// <summary>Each SQLite attempt waits this long for a lock before <see cref="WhileBusy(Func{int}, IOperationReporter)"/> reports and retries.</summary>
    private const int AttemptMilliseconds = 100;

    private readonly sqlite3 _handle;
    private readonly BusyPolicy _busy;
    private bool _tidyWalFiles;
    private bool _direct; // the open transaction writes the file directly: see BeginImmediateDirect

    static StoreConnection() => Batteries_V2.Init();

    private StoreConnection(string path, string file, OpenMode mode, BusyPolicy busy, IOperationReporter reporter)
    {
        Path = path;
        _busy = busy;
        Reporter = reporter;
        IsReadOnly = mode == OpenMode.Read;
        // NOMUTEX: a connection is used by one thread at a time, so SQLite's per-call locking is pure cost in bulk loops.
        var flags = raw.SQLITE_OPEN_NOMUTEX | mode switch
        {
            OpenMode.Read => raw.SQLITE_OPEN_READONLY,
            OpenMode.Write => raw.SQLITE_OPEN_READWRITE,
            _ => raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE,
        };
        if (file.StartsWith("file:", StringComparison.Ordinal)) flags |= raw.SQLITE_OPEN_URI;
        var result = raw.sqlite3_open_v2(file, out _handle, flags, null);
        if (result != raw.SQLITE_OK)
        {
            var failure = StoreErrors.FromResult(path, raw.sqlite3_extended_errcode(_handle), raw.sqlite3_errmsg(_handle).utf8_to_string());
            _handle.Dispose();
            throw failure;
        }
        raw.sqlite3_extended_result_codes(_handle, 1);
        raw.sqlite3_busy_timeout(_handle, AttemptMilliseconds);
    }

    private enum OpenMode { Read, Write, Create }

    /// <summary>The database file, as given (full path).</summary>
    public string Path { get; }

    /// <summary>True for a reader's connection.</summary>
    public bool IsReadOnly { get; }

    /// <summary>The step of the opened capability the database is at (its latest when a writer opened it).</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Where lock waits are reported unless the call names its own reporter (imports pass theirs to
    /// <see cref="BeginImmediate"/> and <see cref="Commit"/>): the reporter the connection was opened with.
    /// </summary>
    public IOperationReporter Reporter { get; }

    internal sqlite3 Handle => _handle;

    /// <summary>
    /// Opens <paramref name="path"/> for writing <paramref name="capability"/>'s data: creates the database (and its
    /// folder) when missing, adopts a first-release database, applies the capability's pending steps.
    /// </summary>
    public static StoreConnection OpenWriter(string path, StoreCapability capability, IOperationReporter? reporter = null, BusyPolicy? busy = null)
    {
        path = System.IO.Path.GetFullPath(path);
        reporter ??= NullReporter.Instance;
        busy ??= BusyPolicy.Default;
        var kind = Inspect(path, capability, mustExist: false);
        if (kind == FileKind.Missing)
        {
            Create(path, capability, reporter, busy);
            kind = FileKind.Store;
        }
        var connection = new StoreConnection(path, path, OpenMode.Write, busy, reporter);
        try
        {
            // Foreign keys are declared for readers and tools, not checked on every row (that is two lookups a row in
            // bulk imports): the importers write parents before children in one transaction.
            connection.Execute($"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{WriterCacheKiB}; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;");
            // A direct import cut short (see BeginImmediateDirect: the process killed) left the rollback journal on: back to
            // the WAL. One attempt: while another process's direct import runs, that import puts the WAL back itself.
            raw.sqlite3_exec(connection.Handle, "PRAGMA journal_mode = WAL");
            connection.Migrate(capability, legacy: kind == FileKind.Legacy);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> read-only for <paramref name="capability"/>'s data. Creates, migrates and writes
    /// nothing; a first-release database is read through TEMP views under the current names.
    /// </summary>
    public static StoreConnection OpenReader(string path, StoreCapability capability, IOperationReporter? reporter = null, BusyPolicy? busy = null)
    {
        path = System.IO.Path.GetFullPath(path);
        var kind = Inspect(path, capability, mustExist: true);
        var hadWalFiles = File.Exists(path + "-wal") || File.Exists(path + "-shm");
        // A rollback journal: a direct import (see BeginImmediateDirect) is writing the file itself, or was cut short.
        var beingWritten = File.Exists(path + "-journal");
        reporter ??= NullReporter.Instance;
        // Reading a WAL database normally creates -wal/-shm beside it. A user who may read but not write the file (or
        // its folder) cannot, so with no writer's files present the file is read as immutable: no locks, nothing created.
        // Never while a journal is there: the file may be half written, and only locks say when it is whole.
        var immutable = !hadWalFiles && !beingWritten && !CanWrite(path);
        if (immutable) reporter.Verbose($"'{path}' cannot be written by this user; reading it as it is on disk (immutable).");
        try
        {
            return Read(path, kind, capability, reporter, busy, immutable, tidy: !hadWalFiles);
        }
        catch (StoreException exception) when (!immutable && !hadWalFiles && !beingWritten && exception.Failure is StoreFailure.ReadOnly or StoreFailure.Io or StoreFailure.NotFound)
        {
            reporter.Verbose($"The folder of '{path}' cannot be written; reading the database as it is on disk (immutable).");
            return Read(path, kind, capability, reporter, busy, immutable: true, tidy: false);
        }
    }

    private static StoreConnection Read(string path, FileKind kind, StoreCapability capability, IOperationReporter reporter,
        BusyPolicy? busy, bool immutable, bool tidy)
    {
        var file = immutable ? new Uri(path).AbsoluteUri + "?immutable=1" : path;
        var connection = new StoreConnection(path, file, OpenMode.Read, busy ?? BusyPolicy.Default, reporter);
        connection._tidyWalFiles = tidy && !immutable;
        try
        {
            connection.Execute("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
            if (kind == FileKind.Legacy)
            {
                connection.Execute(capability.Legacy!.ReadViewsSql);
                connection.Version = capability.Legacy.Version;
            }
            else
            {
                connection.Version = connection.CheckedVersion(capability);
                if (connection.Version == 0)
                    throw new StoreException(path, StoreFailure.NotFound, $"holds no {capability.Name} data yet: nothing has been imported into it.");
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether this user may write <paramref name="path"/> (opened for writing and closed: nothing is changed).</summary>
    private static bool CanWrite(string path)
    {
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <summary>Sets the page cache to <paramref name="kib"/> KiB (<c>PRAGMA cache_size</c>), for this connection.</summary>
    public void SetCacheKiB(int kib) => Execute($"PRAGMA cache_size = {-kib}");

    /// <summary>
    /// Runs SQL that returns nothing (several statements allowed), waiting out locks; the waits are reported to
    /// <paramref name="reporter"/> (default: the one the connection was opened with).
    /// </summary>
    public void Execute(string sql, IOperationReporter? reporter = null)
    {
        var result = WhileBusy(() => raw.sqlite3_exec(Handle, sql), reporter);
        if (result != raw.SQLITE_OK) throw Failure(result);
    }

    /// <summary>Prepares a statement.</summary>
    public SqliteStatement Prepare(string sql) => new(this, sql);

    /// <summary>
    /// Starts a write transaction, taking the write lock now (so it never fails half-way for a lock): the one place an
    /// import waits for another process, so the wait is reported to that import's <paramref name="reporter"/>.
    /// </summary>
    public void BeginImmediate(IOperationReporter? reporter = null) => Execute("BEGIN IMMEDIATE", reporter);

    /// <summary>
    /// <see cref="BeginImmediate"/> for a bulk load, whose transaction writes the database file directly (a rollback
    /// journal) rather than through the WAL when no other connection has the store open: through the WAL each page is
    /// written twice, once to the WAL and once more by the checkpoint at commit (2M calls: 1.0-1.3 s of a 6 s import).
    /// The WAL comes back at <see cref="Commit"/> or <see cref="Rollback"/>. Meanwhile a reader that comes waits for the
    /// commit, as it would for any writer without a WAL; a store another connection has open keeps the WAL (leaving it
    /// needs sole access), so nobody already reading is ever blocked. True when the transaction writes directly.
    /// </summary>
    public bool BeginImmediateDirect(IOperationReporter? reporter = null)
    {
        _direct = raw.sqlite3_exec(Handle, "PRAGMA journal_mode = DELETE") == raw.SQLITE_OK && JournalMode() == "delete";
        try
        {
            BeginImmediate(reporter);
        }
        catch
        {
            EndDirect(reporter);
            throw;
        }
        return _direct;
    }

    /// <summary>Commits the open transaction (lock waits reported to <paramref name="reporter"/>).</summary>
    public void Commit(IOperationReporter? reporter = null)
    {
        Execute("COMMIT", reporter);
        EndDirect(reporter);
    }

    /// <summary>Rolls back the open transaction, if SQLite has not already (it does after some I/O errors and a full disk).</summary>
    public void Rollback()
    {
        try
        {
            if (raw.sqlite3_get_autocommit(Handle) == 0) Execute("ROLLBACK");
        }
        finally
        {
            EndDirect(Reporter);
        }
    }

    /// <summary>
    /// Puts the WAL back after a direct transaction (see <see cref="BeginImmediateDirect"/>), waiting for readers that
    /// came meanwhile. The data is committed (or rolled back) already, so a failure here is a warning: the store stays
    /// readable and writable with its rollback journal until the next writer opens it and puts the WAL back.
    /// </summary>
    private void EndDirect(IOperationReporter? reporter)
    {
        if (!_direct) return;
        _direct = false;
        try
        {
            Execute("PRAGMA journal_mode = WAL", reporter);
        }
        catch (StoreException exception)
        {
            (reporter ?? Reporter).Warning($"The database '{Path}' keeps its rollback journal until the next import opens it: {exception.Message}");
        }
    }

    /// <summary>The journal mode in force (<c>wal</c>, <c>delete</c>…).</summary>
    private string JournalMode()
    {
        using var mode = Prepare("PRAGMA journal_mode");
        var name = mode.Read() ? mode.GetString(0) : "";
        while (mode.Read()) { }
        return name;
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (an SQLite call returning a result code) until it is not SQLITE_BUSY/LOCKED. The
    /// first wait is reported as a verbose line, a wait past <see cref="BusyPolicy.WarnAfter"/> as a warning; past
    /// <see cref="BusyPolicy.Timeout"/> it fails with <see cref="StoreFailure.Busy"/>. Each attempt itself waits up to
    /// 100 ms inside SQLite (its busy timeout), so the loop wakes often enough to report without spinning.
    /// </summary>
    public int WhileBusy(Func<int> attempt, IOperationReporter? reporter = null) => WhileBusy(attempt(), attempt, reporter);

    /// <summary><see cref="WhileBusy(Func{int}, IOperationReporter)"/> after a first attempt the caller made itself, which gave <paramref name="result"/>.</summary>
    public int WhileBusy(int result, Func<int> attempt, IOperationReporter? reporter = null)
    {
        if (!IsBusy(result)) return result;
        reporter ??= Reporter;
        var waited = Stopwatch.StartNew();
        var seconds = _busy.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        reporter.Verbose($"The database '{Path}' is locked by another process; waiting up to {seconds} s.");
        var warned = false;
        while (IsBusy(result))
        {
            if (waited.Elapsed >= _busy.Timeout)
                throw new StoreException(Path, StoreFailure.Busy, $"is locked by another process and stayed locked for {seconds} s; try again when that process is done.");
            if (!warned && waited.Elapsed >= _busy.WarnAfter)
            {
                reporter.Warning($"The database '{Path}' is still locked by another process after {waited.Elapsed.TotalSeconds:0} s; waiting up to {seconds} s.");
                warned = true;
            }
            Thread.Sleep(10); // some busy results come back at once (no SQLite wait): do not spin
            result = attempt();
        }
        return result;
    }

    /// <summary>The <see cref="StoreException"/> for a failed SQLite call on this connection.</summary>
    public StoreException Failure(int result) =>
        StoreErrors.FromResult(Path, raw.sqlite3_extended_errcode(Handle), raw.sqlite3_errmsg(Handle).utf8_to_string() ?? raw.sqlite3_errstr(result).utf8_to_string());

    /// <summary>Closes the connection (and takes away the WAL files a reader made, see <see cref="TidyWalFiles"/>).</summary>
    public void Dispose()
    {
        _handle.Dispose();
        if (_tidyWalFiles) TidyWalFiles(Path);
    }

    /// <summary>
    /// A read-only connection to a WAL database creates the -wal and -shm files when they are missing, and cannot
    /// remove them when it closes (that takes a checkpoint, a write). When a reader made them, it lets SQLite do what
    /// the last writer's close does: one read-write open and close, which removes them only if no other connection
    /// has the database open. The WAL is empty (no writer came in between, or that writer's close already removed
    /// it), so the database file itself is not written. Best effort: if it cannot, the next writer's close tidies up.
    /// </summary>
    private static void TidyWalFiles(string path)
    {
        if (!File.Exists(path + "-wal") && !File.Exists(path + "-shm")) return;
        // A failure (a read-only file or folder, a writer just arrived) leaves the files until a writer closes.
        if (raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE, null) == raw.SQLITE_OK)
            raw.sqlite3_exec(db, "PRAGMA query_only = 1; SELECT count(*) FROM sqlite_master;");
        db.Dispose();
    }

    private static bool IsBusy(int result) => (result & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;

    private enum FileKind { Missing, Store, Legacy }

    /// <summary>
    /// What is at <paramref name="path"/>, from its header alone where possible (so nothing is opened, let alone
    /// changed, for a file that is not ours): missing, a store, a first-release store, or a <see cref="StoreException"/>.
    /// </summary>
    private static FileKind Inspect(string path, StoreCapability capability, bool mustExist)
    {
        if (Directory.Exists(path))
            throw new StoreException(path, StoreFailure.NotAStore, "is a folder, not a SupportTools database file.");
        if (!File.Exists(path))
        {
            if (mustExist) throw new StoreException(path, StoreFailure.NotFound, "does not exist. Reading never creates a database: import data first, or pass -Database.");
            return FileKind.Missing;
        }
        var header = new byte[100];
        int length;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (StoreErrors.FromException(path, exception) is { } failure)
        {
            throw failure;
        }
        // A 0-byte file is not claimed: SQLite would treat it as an empty database, but something else made it, and
        // this module only ever creates stores whole (see Create).
        if (length == 0)
            throw new StoreException(path, StoreFailure.NotAStore, "is an empty file, not a SupportTools database; delete it to let an import create the database there.");
        if (length < header.Length || !header.AsSpan(0, 16).SequenceEqual("SQLite format 3\0"u8))
            throw new StoreException(path, StoreFailure.NotAStore, "is not a SupportTools database: it is not an SQLite database at all.");
        var applicationId = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(68));
        if (applicationId == ApplicationId)
        {
            if (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60)) > Format)
                throw NewerVersion(path, "the store layout");
            return FileKind.Store;
        }
        if (applicationId == 0 && capability.Legacy is { } legacy && HasLegacyTables(path, legacy))
            return FileKind.Legacy;
        throw new StoreException(path, StoreFailure.NotAStore, "is another application's SQLite database, not a SupportTools database; it was left unchanged.");
    }

    /// <summary>
    /// Whether an unclaimed SQLite file has the first release's tables. Read as immutable: no locks, no -wal/-shm files
    /// appear beside someone else's database just because we looked.
    /// </summary>
    private static bool HasLegacyTables(string path, LegacyLayout legacy)
    {
        var uri = new Uri(path).AbsoluteUri + "?immutable=1";
        var result = raw.sqlite3_open_v2(uri, out var db, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_URI, null);
        using (db)
        {
            if (result != raw.SQLITE_OK) throw StoreErrors.FromResult(path, result, raw.sqlite3_errmsg(db).utf8_to_string());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            result = raw.sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", out var statement);
            using (statement)
            {
                if (result != raw.SQLITE_OK) throw StoreErrors.FromResult(path, result, raw.sqlite3_errmsg(db).utf8_to_string());
                while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) names.Add(raw.sqlite3_column_text(statement, 0).utf8_to_string());
                if (result != raw.SQLITE_DONE) throw StoreErrors.FromResult(path, result, raw.sqlite3_errmsg(db).utf8_to_string());
            }
            return names.Contains("schema_version") && legacy.Tables.All(names.Contains);
        }
    }

    /// <summary>
    /// Creates a store at <paramref name="path"/> whole: built beside it under a temporary name, then moved into place
    /// only if nothing is there yet. So a reader never sees a half-made store, and of two processes creating the same
    /// database at once one wins and the other simply opens the winner's.
    /// </summary>
    private static void Create(string path, StoreCapability capability, IOperationReporter reporter, BusyPolicy busy)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.creating");
        try
        {
            Directory.CreateDirectory(folder);
            using (var connection = new StoreConnection(path, temporary, OpenMode.Create, busy, reporter))
            {
                // 64 KiB pages: a bulk import writes each page twice (the WAL, then the checkpoint), one write call per page;
                // against 8 KiB pages, 2M calls imported in 20-25% less time and 1M ticket activities in 14% less. Stores
                // made before keep their page size (WAL mode cannot change it).
                connection.Execute($"PRAGMA page_size = 65536; PRAGMA journal_mode = WAL; PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {Format};");
                connection.BeginImmediate();
                connection.Execute("""
                    CREATE TABLE supporttools_migrations (
                        capability TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
                        PRIMARY KEY (capability, version));
                    """);
                connection.Apply(capability, 0);
                connection.Commit();
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
                reporter.Verbose($"Created the database '{path}'.");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        catch (StoreException exception) when (exception.Failure == StoreFailure.NotFound)
        {
            // SQLite could not create the file beside it: a missing database is only NotFound for readers.
            throw new StoreException(path, StoreFailure.ReadOnly, "cannot be created: its folder is read-only or not accessible.", exception);
        }
        catch (Exception exception) when (StoreErrors.FromException(path, exception) is { } failure && failure != exception)
        {
            throw failure;
        }
        finally
        {
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
                if (File.Exists(leftover)) File.Delete(leftover);
        }
    }

    /// <summary>Brings <paramref name="capability"/> up to date: takes the write lock, re-checks what ran (another process may have just done it), applies the rest.</summary>
    private void Migrate(StoreCapability capability, bool legacy)
    {
        if (!legacy)
        {
            Version = CheckedVersion(capability);
            if (Version == capability.LatestVersion) return;
        }
        BeginImmediate();
        try
        {
            if (IsLegacy()) AdoptLegacy(capability);
            Version = CheckedVersion(capability);
            Apply(capability, Version);
            Commit();
            Version = capability.LatestVersion;
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private bool IsLegacy()
    {
        using var statement = Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
        statement.Read();
        var found = statement.GetInt64(0) > 0;
        statement.Read();
        return found;
    }

    /// <summary>Renames a first-release database's tables in place and records the steps they amount to.</summary>
    private void AdoptLegacy(StoreCapability capability)
    {
        var legacy = capability.Legacy!;
        foreach (var function in legacy.Functions ?? []) function.Register(Handle);
        Execute($"""
            {legacy.UpgradeSql}
            DROP TABLE schema_version;
            CREATE TABLE supporttools_migrations (
                capability TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
                PRIMARY KEY (capability, version));
            PRAGMA application_id = {ApplicationId};
            PRAGMA user_version = {Format};
            """);
        foreach (var migration in capability.Migrations.Where(m => m.Version <= legacy.Version))
            Record(capability, migration);
        Reporter.Verbose($"Upgraded the database '{Path}' from the first release's layout (tables renamed with the '{capability.Name}_' prefix).");
    }

    /// <summary>The capability's recorded step; a step this module does not know means a newer module wrote the database.</summary>
    private int CheckedVersion(StoreCapability capability)
    {
        using var statement = Prepare("SELECT coalesce(max(version), 0) FROM supporttools_migrations WHERE capability = ?1");
        statement.Bind(1, capability.Name);
        statement.Read();
        var version = (int)statement.GetInt64(0);
        statement.Read();
        if (version > capability.LatestVersion) throw NewerVersion(Path, $"the {capability.Name} tables (step {version}; this module knows up to {capability.LatestVersion})");
        return version;
    }

    private void Apply(StoreCapability capability, int applied)
    {
        foreach (var migration in capability.Migrations.Where(m => m.Version > applied))
        {
            Execute(migration.Sql);
            Record(capability, migration);
        }
    }

    private void Record(StoreCapability capability, Migration migration)
    {
        using var record = Prepare("INSERT INTO supporttools_migrations (capability, version, name, applied_at) VALUES (?1, ?2, ?3, ?4)");
        record.Bind(1, capability.Name);
        record.Bind(2, migration.Version);
        record.Bind(3, migration.Name);
        record.Bind(4, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        record.Execute();
    }

    private static StoreException NewerVersion(string path, string what) =>
        new(path, StoreFailure.NewerVersion, $"was written by a newer version of SupportTools ({what}); update the module to use it.");
}
