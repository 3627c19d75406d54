using SQLitePCL;
using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// The call store: imports of call records and zones (one transaction each) and the reads behind the call cmdlets.
/// Every database failure comes out as a <see cref="StoreException"/>; input problems as
/// <see cref="InputFormatException"/> or <see cref="IOException"/>.
/// </summary>
public sealed class CallStore : IDisposable
{
    private readonly StoreConnection _db;

    private CallStore(StoreConnection db) => _db = db;

    /// <summary>
    /// Opens the database at <paramref name="path"/> for importing: creates it (and its folder) when missing, brings the
    /// call tables up to date. Refuses a file that is not a SupportTools database, leaving it unchanged.
    /// </summary>
    public static CallStore Open(string path, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenWriter(path, CallSchema.Capability, reporter));

    /// <summary>
    /// Opens an existing database for reading only: creates, migrates and writes nothing. A missing database, or one
    /// without call data, is <see cref="StoreFailure.NotFound"/>.
    /// </summary>
    public static CallStore OpenReadOnly(string path, IOperationReporter? reporter = null) =>
        new(StoreConnection.OpenReader(path, CallSchema.Capability, reporter));

    /// <summary>The database file (full path).</summary>
    public string DatabasePath => _db.Path;

    /// <summary>The connection, for the queries (and tests) that read the call tables directly.</summary>
    internal StoreConnection Connection => _db;

    /// <summary>
    /// Calls a file import adds through the time index before it appends the rest without it, when the file's calls
    /// come out of time order and the store held no calls (see <see cref="CallImportBatch"/>); tests make it small.
    /// </summary>
    internal long AppendAfterRows { get; set; } = CallImportBatch.DefaultAppendAfterRows;

    /// <summary>
    /// Runs of each length a file import appends without the time index before its runs grow longer (see
    /// <see cref="CallImportBatch"/>); tests make it small.
    /// </summary>
    internal int RunsPerLength { get; set; } = CallImportBatch.DefaultRunsPerLength;

    /// <summary>Whether the last <see cref="ImportFile"/> wrote the database file directly, without the WAL (for tests).</summary>
    internal bool LastImportDirect { get; private set; }

    /// <summary>Whether the last <see cref="ImportFile"/> appended calls without the time index (for tests).</summary>
    internal bool LastImportAppended { get; private set; }

    /// <summary>
    /// Starts a transactional import (<paramref name="source"/> is recorded, may be null); waiting for another process's
    /// lock is reported to <paramref name="reporter"/>.
    /// </summary>
    public CallImportBatch BeginImport(string? source = null, IOperationReporter? reporter = null) =>
        new(_db, source, CallZoneResolver.For(_db), reporter ?? _db.Reporter, AppendAfterRows);

    /// <summary>
    /// Imports a file of call records (Kazoo CDR JSON, or CSV) in one transaction. On any error the transaction is
    /// rolled back (the store is unchanged, and usable for the next file) and the <see cref="InputFormatException"/>
    /// says where: one bad record fails its whole file. Times are read invariantly (see <see cref="CallTimes.Parse"/>).
    /// The file is opened (and its kind told) before the transaction starts: an input that never delivers (a FIFO
    /// nobody writes) holds no write lock, and cancelling stops the wait. The first calls into a store that no other
    /// connection has open are written straight into the file, not through the WAL (see <see cref="CallImportBatch"/>).
    /// </summary>
    public CallImportSummary ImportFile(string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var zones = CallZoneResolver.For(_db);
        using var reader = CallRecordFileReader.Open(path, zones, cancellationToken);
        using var batch = new CallImportBatch(_db, path, zones, reporter, AppendAfterRows, bulk: true, RunsPerLength);
        LastImportDirect = batch.WritesDirectly;
        try
        {
            FileImportPipeline.Run(reader, () => new CallChunk(), reader.FillSorted, chunk => chunk.Clear(), batch.Add, reporter, cancellationToken,
                chunksInFlight: CallImportBatch.ChunksInFlight);
            return batch.Commit();
        }
        finally
        {
            LastImportAppended = batch.AppendedWithoutIndex;
        }
    }

