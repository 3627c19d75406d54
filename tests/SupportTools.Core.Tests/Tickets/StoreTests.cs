using SupportTools.Storage;
using SupportTools.Tests.Storage;
using SupportTools.Tickets;

namespace SupportTools.Tests;

/// <summary>Import into SQLite, read back, idempotency, and what a bad file leaves behind (nothing).</summary>
public sealed class StoreTests : IDisposable
{
    private const string Header = """{"metadata":{"start_at":"20-04-2017 10:00:00 +0000","end_at":"21-04-2017 09:59:59 +0000","activities_count":COUNT},"activities_data":[""";
    private readonly TestFiles _files = new();
    private readonly string _db;

    public StoreTests() => _db = _files.PathOf("store.db");

    public void Dispose() => _files.Dispose();

    private static string Export(params string[] activities) =>
        Header.Replace("COUNT", activities.Length.ToString()) + string.Join(",\n", activities) + "]}";

    private static string Row(long ticket, string at, string activity, string performer = "\"performer_type\":\"user\",\"performer_id\":149018") =>
        $$"""{"performed_at":"{{at}}","ticket_id":{{ticket}},{{performer}},"activity":{{activity}}}""";

    private static readonly string[] Sample =
    [
        Row(600, "21-04-2017 09:00:00 +0000", """{"new_ticket":true,"status":"Open","requester":149018}"""),
        Row(600, "21-04-2017 09:33:38 +0530", """{"note":{"id":4025864,"type":4}}""", "\"performer_type\":\"user\",\"performer_id\":7"),
        Row(600, "21-04-2017 09:40:00 +0000", """{"automation":{"type":"Supervisor","rule":"r"},"status":"Resolved","Shipping Address":"1 Main St","added_tags":["a","b"]}""", "\"performer_type\":\"system\""),
        Row(601, "21-04-2017 09:41:00 +0000", """{"status":"Waiting for Customer","custom_unknown_key":{"nested":[1,2,{"x":null}]}}"""),
    ];

    private (long Activities, long Notes, long Properties, long Imports) Counts() =>
        (Sql.Count(_db, "ticket_activities"), Sql.Count(_db, "ticket_notes"), Sql.Count(_db, "ticket_property_changes"), Sql.Count(_db, "ticket_imports"));

    [Fact]
    public void A_file_imports_into_the_relational_model_and_reads_back_unchanged()
    {
        var file = _files.Write("a.json", Export(Sample));
        using var store = TicketStore.Open(_db);
        var summary = store.ImportFile(file);
        Assert.Equal((4L, 2L, 4L, 0L), (summary.Activities, summary.Tickets, summary.Inserted, summary.Duplicates));
        Assert.Equal(file, summary.Path);

        var back = store.GetActivities().ToList();
        Assert.Equal(4, back.Count);
        Assert.Equal(TimeSpan.FromMinutes(330), back[0].PerformedAt.Offset); // 09:33:38 +0530 is 04:03:38 UTC, the earliest
        Assert.Equal("""{"note":{"id":4025864,"type":4}}""", back[0].Activity);
        Assert.Equal(4, back[0].NoteType);
        Assert.Equal(4025864, back[0].NoteId);
        var resolved = back.Single(a => a.Status == "Resolved");
        Assert.True(resolved.IsAutomation);
        Assert.Null(resolved.PerformerId);
        Assert.Equal("system", resolved.PerformerType);
        Assert.Equal("automation,status,Shipping Address,added_tags", resolved.Changes);
        var unknown = back.Single(a => a.TicketId == 601);
        Assert.Equal("Waiting on Customer", unknown.Status);
        Assert.Contains("\"custom_unknown_key\":{\"nested\":[1,2,{\"x\":null}]}", unknown.Activity);
        Assert.Equal(149018, back.Single(a => a.Changes.StartsWith("new_ticket")).RequesterId);

        Assert.Equal(600, Assert.Single(store.GetActivities([600]).Select(a => a.TicketId).Distinct()));
        Assert.Equal("[\"a\",\"b\"]", Sql.Scalar(_db, "SELECT value FROM ticket_property_changes WHERE name = 'added_tags'"));
    }

