using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SQLitePCL;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// One import in one transaction: calls are added one by one and become visible only at <see cref="Commit"/>;
/// disposing without committing rolls everything back and leaves the store usable for the next import. A call whose
/// <c>call_id</c> is already stored at the same <c>call_time</c> (to the second), or came earlier in the same input,
/// is counted as a duplicate, not inserted: a CDR's time never changes, so re-imported files, overlapping exports and
/// CSV round trips add nothing.
/// Missing zone ids are derived from the numbers (see <see cref="CallZoneResolver"/>). A new leg that links to a call
/// (see <see cref="CallLink"/>) updates that call's row in <c>call_interactions</c> (see <see cref="CallSchema"/>); a
/// duplicate changes nothing. Files and records added through <see cref="Add(CallRecord)"/> both come through here.
/// <para>
/// A file whose calls come out of time order (chunks in a row spanning more than a quarter of the times met so far, as
/// in a shuffled file; not exports concatenated, whose chunks each land on a few index pages) into a store that held no calls
/// appends without the time index once <see cref="CallStore.AppendAfterRows"/> calls are in (see <see cref="StartAppending"/>):
/// inserting random times into the index cost the writer more than building it at the end. The store's contents are
/// the same either way.
/// </para>
/// </summary>
public sealed class CallImportBatch : IDisposable
{
    private readonly StoreConnection _db;
    private readonly IOperationReporter _reporter; // this import's: lock waits at its start and commit are its own
    private readonly string? _source;
    private readonly long _importId;
    private readonly SqliteStatement _insert, _storedId, _interaction;
    private readonly HashSet<long> _usedZones = [];
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly PinnedBuffer _scratch = new(256); // pinned, as a chunk's text: see Add(in CallRow, …)
    private long _records, _inserted, _withDirection;
    private bool _committed, _linkBound;
    private readonly bool _storeWasEmpty;
    private readonly long _appendAfterRows;
    private bool _appended;                  // appending without the index happens once at most
    private long _appendFrom = -1;           // the last rowid before the calls appended without the index; -1: not appending
    private long _latest = long.MinValue;    // the latest call time added so far
    private long _earliest = long.MaxValue;  // the earliest call time added so far
    private int _scatteredChunks;            // chunks in a row that went back in time and spanned much of it (see Add(CallChunk))
    private bool _randomInserts;             // calls came out of time order into the index: the writer's whole cache is back
    private CallChunk? _run;                 // while appending: chunks gathered into one run, appended in time order (see FlushRun)
    private int _runChunks;                  // chunks in _run
    private long _runs;                      // runs appended so far
    private const int MaxRunChunks = 8;

    /// <summary>
    /// Chunks per run (see <see cref="FlushRun"/>): one for the first 256 runs (2M calls), then two, four and eight, 256
    /// runs each (<see cref="CallStore.RunsPerLength"/>), so the runs stay fewer than a reader's cache has pages however
    /// many calls come.
    /// </summary>
    private int RunChunks => _runs < _runsPerLength ? 1 : _runs < 2 * _runsPerLength ? 2 : _runs < 3 * _runsPerLength ? 4 : MaxRunChunks;

    /// <summary>The default of <see cref="CallStore.RunsPerLength"/>.</summary>
    internal const int DefaultRunsPerLength = 256;
    private readonly int _runsPerLength;

    /// <summary>
    /// Chunks the file import parses ahead: more than a run (see <see cref="FlushRun"/>), so the parser goes on while
    /// a run is written (with 4, it waited ~1 s per 2M calls).
    /// </summary>
    internal const int ChunksInFlight = MaxRunChunks + 4;

    private const string TimeIndex = "CREATE UNIQUE INDEX call_records_time ON call_records (call_time, call_key)";

    /// <summary>
    /// The page cache while calls arrive in time order or are appended without the index (KiB): appends touch only the
    /// last pages, and a larger cache cost more (2M calls: about 1 s more with the writer's 256 MiB, mostly the kernel
    /// handing SQLite fresh memory). Calls out of time order into the index get <see cref="StoreConnection.WriterCacheKiB"/>.
    /// </summary>
    private const int AppendCacheKiB = 32768;

