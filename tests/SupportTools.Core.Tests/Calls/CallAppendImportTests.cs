using System.Text;
using SupportTools.Calls;
using SupportTools.Storage;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>
/// A file out of time order into a store that held no calls appends its calls without the time index and builds the
/// index at the end (<see cref="CallImportBatch"/>): the store ends exactly as the indexed path leaves it (rows, rowids,
/// zones, linked calls), duplicates and colliding ids included; re-imports add nothing; a bad row rolls it all back.
/// The switch comes after <see cref="CallStore.AppendAfterRows"/> calls, made small here (files of a few chunks).
/// </summary>
public sealed class CallAppendImportTests : IDisposable
{
    internal const int Calls = 40_000; // five chunks of the import (8,192 calls each): the switch comes at the fourth
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The generator's calls (a fresh caller each call) as the module's CSV, shuffled when asked, with <paramref name="edit"/> applied to the rows.</summary>
    private string CallFile(string name, bool shuffled, Func<List<string>, List<string>>? edit = null, string? extraColumn = null) =>
        CallFile(_files, name, shuffled, edit, extraColumn);

    /// <summary><see cref="CallFile(string, bool, Func{List{string}, List{string}}?, string?)"/> in <paramref name="files"/>.</summary>
    internal static string CallFile(TestFiles files, string name, bool shuffled, Func<List<string>, List<string>>? edit = null, string? extraColumn = null,
        int calls = Calls)
    {
        var path = files.PathOf(name);
        using (var writer = CallRecordWriter.Create(path, CallFileFormat.Csv))
        {
            foreach (var call in new CallRecordGenerator(5, newCallerEachCall: true).Calls(calls)) writer.Write(call);
            writer.Complete();
        }
        var lines = File.ReadAllLines(path).ToList();
        var rows = lines.Skip(1).ToList();
        if (shuffled) new Random(3).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        rows = edit?.Invoke(rows) ?? rows;
        File.WriteAllLines(path, [lines[0] + (extraColumn is null ? "" : "," + extraColumn), .. rows]);
        return path;
    }

    private (CallImportSummary Summary, bool Appended) Import(string db, string file, long appendAfterRows)
    {
        using var store = CallStore.Open(db);
        store.AppendAfterRows = appendAfterRows;
        store.RunsPerLength = 1; // the appended calls go in runs of one chunk, then of two (and more, in longer files)
        var summary = store.ImportFile(file);
        return (summary, store.LastImportAppended);
    }

    /// <summary>
    /// Everything an import leaves: every column of every row, the zones, the calls of linked legs (each call's A-leg by
    /// its call id). Not rowids: the appending path writes each run of chunks in time order, the indexed path each chunk,
    /// and a rowid is storage order, which no read shows.
    /// </summary>
    internal static string Contents(string db) => string.Join("\n",
        Sql.Scalar(db, """
            SELECT group_concat(line, char(10)) FROM (SELECT call_time || '|' || call_key || '|' || coalesce(call_direction, '') || '|' ||
                duration_seconds || '|' || billing_seconds || '|' || ringing_seconds || '|' || unanswered || '|' || coalesce(caller_zone_id, '') || '|' ||
                coalesce(callee_zone_id, '') || '|' || coalesce(hangup_cause, '') || '|' || coalesce(caller_id_number, '') || '|' ||
                coalesce(callee_id_number, '') || '|' || coalesce(caller_id_name, '') || '|' || call_id || '|' || zones_given || '|' ||
                coalesce(interaction_key, '') || '|' || coalesce(interaction_id, '') AS line FROM call_records ORDER BY call_time, call_key)
            """),
        Sql.Scalar(db, "SELECT group_concat(zone_id || '|' || country || '|' || region || '|' || source || '|' || used, char(10)) FROM (SELECT * FROM call_zones ORDER BY zone_id)"),
        Sql.Scalar(db, """
            SELECT group_concat(line, char(10)) FROM (SELECT i.interaction_key || '|' || i.call_time || '|' || a_leg_order || '|' ||
                r.call_id || '|' || call_end || '|' || i.billing_seconds || '|' || i.unanswered || '|' || legs AS line
                FROM call_interactions i JOIN call_records r ON r.rowid = i.a_leg ORDER BY i.interaction_key)
            """));

    private static bool HasTimeIndex(string db) =>
        Sql.Scalar(db, "SELECT sql FROM sqlite_master WHERE name = 'call_records_time'") is string sql && sql.Contains("UNIQUE", StringComparison.Ordinal);

    /// <summary>Imports <paramref name="file"/> into a new store by each path; asserts both end the same; returns the appending store.</summary>
    private (string Db, CallImportSummary Summary) ImportBothWays(string file)
    {
        var indexed = _files.PathOf($"indexed-{Guid.NewGuid():N}.db");
        var appended = _files.PathOf($"appended-{Guid.NewGuid():N}.db");
        var byIndex = Import(indexed, file, long.MaxValue);
        var byAppending = Import(appended, file, 1_000);
        Assert.False(byIndex.Appended);
        Assert.True(byAppending.Appended);
        Assert.Equal((byIndex.Summary.Records, byIndex.Summary.Inserted, byIndex.Summary.Duplicates),
                     (byAppending.Summary.Records, byAppending.Summary.Inserted, byAppending.Summary.Duplicates));
        var expected = Contents(indexed);
        Assert.True(expected.Length > Calls * 50, "the indexed store holds the calls");
        Assert.Equal(expected, Contents(appended));
        Assert.True(HasTimeIndex(appended));
        return (appended, byAppending.Summary);
    }