    [Fact]
    public void Importing_the_same_file_twice_adds_nothing_and_repeats_in_a_file_are_counted()
    {
        var file = _files.Write("dup.json", Export([.. Sample, Sample[1]]));
        using var store = TicketStore.Open(_db);
        var first = store.ImportFile(file);
        Assert.Equal((5L, 4L, 1L), (first.Activities, first.Inserted, first.Duplicates));
        var again = store.ImportFile(file);
        Assert.Equal((5L, 0L, 5L), (again.Activities, again.Inserted, again.Duplicates));
        Assert.Equal(4, Counts().Activities);
        Assert.Equal(2, Counts().Imports);
    }

    [Fact]
    public void Piped_activities_commit_as_one_batch_and_roll_back_when_not_committed()
    {
        var activities = new[]
        {
            TicketActivityJson.Create(1, new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero), "user", 5, """{"status":"Open"}"""),
            TicketActivityJson.Create(1, new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), "user", 6, """{"note":{"id":1,"type":0}}"""),
        };
        using (var store = TicketStore.Open(_db))
        using (var batch = store.BeginImport(null))
        {
            foreach (var a in activities) batch.Add(a);
        } // disposed without Commit
        Assert.Equal(0, Counts().Activities);
        using (var store = TicketStore.Open(_db))
        using (var batch = store.BeginImport(null))
        {
            foreach (var a in activities) batch.Add(a);
            var summary = batch.Commit();
            Assert.Null(summary.Path);
            Assert.Equal(2, summary.Inserted);
        }
        using var reopened = TicketStore.Open(_db);
        Assert.All(reopened.GetActivities().Zip(activities), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    [Fact]
    public void Ties_at_one_second_keep_arrival_order_across_imports_and_for_readers()
    {
        // Eight activities of one ticket at the same second, over two imports: the store's key orders them by content
        // key, which is unrelated to arrival, so only the arrival order put back on reading gives this sequence.
        string[] statuses = ["Open", "Pending", "Resolved", "Closed", "Open", "Waiting on Customer", "Pending", "Resolved"];
        string At(int i) => Row(7, "01-01-2024 10:00:00 +0000", $$"""{"status":"{{statuses[i]}}","n":{{i}}}""");
        using (var store = TicketStore.Open(_db))
        {
            store.ImportFile(_files.Write("first.json", Export([.. Enumerable.Range(0, 4).Select(At)])));
            store.ImportFile(_files.Write("second.json", Export([.. Enumerable.Range(4, 4).Select(At)])));
        }
        using var reader = TicketStore.OpenReadOnly(_db);
        Assert.Equal(statuses, reader.GetEvents().Select(e => e.Status!));
        Assert.Equal(statuses, reader.GetActivities([7]).Select(a => a.Status!));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"{i}"), reader.GetActivities().Select(a => a.Activity[(a.Activity.LastIndexOf(':') + 1)..^1]));
    }

    [Fact]
    public void Events_come_in_ticket_then_time_order_with_ties_in_input_order()
    {
        var file = _files.Write("ties.json", Export(
            Row(2, "01-01-2024 10:00:00 +0000", """{"status":"Open"}"""),
            Row(1, "01-01-2024 10:05:00 +0000", """{"status":"Pending"}"""),
            Row(1, "01-01-2024 10:05:00 +0000", """{"status":"Open"}"""),
            Row(1, "01-01-2024 10:00:00 +0000", """{"status":"Open","requester":3}""")));
        using var store = TicketStore.Open(_db);
        store.ImportFile(file);
        var events = store.GetEvents().ToList();
        Assert.Equal([1L, 1, 1, 2], events.Select(e => e.TicketId));
        Assert.Equal(["Open", "Pending", "Open", "Open"], events.Select(e => e.Status!));
        Assert.Equal(3, events[0].RequesterId);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 5, 0, TimeSpan.Zero), store.LatestPerformedAt());
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), store.LatestPerformedAt([2]));
        Assert.Null(store.LatestPerformedAt([99]));
        Assert.Equal([2L], store.GetEvents([2]).Select(e => e.TicketId));
        Assert.Equal(4, store.GetEvents([1, 2]).Count());
        Assert.Empty(store.GetEvents([]));
    }

    public static TheoryData<string, string, long?, string?> BadFiles => new()
    {
        // name, content, expected line, expected field
        { "truncated", Export(Sample)[..300], null, null },
        { "wrong date", Export(Sample[0], Row(600, "2017-04-21 09:33:38 +0000", "{\"status\":\"Open\"}")), 2, "performed_at" },
        { "missing ticket_id", Export(Sample[0], """{"performed_at":"21-04-2017 09:33:38 +0000","performer_type":"user","activity":{}}"""), 2, "ticket_id" },
        { "non-numeric ticket_id", Export(Sample[0], Sample[1].Replace("\"ticket_id\":600", "\"ticket_id\":\"six hundred\"")), 2, "ticket_id" },
        { "non-numeric performer_id", Export(Sample[0], Sample[1].Replace("\"performer_id\":7", "\"performer_id\":\"x\"")), 2, "performer_id" },
        { "bad note type", Export(Sample[0], Row(600, "21-04-2017 09:33:38 +0000", "{\"note\":{\"id\":1,\"type\":\"public\"}}")), 2, "activity.note.type" },
        { "not JSON", "ticket_id,performed_at\n600,21-04-2017\n", 1, null },
        { "count disagrees", Export(Sample).Replace("\"activities_count\":4", "\"activities_count\":5"), null, "metadata.activities_count" },
        { "trailing garbage", Export(Sample) + "\n{}", 5, null },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_names_its_position_and_leaves_the_store_unchanged(string name, string content, long? line, string? field)
    {
        using (var store = TicketStore.Open(_db)) store.ImportFile(_files.Write("good.json", Export(Sample)));
        var before = Counts();
        var bad = _files.Write(name + ".json", content);
        using (var store = TicketStore.Open(_db))
        {
            var error = Assert.Throws<InputFormatException>(() => store.ImportFile(bad));
            Assert.Equal(bad, error.Path);
            Assert.StartsWith(bad, error.Message);
            Assert.NotNull(error.Line ?? (field is not null ? 0 : null));
            if (line is not null) Assert.Equal(line, error.Line);
            if (field is not null) Assert.Equal(field, error.Field);
        }
        Assert.Equal(before, Counts());
    }

    [Fact]
    public void Positions_stay_right_across_buffer_refills()
    {
        // ~5,000 rows is several 64 KiB buffers: the error's line must still be the file's line.
        var rows = Enumerable.Range(1, 5000).Select(i => Row(i, "21-04-2017 09:00:00 +0000", $"{{\"note\":{{\"id\":{i},\"type\":0}}}}")).ToArray();
        rows[3999] = rows[3999].Replace("21-04-2017", "21/04/2017");
        var file = _files.Write("big.json", Export(rows));
        using var store = TicketStore.Open(_db);
        var error = Assert.Throws<InputFormatException>(() => store.ImportFile(file));
        Assert.Equal(4000, error.Line);
        Assert.Equal(4000, error.Record);
        Assert.Equal("performed_at", error.Field);
        Assert.Equal(17, error.BytePosition); // {"performed_at": is 16 bytes; the value starts at byte 17
        Assert.Contains("21/04/2017", error.Reason);
        Assert.Equal(0, Counts().Activities);
        var truncated = _files.Write("big-truncated.json", File.ReadAllText(file)[..200_000]);
        var cut = Assert.Throws<InputFormatException>(() => store.ImportFile(truncated));
        Assert.Contains("truncated", cut.Reason);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var error = Assert.Throws<InputFormatException>(() =>
        {
            using var store = TicketStore.Open(_db);
            store.ImportFile(_files.Write("empty.json", ""));
        });
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void Metadata_may_follow_the_data_and_the_file_may_be_pretty_printed()
    {
        var pretty = "{\n  \"activities_data\": [\n    " + string.Join(",\n    ", Sample.Select(s => s.Replace(",\"", ",\n      \""))) +
                     "\n  ],\n  \"metadata\": {\"start_at\": \"20-04-2017 10:00:00 +0000\", \"end_at\": \"21-04-2017 09:59:59 +0000\", \"activities_count\": 4}\n}\n";
        using var store = TicketStore.Open(_db);
        Assert.Equal(4, store.ImportFile(_files.Write("pretty.json", pretty)).Inserted);
        // Same activities as the compact file: its import adds nothing.
        Assert.Equal(0, store.ImportFile(_files.Write("compact.json", Export(Sample))).Inserted);
    }

    [Fact]
    public void A_bad_file_fails_alone_and_the_next_file_on_the_same_store_imports()
    {
        var bad = _files.Write("bad.json", Export(Sample[0], Row(600, "2017-04-21 09:33:38 +0000", "{\"status\":\"Open\"}")));
        var good = _files.Write("good.json", Export(Sample));
        using var store = TicketStore.Open(_db);
        Assert.Throws<InputFormatException>(() => store.ImportFile(bad));
        Assert.Equal(4, store.ImportFile(good).Inserted);
        Assert.Equal((4L, 1L), (Counts().Activities, Counts().Imports));
    }

    [Fact]
    public void A_full_disk_fails_only_that_file_and_the_next_file_imports_once_there_is_room()
    {
        var rows = Enumerable.Range(1, 3000).Select(i => Row(i, "21-04-2017 09:00:00 +0000", $"{{\"note\":{{\"id\":{i},\"type\":0}},\"x\":\"{new string('x', 200)}\"}}")).ToArray();
        var big = _files.Write("big.json", Export(rows));
        using var store = TicketStore.Open(_db);
        long pages;
        using (var count = store.Connection.Prepare("PRAGMA page_count"))
        {
            count.Read();
            pages = count.GetInt64(0);
            count.Read();
        }
        store.Connection.Execute($"PRAGMA max_page_count = {pages + 5}"); // SQLITE_FULL long before 3,000 wide rows fit
        var error = Assert.Throws<StoreException>(() => store.ImportFile(big));
        Assert.Equal(StoreFailure.DiskFull, error.Failure);
        Assert.False(error.IsStoreUnusable);
        Assert.Equal(store.DatabasePath, error.DatabasePath);

        store.Connection.Execute("PRAGMA max_page_count = 1073741823");
        Assert.Equal(4, store.ImportFile(_files.Write("good.json", Export(Sample))).Inserted);
        Assert.Equal(3000, store.ImportFile(big).Inserted);
        Assert.Equal(3004, Counts().Activities);
    }

    [Fact]
    public void A_new_ticket_for_a_ticket_already_stored_is_warned_about_once_per_file()
    {
        using var store = TicketStore.Open(_db);
        var reporter = new RecordingReporter();
        var first = _files.Write("first.json", Export(Sample));
        store.ImportFile(first, reporter);
        Assert.Empty(reporter.Warnings);
        store.ImportFile(first, reporter); // the same activities again: repeats, not new tickets
        Assert.Empty(reporter.Warnings);

        // Another generator run reusing ids 600 and 601: their new_ticket activities differ from the stored ones.
        var reused = _files.Write("reused.json", Export(
            Row(601, "22-04-2017 09:00:00 +0000", """{"new_ticket":true,"status":"Open","requester":5}"""),
            Row(601, "22-04-2017 09:05:00 +0000", """{"new_ticket":true,"status":"Open","requester":5,"again":1}"""),
            Row(600, "22-04-2017 10:00:00 +0000", """{"new_ticket":true,"status":"Open","requester":6}"""),
            Row(700, "22-04-2017 11:00:00 +0000", """{"new_ticket":true,"status":"Open","requester":7}""")));
        store.ImportFile(reused, reporter);
        var warning = Assert.Single(reporter.Warnings);
        Assert.StartsWith($"2 tickets in '{reused}' start with new_ticket but already exist in the store (first: id 601)", warning);
    }

    [Fact]
    public void Database_location_prefers_the_parameter_then_the_environment()
    {
        var saved = Environment.GetEnvironmentVariable(DatabaseLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatabaseLocation.EnvironmentVariable, "/tmp/from-env.db");
            Assert.Equal("given.db", DatabaseLocation.Resolve("given.db"));
            Assert.Equal("/tmp/from-env.db", DatabaseLocation.Resolve(null));
            Environment.SetEnvironmentVariable(DatabaseLocation.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine("SupportTools", "support.db"), DatabaseLocation.Resolve(null));
            // A blank -Database is a mistake, not a request for the default store.
            Assert.Throws<InvalidRequestException>(() => DatabaseLocation.Resolve(" "));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatabaseLocation.EnvironmentVariable, saved);
        }
    }
}