    /// <summary>
    /// The page cache while the time index is built at the end (KiB), which is also SQLite's in-memory sort: 2M calls
    /// indexed in 0.9 s with 8 MiB, 1.5 s with 64 MiB, 2.5 s with 256 MiB (sqlite3 shell, same store).
    /// </summary>
    private const int IndexSortCacheKiB = 8192;

    /// <summary>The default of <see cref="CallStore.AppendAfterRows"/>: below it, building the index costs more than it saves.</summary>
    internal const long DefaultAppendAfterRows = 100_000;

    internal CallImportBatch(StoreConnection db, string? source, CallZoneResolver zones, IOperationReporter reporter,
        long appendAfterRows = DefaultAppendAfterRows, bool bulk = false, int runsPerLength = DefaultRunsPerLength)
    {
        _db = db;
        _appendAfterRows = appendAfterRows;
        _runsPerLength = runsPerLength;
        _source = source;
        _reporter = reporter;
        Zones = zones;
        // A file's first calls into a store write the file directly (see StoreConnection.BeginImmediateDirect): nobody
        // can be waiting to read calls that are not there yet. Later imports go through the WAL, readers never wait.
        if (bulk && !HoldsCalls(db))
        {
            WritesDirectly = db.BeginImmediateDirect(reporter);
            if (WritesDirectly) reporter.Verbose($"The store holds no calls yet: writing them straight into '{db.Path}' (no WAL), so readers wait for this import.");
        }
        else db.BeginImmediate(reporter);
        var statements = new List<SqliteStatement>();
        try
        {
            using (var import = db.Prepare("INSERT INTO call_imports (source, records, inserted, duplicates, imported_at) VALUES (?1, 0, 0, 0, ?2)"))
            {
                import.Bind(1, source);
                import.Bind(2, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                import.Execute();
                _importId = import.LastInsertRowId;
            }
            db.SetCacheKiB(AppendCacheKiB);
            _storeWasEmpty = !HoldsCalls(db); // asked again inside the transaction: another import may have come between
            SqliteStatement Prepare(string sql)
            {
                var statement = db.Prepare(sql);
                statements.Add(statement);
                return statement;
            }
            _insert = Prepare("""
                INSERT OR IGNORE INTO call_records (call_time, call_key, call_direction, duration_seconds, billing_seconds, ringing_seconds,
                    unanswered, caller_zone_id, callee_zone_id, hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, zones_given,
                    interaction_key, interaction_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                """);
            _storedId = Prepare("SELECT call_id FROM call_records WHERE call_time = ?1 AND call_key = ?2");
            // A new linked leg updates its call: the A-leg is the one that started first (inbound first at the same second).
            _interaction = Prepare("""
                INSERT INTO call_interactions (interaction_key, call_time, a_leg_order, a_leg, call_end, billing_seconds, unanswered, legs)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
                ON CONFLICT (interaction_key) DO UPDATE SET
                    a_leg = CASE WHEN excluded.a_leg_order < a_leg_order THEN excluded.a_leg ELSE a_leg END,
                    a_leg_order = min(a_leg_order, excluded.a_leg_order),
                    call_time = min(call_time, excluded.call_time),
                    call_end = max(call_end, excluded.call_end),
                    billing_seconds = max(billing_seconds, excluded.billing_seconds),
                    unanswered = min(unanswered, excluded.unanswered),
                    legs = legs + 1
                """);
        }
        catch
        {
            foreach (var statement in statements) statement.Dispose();
            db.Rollback();
            db.SetCacheKiB(StoreConnection.WriterCacheKiB);
            throw;
        }
    }

    /// <summary>Whether this import writes the database file directly (see <see cref="StoreConnection.BeginImmediateDirect"/>).</summary>
    internal bool WritesDirectly { get; }

    private static bool HoldsCalls(StoreConnection db)
    {
        using var any = db.Prepare("SELECT EXISTS (SELECT 1 FROM call_records)");
        var holds = any.Read() && any.GetInt64(0) != 0;
        while (any.Read()) { }
        return holds;
    }

    /// <summary>Derives the zone ids the input does not give.</summary>
    internal CallZoneResolver Zones { get; }

    /// <summary>Whether calls were appended without the time index (see <see cref="StartAppending"/>).</summary>
    internal bool AppendedWithoutIndex => _appended;

    /// <summary>Calls added so far.</summary>
    public long Records => _records;

    /// <summary>
    /// Adds a call leg. Zone ids that are null are derived from the numbers (and a given one the store does not know is
    /// recognised when the geocoder gives the number that zone, see <see cref="CallZoneResolver.Recognise"/>); <see cref="CallRecord.Unanswered"/> is taken as given (derive it with
    /// <see cref="CallOutcome.IsUnanswered"/> when the source has none). The time must be one the store keeps (see
    /// <see cref="CallTimes.IsStorable"/>), else an <see cref="InputFormatException"/> naming <c>call_time</c> (bad data, not a bug).
    /// </summary>
    public void Add(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!CallTimes.IsStorable(record.CallTime.ToUnixTimeSeconds()))
            throw new InputFormatException($"the call time {record.CallTime:O} is outside the times kept (1970-01-01 to 9998-12-31, UTC)", field: "call_time", item: record);
        var length = 0;
        TextSlice Put(string? value)
        {
            if (value is null) return TextSlice.Null;
            var needed = length + Encoding.UTF8.GetMaxByteCount(value.Length);
            _scratch.Grow(needed, length);
            var written = Encoding.UTF8.GetBytes(value, _scratch.Span[length..]);
            var slice = new TextSlice(length, written);
            length += written;
            return slice;
        }
        var row = new CallRow
        {
            CallTime = record.CallTime.ToUnixTimeSeconds(),
            Key = CallKey.Of(record.CallId),
            Direction = record.CallDirection,
            DurationSeconds = record.DurationSeconds,
            BillingSeconds = record.BillingSeconds,
            RingingSeconds = record.RingingSeconds,
            Unanswered = record.Unanswered,
            HangupCause = record.HangupCause,
            CallId = Put(record.CallId),
            CallerIdNumber = Put(record.CallerIdNumber),
            CalleeIdNumber = Put(record.CalleeIdNumber),
            CallerIdName = Put(record.CallerIdName),
            InteractionId = Put(record.InteractionId),
        };
        var text = _scratch.Text(length);
        row.InteractionKey = row.InteractionId.IsNull ? 0 : CallKey.Of(row.InteractionId.In(text));
        row.CallerZoneId = record.CallerZoneId ?? (row.CallerIdNumber.IsNull ? null : Zones.ZoneOf(row.CallerIdNumber.In(text)));
        row.CalleeZoneId = record.CalleeZoneId ?? (row.CalleeIdNumber.IsNull ? null : Zones.ZoneOf(row.CalleeIdNumber.In(text)));
        if (record.CallerZoneId is { } caller && !row.CallerIdNumber.IsNull) Zones.Recognise(caller, row.CallerIdNumber.In(text));
        if (record.CalleeZoneId is { } callee && !row.CalleeIdNumber.IsNull) Zones.Recognise(callee, row.CalleeIdNumber.In(text));
        row.ZonesGiven = (record.CallerZoneId is null ? 0 : 1) | (record.CalleeZoneId is null ? 0 : 2);
        if (row.CallTime < _latest) InsertingAtRandom();
        _latest = Math.Max(_latest, row.CallTime);
        _earliest = Math.Min(_earliest, row.CallTime);
        Add(row, text);
    }