    [Fact]
    public void A_shuffled_file_into_an_empty_store_appends_and_stores_what_the_indexed_path_stores_and_a_reimport_adds_nothing()
    {
        var file = CallFile("shuffled.csv", shuffled: true);
        var (db, summary) = ImportBothWays(file);
        Assert.Equal((long)Calls, summary.Inserted);
        var again = Import(db, file, 1_000);
        Assert.False(again.Appended); // the store holds calls now: the index finds each one
        Assert.Equal((0L, (long)Calls), (again.Summary.Inserted, again.Summary.Duplicates));
        Assert.Equal((long)Calls, Sql.Count(db, "call_records"));
    }

    [Fact]
    public void Runs_of_several_chunks_store_what_the_indexed_path_stores()
    {
        // 11 chunks: appending from the 4th, in runs of one chunk, two, four, then eight (the last, cut short by the end).
        var file = CallFile(_files, "long.csv", shuffled: true, rows => [.. rows, .. rows.Skip(70_000).Take(50)], calls: 90_000);
        var (_, summary) = ImportBothWays(file);
        Assert.Equal((90_050L, 90_000L, 50L), (summary.Records, summary.Inserted, summary.Duplicates));
    }

    /// <summary>The writer connection's page cache, in KiB.</summary>
    private static long CacheKiB(CallStore store)
    {
        using var cache = store.Connection.Prepare("PRAGMA cache_size");
        cache.Read();
        var kib = -cache.GetInt64(0);
        while (cache.Read()) { }
        return kib;
    }

    [Fact]
    public void Every_call_import_gives_the_connection_its_whole_cache_back_committed_failed_or_out_of_order()
    {
        using var store = CallStore.Open(_files.PathOf("cache.db"));
        Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
        store.ImportFile(CallFile("ordered.csv", shuffled: false));
        Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
        // Calls in time order append, with a small cache; calls out of order insert into the index at random, with the whole cache.
        using (var batch = store.BeginImport())
        {
            var calls = new CallRecordGenerator(6, newCallerEachCall: true).Calls(10).ToList();
            foreach (var call in calls.Take(5)) batch.Add(call);
            Assert.Equal(32768, CacheKiB(store));
            foreach (var call in calls.Skip(5).Reverse()) batch.Add(call);
            Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
            batch.Commit();
        }
        Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
        var shuffled = CallFile("shuffled.csv", shuffled: true);
        using (var batch = store.BeginImport()) // the file path, as ImportFile takes it, seen mid-file
        {
            using var file = CallRecordFileReader.Open(shuffled, batch.Zones);
            var chunk = new CallChunk();
            for (var i = 0; i < 3 && file.FillSorted(chunk); i++)
            {
                batch.Add(chunk);
                chunk.Clear();
            }
            // The store held calls: no appending; two chunks spread over the times seen so far insert at random.
            Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
        }
        var bad = CallFile("bad.csv", shuffled: true, rows => [.. rows.Take(15_000), "not,a,call", .. rows.Skip(15_000)]);
        Assert.Throws<InputFormatException>(() => store.ImportFile(bad));
        Assert.Equal(StoreConnection.WriterCacheKiB, CacheKiB(store));
    }

    [Fact]
    public void A_time_ordered_file_or_one_below_the_threshold_goes_through_the_index()
    {
        var ordered = CallFile("ordered.csv", shuffled: false);
        Assert.False(Import(_files.PathOf("ordered.db"), ordered, 1_000).Appended);
        var shuffled = CallFile("shuffled.csv", shuffled: true);
        Assert.False(Import(_files.PathOf("small-threshold.db"), shuffled, Calls).Appended); // the file is done before the threshold
        Assert.True(Import(_files.PathOf("threshold.db"), shuffled, Calls / 4).Appended);
        // Two exports in time order, one after the other over the same days (two nodes' files concatenated): the second
        // goes back in time, but each of its chunks lands on a few index pages, so the calls go through the index.
        var concatenated = CallFile(_files, "concatenated.csv", shuffled: false, rows =>
            [.. rows.Where((_, i) => i % 2 == 0), .. rows.Where((_, i) => i % 2 == 1)], calls: 100_000);
        var (db, summary) = (_files.PathOf("concatenated.db"), Import(_files.PathOf("concatenated.db"), concatenated, 1_000));
        Assert.False(summary.Appended);
        Assert.Equal(100_000L, summary.Summary.Inserted);
        Assert.Equal(Contents(Import2(concatenated)), Contents(db));
    }