    /// <summary>
    /// Imports a zone table (see <see cref="CallZoneFile"/>) in one transaction: it replaces the zones (an earlier table,
    /// or the geocoder's), and every stored call's zone ids are derived again from it (except ids the call's own record
    /// gave), so filters and <c>Get-CallRegion</c> agree with it at once. Numbers no prefix matches then have no zone.
    /// A bad table changes nothing, and neither does a cancelled import. Progress counts the stored calls re-zoned.
    /// </summary>
    public CallZoneImportSummary ImportZones(string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var file = CallZoneFile.Read(path);
        _db.BeginImmediate(reporter);
        try
        {
            _db.Execute("DELETE FROM call_zone_prefixes; DELETE FROM call_zones;");
            using (var zone = _db.Prepare("INSERT INTO call_zones (zone_id, country, region, source, used) VALUES (?1, ?2, ?3, 'table', 0)"))
            {
                foreach (var (id, country, region) in file.Zones)
                {
                    zone.Bind(1, id);
                    zone.Bind(2, country);
                    zone.Bind(3, region);
                    zone.Execute();
                }
            }
            using (var prefix = _db.Prepare("INSERT INTO call_zone_prefixes (prefix, zone_id) VALUES (?1, ?2)"))
            {
                foreach (var (digits, id) in file.Prefixes)
                {
                    prefix.Bind(1, digits);
                    prefix.Bind(2, id);
                    prefix.Execute();
                }
            }
            reporter.Verbose($"Deriving the zones of the calls in '{_db.Path}' again from {file.Zones.Count:N0} zones.");
            var rezoned = Rezone(new CallZoneResolver(file.ToTable()), reporter, cancellationToken);
            _db.Commit(reporter);
            return new CallZoneImportSummary(path, file.Zones.Count, file.Prefixes.Count, rezoned, clock.Elapsed, _db.Path);
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Derives every stored call's zone ids again with <paramref name="zones"/> and marks the zones used; returns the
    /// calls changed. In runs of rowids, so a store of millions of calls shows progress and can be cancelled between runs.
    /// Each run's zone ids are collected right after its update, while its pages are still in the cache: one more scan
    /// of the whole table at the end (what marking the used zones took before) cost seconds and hundreds of MiB at 10M.
    /// </summary>
    private long Rezone(CallZoneResolver zones, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        const long RunLength = 100_000;
        new SqlFunction("call_zone", 1, values =>
            raw.sqlite3_value_type(values[0]) == raw.SQLITE_NULL ? null : zones.ZoneOf(raw.sqlite3_value_blob(values[0]))).Register(_db.Handle);
        long last, changed = 0;
        using (var max = _db.Prepare("SELECT coalesce(max(rowid), 0) FROM call_records"))
        {
            max.Read();
            last = max.GetInt64(0);
            while (max.Read()) { }
        }
        var used = new HashSet<long>();
        using (var update = _db.Prepare("""
            UPDATE call_records
            SET caller_zone_id = CASE WHEN zones_given & 1 THEN caller_zone_id ELSE call_zone(caller_id_number) END,
                callee_zone_id = CASE WHEN zones_given & 2 THEN callee_zone_id ELSE call_zone(callee_id_number) END
            WHERE rowid > ?1 AND rowid <= ?2
              AND (caller_zone_id IS NOT (CASE WHEN zones_given & 1 THEN caller_zone_id ELSE call_zone(caller_id_number) END)
                OR callee_zone_id IS NOT (CASE WHEN zones_given & 2 THEN callee_zone_id ELSE call_zone(callee_id_number) END))
            """))
        using (var zoneIds = _db.Prepare("SELECT caller_zone_id, callee_zone_id FROM call_records WHERE rowid > ?1 AND rowid <= ?2"))
        {
            for (long from = 0; from < last; from += RunLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                update.Bind(1, from);
                update.Bind(2, from + RunLength);
                changed += update.Execute();
                zoneIds.Bind(1, from);
                zoneIds.Bind(2, from + RunLength);
                while (zoneIds.Read())
                {
                    if (!zoneIds.IsNull(0)) used.Add(zoneIds.GetInt64(0));
                    if (!zoneIds.IsNull(1)) used.Add(zoneIds.GetInt64(1));
                }
                reporter.Progress("Deriving the stored calls' zones", Math.Min(from + RunLength, last), last);
            }
        }
        using var mark = _db.Prepare("UPDATE call_zones SET used = 1 WHERE zone_id = ?1");
        foreach (var id in used)
        {
            mark.Bind(1, id);
            mark.Execute();
        }
        return changed;
    }

    /// <summary>
    /// The countries of the zones the stored calls' numbers are in (a call's are its A-leg's; every leg's when
    /// <paramref name="legs"/>), sorted.
    /// </summary>
    public IReadOnlyList<string> GetCountries(bool legs = false) =>
        [.. UsedZones(legs).Select(z => z.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.InvariantCultureIgnoreCase)];

    /// <summary>
    /// The regions of <paramref name="countries"/> (any case) that the stored calls' numbers are in, country by country
    /// in the order given, each sorted by region; countries with none are added to <paramref name="unknown"/>. A call's
    /// zones are its A-leg's; every leg's count when <paramref name="legs"/>.
    /// </summary>
    public IReadOnlyList<CallRegion> GetRegions(IEnumerable<string> countries, ICollection<string> unknown, bool legs = false)
    {
        var used = UsedZones(legs);
        var regions = new List<CallRegion>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries)
        {
            if (!seen.Add(country.Trim())) continue;
            var found = used.Where(z => string.Equals(z.Country, country.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderBy(z => z.Region, StringComparer.InvariantCultureIgnoreCase).ThenBy(z => z.Id).ToList();
            if (found.Count == 0) unknown.Add(country);
            regions.AddRange(found.Select(z => new CallRegion(z.Country, z.Region, z.Id)));
        }
        return regions;
    }

    /// <summary>
    /// The zones stored calls are in. When calls are the legs (see <see cref="CallSource"/>) the marks set at import
    /// answer without a scan; else the calls' zones are collected from them.
    /// </summary>
    private List<CallZone> UsedZones(bool legs)
    {
        var sources = CallSource.Of(_db, legs);
        var zoneIds = string.Join(" UNION ", sources.Select(source => $"SELECT caller_zone_id FROM {source} UNION SELECT callee_zone_id FROM {source}"));
        using var zones = _db.Prepare(CallSource.IsTable(sources)
            ? "SELECT zone_id, country, region FROM call_zones WHERE used = 1"
            : $"SELECT zone_id, country, region FROM call_zones WHERE zone_id IN ({zoneIds})");
        var list = new List<CallZone>();
        while (zones.Read()) list.Add(new CallZone(zones.GetInt64(0), zones.GetString(1), zones.GetString(2)));
        return list;
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _db.Dispose();
}