    /// <summary>
    /// Adds a parsed chunk's calls. A method of its own so the JIT compiles this hot loop fully (inside the once-called
    /// import it would only get on-stack replacement). The import's hot methods are compiled optimized at once
    /// (<see cref="MethodImplOptions.AggressiveOptimization"/>), skipping the tiers and their instrumented code: 2M calls
    /// imported about 0.6 s sooner.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(CallChunk chunk)
    {
        var text = chunk.Text;
        var rows = chunk.Rows;
        var order = chunk.Order;
        if (order.IsEmpty) return;
        long first = rows[order[0]].CallTime, last = rows[order[^1]].CallTime;
        if (!_appended && first < _latest)
        {
            // A chunk of a shuffled file spans about all the times seen so far, and its calls land all over the index;
            // a chunk of exports concatenated (each in time order) spans minutes, and lands on a few index pages.
            // Three such chunks in a row: the first chunk of a second export may span a quiet night alone.
            _scatteredChunks = (last - first) * 4 > _latest - _earliest ? _scatteredChunks + 1 : 0;
            if (_scatteredChunks >= 3 && _storeWasEmpty && _inserted >= _appendAfterRows) StartAppending();
            // Narrow chunks touch few index pages, which the small cache holds; so does a lone wide one (a quiet night).
            else if (_scatteredChunks >= 2) InsertingAtRandom();
        }
        else _scatteredChunks = 0;
        if (_appendFrom >= 0 && RunChunks > 1)
        {
            _run ??= new CallChunk(MaxRunChunks * CallChunk.Capacity, MaxRunChunks << 20); // a run is flushed before it is full
            _run.Append(chunk);
            if (++_runChunks >= RunChunks) FlushRun();
        }
        else
        {
            foreach (var index in order) Add(rows[index], text);
            if (_appendFrom >= 0) _runs++;
        }
        _latest = Math.Max(_latest, last);
        _earliest = Math.Min(_earliest, first);
    }