    /// <summary><paramref name="file"/> imported into a new store through the index alone; the store's path.</summary>
    private string Import2(string file)
    {
        var db = _files.PathOf($"indexed-{Guid.NewGuid():N}.db");
        Assert.False(Import(db, file, long.MaxValue).Appended);
        return db;
    }

    [Fact]
    public void Duplicates_among_the_appended_calls_are_found_when_the_index_is_built_and_counted_as_the_indexed_path_counts_them()
    {
        // 600 rows again, later in the file (a re-export overlapping the first): the unique index cannot be built over
        // them, so the appended calls are added again one by one. One of them names Swiss numbers the first did not: a
        // duplicate changes nothing, so no call is in Switzerland and its zone is not marked used.
        var file = CallFile("duplicates.csv", shuffled: true, rows =>
        {
            var again = rows.Take(300).Concat(rows.Skip(15_000).Take(300)).ToList();
            var fields = again[^1].Split(',');
            fields[6] = fields[8] = "+41791234567";
            again[^1] = string.Join(',', fields);
            return [.. rows, .. again];
        });
        var (db, summary) = ImportBothWays(file);
        Assert.Equal((Calls + 600L, (long)Calls, 600L), (summary.Records, summary.Inserted, summary.Duplicates));
        Assert.Equal(0L, Sql.Scalar(db, "SELECT count(*) FROM call_zones WHERE used = 1 AND country = 'Switzerland'"));
    }

    [Fact]
    public void Linked_legs_after_the_switch_end_the_appending_and_update_their_calls_as_the_indexed_path_does()
    {
        // Every 50th row from the 30,000th on is a leg of one of 40 calls (Kazoo's interaction_id), after the switch;
        // 100 duplicates come before them, so the appended calls are added again (new rowids) before any leg is linked.
        var file = CallFile("linked.csv", shuffled: true, rows =>
        {
            var linked = rows.Select((row, i) => row + (i >= 30_000 && i % 50 == 0 ? $",interaction-{i / 50 % 40}" : ",")).ToList();
            linked.InsertRange(27_000, linked.Take(100));
            return linked;
        }, extraColumn: "interaction_id");
        var (db, summary) = ImportBothWays(file);
        Assert.Equal(100L, summary.Duplicates);
        Assert.Equal(40L, Sql.Count(db, "call_interactions"));
    }

    [Fact]
    public void A_bad_row_after_the_switch_leaves_the_store_as_it_was_with_its_index()
    {
        var db = _files.PathOf("bad.db");
        var file = CallFile("bad.csv", shuffled: true, rows =>
        {
            rows[39_000] = rows[39_000].Replace(",inbound,", ",sideways,").Replace(",outbound,", ",sideways,");
            return rows;
        });
        using (var store = CallStore.Open(db))
        {
            store.AppendAfterRows = 1_000;
            var error = Assert.Throws<InputFormatException>(() => store.ImportFile(file));
            Assert.True(store.LastImportAppended);
            Assert.Equal(39_002, error.Line);
        }
        Assert.Equal(0L, Sql.Count(db, "call_records"));
        Assert.Equal(0L, Sql.Count(db, "call_imports"));
        Assert.True(HasTimeIndex(db));
        Assert.Equal(Calls, Import(db, CallFile("good.csv", shuffled: true), 1_000).Summary.Inserted);
    }

    [Fact]
    public void Ids_sharing_a_key_among_the_appended_calls_probe_on_as_the_indexed_path_does()
    {
        var db = _files.PathOf("collisions.db");
        static CallChunk Chunk(params (long Time, long Key, string Id)[] calls)
        {
            var chunk = new CallChunk();
            foreach (var (time, key, id) in calls)
            {
                chunk.Next = new CallRow { CallTime = time, Key = key, CallId = chunk.AddText(Encoding.UTF8.GetBytes(id)),
                    CallerIdNumber = TextSlice.Null, CalleeIdNumber = TextSlice.Null, CallerIdName = TextSlice.Null, InteractionId = TextSlice.Null };
                chunk.Commit();
            }
            chunk.Sort();
            return chunk;
        }
        using (var store = CallStore.Open(db))
        {
            store.AppendAfterRows = 1;
            using var batch = store.BeginImport(null);
            batch.Add(Chunk((200, 7, "later")));
            batch.Add(Chunk((100, 42, "first"), (100, 42, "second"), (150, 9, "spread")));
            batch.Add(Chunk((110, 12, "third"), (180, 13, "fourth")));
            Assert.False(batch.AppendedWithoutIndex); // two chunks back in time, spread over it: through the index so far
            batch.Add(Chunk((100, 42, "first"), (160, 5, "fifth"))); // the third in a row: appended from here on
            Assert.True(batch.AppendedWithoutIndex);
            var summary = batch.Commit();
            Assert.Equal((8L, 7L, 1L), (summary.Records, summary.Inserted, summary.Duplicates));
        }
        Assert.Equal("42:first,43:second,12:third,9:spread,5:fifth,13:fourth,7:later", Sql.Scalar(db, "SELECT group_concat(call_key || ':' || call_id, ',') FROM (SELECT * FROM call_records ORDER BY call_time, call_key)"));
        Assert.True(HasTimeIndex(db));
    }
}
