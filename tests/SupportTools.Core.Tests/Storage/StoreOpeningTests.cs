using Microsoft.Data.Sqlite;
using SupportTools.Storage;
using SupportTools.Tickets;

namespace SupportTools.Tests.Storage;

/// <summary>Creating, recognising, migrating and refusing databases; readers that change nothing.</summary>
public sealed class StoreOpeningTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[] TicketObjects =
        ["ticket_activities", "ticket_activity_bodies", "ticket_events", "ticket_imports", "ticket_notes", "ticket_property_changes",
         "ticket_status_changes", "ticket_tickets"];

    [Fact]
    public void A_writer_creates_the_folder_and_a_store_marked_as_ours_with_its_steps_recorded()
    {
        var db = _files.PathOf(Path.Combine("new", "folder", "store.db"));
        using (TicketStore.Open(db)) { }
        Assert.Equal([db], Directory.GetFiles(Path.GetDirectoryName(db)!)); // no temporary or WAL file left behind
        Assert.Equal(["supporttools_migrations", .. TicketObjects], Sql.Objects(db));
        Assert.Equal((long)StoreConnection.ApplicationId, Sql.Scalar(db, "PRAGMA application_id"));
        Assert.Equal((long)StoreConnection.Format, Sql.Scalar(db, "PRAGMA user_version"));
        Assert.Equal("wal", Sql.Scalar(db, "PRAGMA journal_mode"));
        Assert.Equal(65536L, Sql.Scalar(db, "PRAGMA page_size")); // bulk imports write each page twice: fewer, larger writes
        Assert.Equal("ticket:1:ticket activity,ticket:2:event priority and group", Sql.Scalar(db, "SELECT group_concat(capability || ':' || version || ':' || name) FROM supporttools_migrations"));
    }

    [Fact]
    public void Reopening_runs_no_step_twice()
    {
        var db = _files.PathOf("store.db");
        using (TicketStore.Open(db)) { }
        using (TicketStore.Open(db)) { }
        using (TicketStore.OpenReadOnly(db)) { }
        Assert.Equal(TicketSchema.Capability.Migrations.Count, Sql.Count(db, "supporttools_migrations"));
    }

    [Fact]
    public void A_capability_added_later_runs_all_its_steps_and_one_that_grows_runs_only_the_new_ones()
    {
        var db = _files.PathOf("store.db");
        using (TicketStore.Open(db)) { }
        var first = new StoreCapability("alpha", [new Migration(1, "one", "CREATE TABLE alpha_one (x);")]);
        using (StoreConnection.OpenWriter(db, first)) { }
        Assert.Contains("alpha_one", Sql.Objects(db));
        var grown = first with { Migrations = [.. first.Migrations, new Migration(2, "two", "CREATE TABLE alpha_two (x);")] };
        using (var connection = StoreConnection.OpenWriter(db, grown)) Assert.Equal(2, connection.Version);
        Assert.Equal("alpha:1,alpha:2,ticket:1,ticket:2",
            Sql.Scalar(db, "SELECT group_concat(capability || ':' || version) FROM (SELECT * FROM supporttools_migrations ORDER BY capability, version)"));
        using (TicketStore.Open(db)) { } // the ticket steps are not confused by alpha's
        Assert.Equal(4, Sql.Count(db, "supporttools_migrations"));
    }

    [Fact]
    public void A_first_release_database_is_upgraded_in_place_with_its_data_under_the_new_names()
    {
        var db = FirstReleaseDatabase.Create(_files.PathOf("old.db"));
        using (var store = TicketStore.Open(db))
        {
            var activities = store.GetActivities().ToList();
            Assert.Equal(2, activities.Count);
            Assert.Equal(4025864, activities[1].NoteId);
            Assert.Equal(149018, activities[0].RequesterId);
        }
        Assert.Equal(["supporttools_migrations", .. TicketObjects], Sql.Objects(db));
        Assert.Equal(2, Sql.Count(db, "ticket_activities"));
        Assert.Equal(2, Sql.Count(db, "ticket_property_changes"));
        Assert.Equal(1, Sql.Count(db, "ticket_status_changes"));
        Assert.Equal("/data/a.json", Sql.Scalar(db, "SELECT source FROM ticket_imports"));
        Assert.Equal((long)StoreConnection.ApplicationId, Sql.Scalar(db, "PRAGMA application_id"));
        Assert.Equal("new_ticket:true,requester:149018", Sql.Scalar(db, "SELECT group_concat(name || ':' || value) FROM ticket_property_changes"));
        Assert.Equal(4025864L, Sql.Scalar(db, "SELECT note_id FROM ticket_notes"));
        Assert.Equal(1492767218L, Sql.Scalar(db, "SELECT latest_at FROM ticket_imports"));
        // Still idempotent against the old rows: their content keys were recomputed as this version computes them.
        using (var store = TicketStore.Open(db))
        using (var batch = store.BeginImport(null))
        {
            batch.Add(TicketActivityJson.Create(600, DateTimeOffset.FromUnixTimeSeconds(1492767218).ToOffset(TimeSpan.FromMinutes(330)), "user", 7,
                """{"note":{"id":4025864,"type":4}}"""));
            Assert.Equal(0, batch.Commit().Inserted);
        }
    }

    [Fact]
    public void A_reader_reads_a_first_release_database_without_changing_it()
    {
        var db = FirstReleaseDatabase.Create(_files.PathOf("old.db"));
        var before = File.ReadAllBytes(db);
        using (var store = TicketStore.OpenReadOnly(db))
        {
            Assert.Equal(2, store.GetEvents().Count());
            Assert.Equal(2, store.GetActivities([600]).Count());
        }
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Contains("schema_version", Sql.Objects(db));
    }

    [Fact]
    public void A_reader_changes_nothing_and_leaves_no_files_behind()
    {
        var db = _files.PathOf("store.db");
        using (var store = TicketStore.Open(db))
        using (var batch = store.BeginImport(null))
        {
            batch.Add(TicketActivityJson.Create(1, new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero), "user", 5, """{"status":"Open"}"""));
            batch.Commit();
        }
        var before = File.ReadAllBytes(db);
        var files = Directory.GetFiles(_files.Directory).Order().ToList();
        using (var reader = TicketStore.OpenReadOnly(db))
        {
            Assert.Single(reader.GetEvents());
            Assert.NotNull(reader.LatestPerformedAt());
            var error = Assert.Throws<StoreException>(() => reader.BeginImport(null));
            Assert.Equal(StoreFailure.ReadOnly, error.Failure);
        }
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(files, Directory.GetFiles(_files.Directory).Order());
    }

    [Fact]
    public void A_reader_never_creates_a_database()
    {
        var db = _files.PathOf(Path.Combine("none", "missing.db"));
        var error = Assert.Throws<StoreException>(() => TicketStore.OpenReadOnly(db));
        Assert.Equal(StoreFailure.NotFound, error.Failure);
        Assert.Equal(db, error.DatabasePath);
        Assert.Contains(db, error.Message);
        Assert.True(error.IsStoreUnusable);
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public void A_reader_of_a_store_without_ticket_data_says_there_is_none()
    {
        var db = _files.PathOf("store.db");
        using (StoreConnection.OpenWriter(db, new StoreCapability("alpha", [new Migration(1, "one", "CREATE TABLE alpha_one (x);")]))) { }
        Assert.Equal(StoreFailure.NotFound, Assert.Throws<StoreException>(() => TicketStore.OpenReadOnly(db)).Failure);
    }

    public static TheoryData<string> NotStores => ["foreign sqlite", "foreign wal sqlite", "json", "empty", "text", "folder", "short"];

    private string MakeNotStore(string kind)
    {
        var path = _files.PathOf("not-a-store");
        switch (kind)
        {
            case "foreign sqlite":
                Sql.Execute(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');", SqliteOpenMode.ReadWriteCreate);
                break;
            case "foreign wal sqlite": // even another tool's copy of our first-release tables, without schema_version
                Sql.Execute(path, "PRAGMA journal_mode = WAL; CREATE TABLE activities (x); CREATE TABLE tickets (x); CREATE TABLE imports (x); CREATE TABLE notes (x); CREATE TABLE property_changes (x);", SqliteOpenMode.ReadWriteCreate);
                break;
            case "json": File.WriteAllText(path, """{"metadata":{},"activities_data":[]}"""); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "text": File.WriteAllText(path, new string('x', 4096)); break;
            case "short": File.WriteAllText(path, "SQLite format 3\0"); break;
            case "folder": Directory.CreateDirectory(path); break;
        }
        return path;
    }

    [Theory]
    [MemberData(nameof(NotStores))]
    public void A_file_that_is_not_a_store_is_refused_by_writers_and_readers_and_left_unchanged(string kind)
    {
        var path = MakeNotStore(kind);
        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        var siblings = Directory.GetFileSystemEntries(_files.Directory).Order().ToList();
        foreach (var open in new Func<string, TicketStore>[] { p => TicketStore.Open(p), p => TicketStore.OpenReadOnly(p) })
        {
            var error = Assert.Throws<StoreException>(() => open(path).Dispose());
            Assert.Equal(StoreFailure.NotAStore, error.Failure);
            Assert.Contains($"'{path}'", error.Message);
            Assert.True(error.IsStoreUnusable);
        }
        if (before is not null) Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(siblings, Directory.GetFileSystemEntries(_files.Directory).Order());
    }

    [Theory]
    [InlineData("UPDATE supporttools_migrations SET version = version + 98")]
    [InlineData("PRAGMA user_version = 2")]
    public void A_store_from_a_newer_module_is_refused(string change)
    {
        var db = _files.PathOf("store.db");
        using (TicketStore.Open(db)) { }
        Sql.Execute(db, change);
        foreach (var open in new Func<string, TicketStore>[] { p => TicketStore.Open(p), p => TicketStore.OpenReadOnly(p) })
        {
            var error = Assert.Throws<StoreException>(() => open(db).Dispose());
            Assert.Equal(StoreFailure.NewerVersion, error.Failure);
            Assert.Contains("newer version", error.Message);
        }
    }

    [Fact]
    public void A_damaged_store_is_reported_as_corrupt_when_read()
    {
        var db = _files.PathOf("store.db");
        using (var store = TicketStore.Open(db))
        using (var batch = store.BeginImport(null))
        {
            for (var i = 0; i < 2000; i++)
                batch.Add(TicketActivityJson.Create(i, new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero), "user", 5, """{"status":"Open","note":{"id":1,"type":0}}"""));
            batch.Commit();
        }
        // Keep the header and the schema page, scribble over the rest.
        var bytes = File.ReadAllBytes(db);
        for (var i = 4096; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
        File.WriteAllBytes(db, bytes);
        var error = Assert.Throws<StoreException>(() =>
        {
            using var reader = TicketStore.OpenReadOnly(db);
            reader.GetActivities().ToList();
        });
        Assert.Equal(StoreFailure.Corrupt, error.Failure);
        Assert.True(error.IsStoreUnusable);
    }

    [Fact]
    public async Task Two_first_imports_creating_one_database_at_once_both_succeed()
    {
        var db = _files.PathOf(Path.Combine("fresh", "store.db"));
        const int writers = 4;
        using var start = new Barrier(writers);
        var results = Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            using var store = TicketStore.Open(db);
            using var batch = store.BeginImport($"writer {w}");
            batch.Add(TicketActivityJson.Create(w, new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero), "user", 5, """{"status":"Open"}"""));
            return batch.Commit().Inserted;
        }, TaskCreationOptions.LongRunning)).ToArray();
        Assert.All(await Task.WhenAll(results), inserted => Assert.Equal(1, inserted));
        Assert.Equal(writers, Sql.Count(db, "ticket_activities"));
        Assert.Equal(TicketSchema.Capability.LatestVersion, Sql.Count(db, "supporttools_migrations"));
    }
}
