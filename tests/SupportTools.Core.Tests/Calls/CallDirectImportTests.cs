using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>
/// A file's calls into a store that holds none, with no other connection open, are written straight into the database
/// file (a rollback journal, see <c>StoreConnection.BeginImmediateDirect</c>) instead of through the WAL: the store ends
/// exactly as the WAL path leaves it, back in WAL mode, with no journal left; a bad file leaves it empty; a store
/// another connection has open, or one that holds calls, keeps the WAL.
/// </summary>
public sealed class CallDirectImportTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (CallImportSummary Summary, bool Direct) Import(string db, string file)
    {
        using var store = CallStore.Open(db);
        store.AppendAfterRows = 1_000;
        var summary = store.ImportFile(file);
        return (summary, store.LastImportDirect);
    }

    private static void AssertInWalModeWithoutJournal(string db)
    {
        Assert.Equal("wal", Sql.Scalar(db, "PRAGMA journal_mode"));
        Assert.False(File.Exists(db + "-journal"));
    }

    [Fact]
    public void The_first_file_into_a_store_alone_is_written_directly_and_the_store_ends_as_the_WAL_path_leaves_it()
    {
        foreach (var shuffled in new[] { false, true })
        {
            var file = CallAppendImportTests.CallFile(_files, $"calls-{shuffled}.csv", shuffled);
            var direct = _files.PathOf($"direct-{shuffled}.db");
            var first = Import(direct, file);
            Assert.True(first.Direct);
            AssertInWalModeWithoutJournal(direct);

            // Another connection has the store open: leaving the WAL needs sole access, so the import keeps it.
            var throughWal = _files.PathOf($"wal-{shuffled}.db");
            using (CallStore.Open(throughWal)) { }
            using (var reader = Sql.Open(throughWal))
            {
                Assert.Equal(0L, Sql.Scalar(reader, "SELECT count(*) FROM call_records"));
                Assert.False(Import(throughWal, file).Direct);
            }
            Assert.Equal(CallAppendImportTests.Contents(throughWal), CallAppendImportTests.Contents(direct));

            // The store holds calls now: the next file goes through the WAL, and adds nothing.
            var again = Import(direct, file);
            Assert.False(again.Direct);
            Assert.Equal((0L, first.Summary.Inserted), (again.Summary.Inserted, again.Summary.Duplicates));
            AssertInWalModeWithoutJournal(direct);
        }
    }

    [Fact]
    public void A_bad_file_written_directly_leaves_the_store_empty_in_WAL_mode_and_the_next_file_imports()
    {
        var db = _files.PathOf("bad.db");
        var bad = CallAppendImportTests.CallFile(_files, "bad.csv", shuffled: true, rows =>
        {
            rows[19_000] = rows[19_000].Replace(",inbound,", ",sideways,").Replace(",outbound,", ",sideways,");
            return rows;
        });
        using (var store = CallStore.Open(db))
        {
            Assert.Throws<InputFormatException>(() => store.ImportFile(bad));
            Assert.True(store.LastImportDirect);
        }
        Assert.Equal(0L, Sql.Count(db, "call_records"));
        Assert.Equal(0L, Sql.Count(db, "call_imports"));
        AssertInWalModeWithoutJournal(db);
        var good = CallAppendImportTests.CallFile(_files, "good.csv", shuffled: false);
        Assert.True(Import(db, good).Direct);
        Assert.Equal((long)CallAppendImportTests.Calls, Sql.Count(db, "call_records"));
    }

    [Fact]
    public void A_reader_that_comes_during_a_direct_import_reads_the_store_as_it_was_until_the_commit()
    {
        var db = _files.PathOf("reader.db");
        var calls = new CallRecordGenerator(8, newCallerEachCall: true).Calls(500).ToList();
        using var store = CallStore.Open(db);
        using (var batch = new CallImportBatch(store.Connection, "test", CallZoneResolver.For(store.Connection), SupportTools.NullReporter.Instance, bulk: true))
        {
            Assert.True(batch.WritesDirectly);
            foreach (var call in calls) batch.Add(call);
            Assert.Equal("delete", Sql.Scalar(db, "PRAGMA journal_mode"));
            Assert.Equal(0L, Sql.Count(db, "call_records")); // the calls are not committed: the reader sees the store as it was
            batch.Commit();
        }
        Assert.Equal(500L, Sql.Count(db, "call_records"));
        AssertInWalModeWithoutJournal(db);
    }

    [Fact]
    public void A_store_left_with_its_rollback_journal_gets_the_WAL_back_when_a_writer_opens_it()
    {
        var db = _files.PathOf("left.db");
        using (CallStore.Open(db)) { }
        Sql.Execute(db, "PRAGMA journal_mode = DELETE"); // as a direct import killed before its end leaves it
        Assert.Equal("delete", Sql.Scalar(db, "PRAGMA journal_mode"));
        using (CallStore.Open(db)) { }
        AssertInWalModeWithoutJournal(db);
    }
}