    /// <summary>
    /// Appends the calls gathered while appending without the index, in time order. A statistic reads the calls through
    /// the time index, so it reads each run's rows in turn, one page of each run at a time: with runs of one 8,192-call
    /// chunk, 10M shuffled calls made 1,221 runs, more pages than a reader's cache holds (64 KiB pages), and the
    /// statistic took 14.9 s; with runs of four chunks 5.0 s. Longer runs cost the writer more (it inserts a run's rows
    /// in time order, all over the run's memory): at 2M, where one-chunk runs fit the cache, they were 0.2-0.3 s slower,
    /// so runs grow only as the calls do (see <see cref="RunChunks"/>).
    /// </summary>
    private void FlushRun()
    {
        if (_run is not { Count: > 0 } run) return;
        run.Sort();
        var text = run.Text;
        foreach (var index in run.Order) Add(run.Rows[index], text);
        run.Clear();
        _runChunks = 0;
        _runs++;
    }

    /// <summary>Calls come out of time order into the index: from now on the writer's whole cache holds its pages.</summary>
    private void InsertingAtRandom()
    {
        if (_randomInserts) return;
        _db.SetCacheKiB(StoreConnection.WriterCacheKiB);
        _randomInserts = true;
    }

    /// <summary>
    /// From now on appends calls without the time index (dropped inside the transaction, so a failed import keeps it):
    /// a file out of time order inserted each call at a random place of the index, which cost the writer more than
    /// building the index once at the end (SQLite sorts the keys). Only into a store that held no calls, so the
    /// index is rebuilt over this import's calls alone. Duplicates go unnoticed until <see cref="FinishAppending"/>.
    /// </summary>
    private void StartAppending()
    {
        using (var max = _db.Prepare("SELECT coalesce(max(rowid), 0) FROM call_records"))
        {
            max.Read();
            _appendFrom = max.GetInt64(0);
            while (max.Read()) { }
        }
        _db.Execute("DROP INDEX call_records_time");
        _db.SetCacheKiB(AppendCacheKiB);
        _randomInserts = false; // should linked legs end the appending, calls out of order take the whole cache again
        _appended = true;
    }

    /// <summary>
    /// Builds the time index again after <see cref="StartAppending"/>. When the appended calls hold a duplicate (or two
    /// ids share a key at one second), the unique index cannot be built: the appended calls are then moved aside and
    /// added again one by one as <see cref="Add(in CallRow, PinnedUtf8)"/> does, in rowid order, so the store ends as it
    /// would have without appending (the first of duplicates kept, a colliding id on the next free key): rowid order is
    /// each run's calls by time and key, runs in the order they came, and calls of one time and key in the order they
    /// came, which is all that decides which duplicate stays and which id gets the next key.
    /// </summary>
    private void FinishAppending()
    {
        if (_appendFrom < 0) return;
        var from = _appendFrom;
        _appendFrom = -1;
        // SQLite sorts the keys in memory up to the cache size, then in sorted runs in temporary files: a small sort with
        // its files on disk (see IndexSortCacheKiB; two sort threads, each with its own cache, were no faster and a
        // 10M-call import peaked at 958 MiB with them).
        _db.Execute("PRAGMA temp_store = FILE");
        _db.SetCacheKiB(IndexSortCacheKiB);
        int result;
        try
        {
            result = raw.sqlite3_exec(_db.Handle, TimeIndex);
        }
        finally
        {
            _db.Execute("PRAGMA temp_store = MEMORY");
            _db.SetCacheKiB(AppendCacheKiB);
        }
        if ((result & 0xFF) != raw.SQLITE_CONSTRAINT)
        {
            if (result != raw.SQLITE_OK) throw _db.Failure(result);
            return;
        }
        const string Columns = "call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id, callee_zone_id, " +
                               "hangup_cause, caller_id_number, callee_id_number, caller_id_name, call_id, zones_given, interaction_key, interaction_id";
        _db.Execute($"""
            CREATE TABLE call_records_appended AS SELECT call_time, call_key, {Columns} FROM call_records WHERE rowid > {from} ORDER BY rowid;
            DELETE FROM call_records WHERE rowid > {from};
            {TimeIndex};
            """);
        using (var count = _db.Prepare("SELECT count(*) FROM call_records_appended"))
        {
            count.Read();
            _inserted -= count.GetInt64(0);
            while (count.Read()) { }
        }
        // Its rowids keep the appended calls' order.
        using (var appended = _db.Prepare("SELECT rowid, call_time, call_key, call_id FROM call_records_appended ORDER BY rowid"))
        using (var insert = _db.Prepare($"""
            INSERT OR IGNORE INTO call_records (call_time, call_key, {Columns})
            SELECT call_time, ?2, {Columns} FROM call_records_appended WHERE rowid = ?1
            """))
        {
            while (appended.Read())
            {
                var time = appended.GetInt64(1);
                var callId = appended.GetUtf8(3).ToArray();
                insert.Bind(1, appended.GetInt64(0));
                for (var key = appended.GetInt64(2); ; key++)
                {
                    insert.Bind(2, key);
                    if (insert.Execute() == 1)
                    {
                        _inserted++;
                        break;
                    }
                    if (IsStored(time, key, callId)) break;
                }
            }
        }
        _db.Execute("DROP TABLE call_records_appended");
        // A duplicate's zones were counted as used when it was appended: count those of the calls kept (all this import's).
        _usedZones.Clear();
        using var zones = _db.Prepare("""
            SELECT caller_zone_id FROM call_records WHERE caller_zone_id IS NOT NULL
            UNION SELECT callee_zone_id FROM call_records WHERE callee_zone_id IS NOT NULL
            """);
        while (zones.Read()) _usedZones.Add(zones.GetInt64(0));
    }

    /// <summary>
    /// Adds a call whose text lies in <paramref name="text"/> (the file path: no objects per call). SQLite reads the
    /// text in place: it is pinned (its type says so: a chunk's or the scratch buffer's; an unpinned array can move
    /// during a collision probe, and the stored id would be garbage) and unchanged until the next call binds new text;
    /// every text parameter is bound again for each call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(in CallRow row, PinnedUtf8 text)
    {
        // A linked leg updates its call by the leg's rowid, which must be final: the index first (see FinishAppending).
        if (_appendFrom >= 0 && !row.InteractionId.IsNull) FinishAppending();
        _records++;
        if (row.Direction is not null) _withDirection++;
        var insert = _insert;
        var callId = row.CallId.In(text);
        insert.Bind(1, row.CallTime);
        insert.Bind(3, row.Direction);
        insert.Bind(4, row.DurationSeconds);
        insert.Bind(5, row.BillingSeconds);
        insert.Bind(6, row.RingingSeconds);
        insert.Bind(7, row.Unanswered ? 1 : 0);
        insert.Bind(8, row.CallerZoneId);
        insert.Bind(9, row.CalleeZoneId);
        insert.Bind(10, row.HangupCause);
        BindText(11, row.CallerIdNumber, text);
        BindText(12, row.CalleeIdNumber, text);
        BindText(13, row.CallerIdName, text);
        insert.BindPinnedUtf8(14, callId);
        insert.Bind(15, row.ZonesGiven);
        if (!row.InteractionId.IsNull)
        {
            insert.Bind(16, row.InteractionKey);
            insert.BindPinnedUtf8(17, row.InteractionId.In(text));
            _linkBound = true;
        }
        else if (_linkBound)
        {
            // Bindings outlive a statement's reset: clear the last linked leg's only when one was bound (most legs link nothing).
            insert.Bind(16, (string?)null);
            insert.Bind(17, (string?)null);
            _linkBound = false;
        }
        for (var key = row.Key; ; key++)
        {
            insert.Bind(2, key);
            if (insert.Execute() == 1) break;
            // Refused: that call is stored already (a duplicate), or another id has this key at this second (a hash collision: probe on).
            if (IsStored(row.CallTime, key, callId)) return;
        }
        _inserted++;
        if (!row.InteractionId.IsNull) Link(row, _insert.LastInsertRowId);
        if (row.CallerZoneId is { } caller) _usedZones.Add(caller);
        if (row.CalleeZoneId is { } callee) _usedZones.Add(callee);
    }

    /// <summary>Counts a new linked leg (stored at <paramref name="rowid"/>) into its call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Link(in CallRow row, long rowid)
    {
        var interaction = _interaction;
        interaction.Bind(1, row.InteractionKey);
        interaction.Bind(2, row.CallTime);
        interaction.Bind(3, row.CallTime * 2 + (row.Direction == "inbound" ? 0 : 1));
        interaction.Bind(4, rowid);
        interaction.Bind(5, row.CallTime + row.DurationSeconds);
        interaction.Bind(6, row.BillingSeconds);
        interaction.Bind(7, row.Unanswered ? 1 : 0);
        interaction.Execute();
    }

    private void BindText(int index, TextSlice slice, PinnedUtf8 text)
    {
        if (slice.IsNull) _insert.Bind(index, (string?)null);
        else _insert.BindPinnedUtf8(index, slice.In(text));
    }

    /// <summary>Whether the call stored at <paramref name="time"/> under <paramref name="key"/> is <paramref name="callId"/>.</summary>
    private bool IsStored(long time, long key, ReadOnlySpan<byte> callId)
    {
        _storedId.Bind(1, time);
        _storedId.Bind(2, key);
        var same = _storedId.Read() && _storedId.GetUtf8(0).SequenceEqual(callId);
        while (_storedId.Read()) { } // to the end: resets the statement
        return same;
    }

    /// <summary>Commits and returns the summary.</summary>
    public CallImportSummary Commit()
    {
        FlushRun();
        FinishAppending();
        var duplicates = _records - _inserted;
        MarkUsed();
        using (var update = _db.Prepare("UPDATE call_imports SET records = ?1, inserted = ?2, duplicates = ?3 WHERE id = ?4"))
        {
            update.Bind(1, _records);
            update.Bind(2, _inserted);
            update.Bind(3, duplicates);
            update.Bind(4, _importId);
            update.Execute();
        }
        _db.Commit(_reporter);
        _committed = true;
        return new CallImportSummary(_source, _records, _inserted, duplicates, _elapsed.Elapsed, _db.Path, _withDirection);
    }

    /// <summary>Marks the zones the new calls refer to as used, recording the geocoder's zones on first use.</summary>
    private void MarkUsed()
    {
        using var geocoded = _db.Prepare("""
            INSERT INTO call_zones (zone_id, country, region, source, used) VALUES (?1, ?2, ?3, 'geocoder', 1)
            ON CONFLICT (zone_id) DO UPDATE SET used = 1
            """);
        using var used = _db.Prepare("UPDATE call_zones SET used = 1 WHERE zone_id = ?1 AND used = 0");
        foreach (var id in _usedZones)
        {
            if (Zones.Geocoded.TryGetValue(id, out var zone))
            {
                geocoded.Bind(1, id);
                geocoded.Bind(2, zone.Country);
                geocoded.Bind(3, zone.Region);
                geocoded.Execute();
            }
            else
            {
                used.Bind(1, id);
                used.Execute();
            }
        }
    }

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose()
    {
        _insert.Dispose();
        _storedId.Dispose();
        _interaction.Dispose();
        try
        {
            if (!_committed) _db.Rollback();
            _db.SetCacheKiB(StoreConnection.WriterCacheKiB); // the connection's next import may insert at random
        }
        catch (StoreException)
        {
            // Disposing while an error unwinds: that error is the one to report.
        }
    }
}
