using SupportTools.Storage;
using SupportTools.Tests.Storage;
using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>
/// The priority and group each event sets, stored with its facts (step 2 of the ticket tables): what the import writes,
/// what the step fills in for stores written before it, what read-only opens of such stores still read, and that a
/// repeated import adds nothing. Rows follow Freshdesk's ticket-activity export (performed_at, ticket_id, performer,
/// activity object; see StoreTests); priorities are written by name in exports and as 1 Low … 4 Urgent by its API
/// (developers.freshdesk.com/api/#update_ticket), groups by name.
/// </summary>
public sealed class EventPropertiesTests : IDisposable
{
    private const string Header = """{"metadata":{"start_at":"20-04-2017 10:00:00 +0000","end_at":"21-04-2017 09:59:59 +0000","activities_count":COUNT},"activities_data":[""";
    private readonly TestFiles _files = new();
    private readonly string _db;

    public EventPropertiesTests() => _db = _files.PathOf("store.db");

    public void Dispose() => _files.Dispose();

    private static string Export(params string[] activities) =>
        Header.Replace("COUNT", activities.Length.ToString()) + string.Join(",\n", activities) + "]}";

    private static string Row(long ticket, string at, string activity) =>
        $$"""{"performed_at":"21-04-2017 {{at}} +0000","ticket_id":{{ticket}},"performer_type":"user","performer_id":7,"activity":{{activity}}}""";

    /// <summary>Ticket 600 is created Low in Billing, then raised to Urgent and moved; 601 never has either.</summary>
    private static readonly string[] Desk =
    [
        Row(600, "09:00:00", """{"new_ticket":true,"status":"Open","priority":"Low","group":"Billing","requester":149018}"""),
        Row(601, "09:05:00", """{"new_ticket":true,"status":"Open","requester":149019}"""),
        Row(600, "09:10:00", """{"note":{"id":4025864,"type":4}}"""),
        Row(600, "09:20:00", """{"priority":"urgent"}"""),
        Row(600, "09:30:00", """{"group":"Technical Support","status":"Pending"}"""),
        Row(601, "09:40:00", """{"status":"Resolved","tags":["priority","group"]}"""),
    ];

    /// <summary>Each event's (ticket, time, priority, group) as stored, in the table's order.</summary>
    private List<(long Ticket, string At, string? Priority, string? Group)> StoredColumns()
    {
        using var connection = Sql.Open(_db, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket_id, time(performed_at, 'unixepoch'), priority, group_name FROM ticket_events ORDER BY ticket_id, performed_at";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string?, string?)>();
        while (reader.Read())
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }

    private static readonly (long, string, string?, string?)[] DeskColumns =
    [
        (600, "09:00:00", "Low", "Billing"), (600, "09:10:00", null, null), (600, "09:20:00", "Urgent", null),
        (600, "09:30:00", null, "Technical Support"), (601, "09:05:00", null, null), (601, "09:40:00", null, null),
    ];

    private static List<(long, string?, string?)> Durations(TicketStore store) =>
        [.. TicketService.GetDurations(store, new TicketReportRequest()).Select(d => (d.TicketId, d.Priority, d.Group))];

    /// <summary>Turns the store back into what step 1 left: no columns, no step 2 recorded (data as imported).</summary>
    private void BackToStepOne()
    {
        Sql.Execute(_db, """
            ALTER TABLE ticket_events DROP COLUMN priority;
            ALTER TABLE ticket_events DROP COLUMN group_name;
            DELETE FROM supporttools_migrations WHERE capability = 'ticket' AND version = 2;
            """);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.DoesNotContain("priority", ColumnsOfEvents());
    }

    private string ColumnsOfEvents() => (string)Sql.Scalar(_db, "SELECT group_concat(name) FROM pragma_table_info('ticket_events')")!;

    [Fact]
    public void An_import_stores_what_each_activity_sets_and_the_durations_show_the_latest()
    {
        using var store = TicketStore.Open(_db);
        store.ImportFile(_files.Write("a.json", Export(Desk)));
        Assert.Equal(DeskColumns, StoredColumns());
        Assert.Equal([(600L, "Urgent", "Technical Support"), (601L, null, null)], Durations(store));
        var events = store.GetEventsWithProperties([600]).ToList();
        Assert.Equal(["Low", null, "Urgent", null], events.Select(e => e.Priority));
        Assert.Equal(["Billing", null, null, "Technical Support"], events.Select(e => e.Group));
    }

    [Fact]
    public void Piped_activities_store_the_same_columns_as_the_file()
    {
        using (var store = TicketStore.Open(_db))
        {
            var file = _files.Write("a.json", Export(Desk));
            var activities = new List<TicketActivity>();
            using (var reader = new TicketActivityFileReader(file))
                while (reader.Read()) activities.Add(reader.ToActivity());
            using var batch = store.BeginImport(null);
            foreach (var activity in activities) batch.Add(activity);
            batch.Commit();
        }
        Assert.Equal(DeskColumns, StoredColumns());
    }

    [Fact]
    public void A_second_import_of_the_same_file_adds_nothing()
    {
        var file = _files.Write("a.json", Export(Desk));
        using var store = TicketStore.Open(_db);
        store.ImportFile(file);
        var again = store.ImportFile(file);
        Assert.Equal((6L, 0L, 6L), (again.Activities, again.Inserted, again.Duplicates));
        Assert.Equal(DeskColumns, StoredColumns());
    }

    [Fact]
    public void A_step_one_store_reads_through_the_json_until_a_writer_fills_the_columns_in_one_step()
    {
        var file = _files.Write("a.json", Export(Desk));
        using (var store = TicketStore.Open(_db)) store.ImportFile(file);
        BackToStepOne();

        // A read-only open changes nothing, and reads priority and group from the activities' JSON.
        var before = File.ReadAllBytes(_db);
        using (var reader = TicketStore.OpenReadOnly(_db))
        {
            Assert.Equal(1, reader.Connection.Version);
            Assert.Equal([(600L, "Urgent", "Technical Support"), (601L, null, null)], Durations(reader));
            Assert.Equal(["Low", null, "Urgent", null], reader.GetEventsWithProperties([600]).Select(e => e.Priority));
        }
        Assert.Equal(before, File.ReadAllBytes(_db));
        Assert.DoesNotContain("priority", ColumnsOfEvents());

        // A writer takes the store to step 2: the columns exist and hold what an import would have written.
        using (var store = TicketStore.Open(_db))
        {
            Assert.Equal(2, store.Connection.Version);
            Assert.Equal(DeskColumns, StoredColumns());
            Assert.Equal(0, store.ImportFile(file).Inserted); // keys unchanged: still idempotent
            Assert.Equal([(600L, "Urgent", "Technical Support"), (601L, null, null)], Durations(store));
        }
        Assert.Equal("1,2", Sql.Scalar(_db, "SELECT group_concat(version) FROM (SELECT version FROM supporttools_migrations WHERE capability = 'ticket' ORDER BY version)"));
        Assert.Equal(DeskColumns, StoredColumns());
    }

    /// <summary>Odd values: the step's SQL must store what the importer stores, and both paths must read the same.</summary>
    [Fact]
    public void The_step_fills_in_odd_values_as_the_importer_stores_them()
    {
        string[] odd =
        [
            Row(1, "09:00:00", """{"priority":3,"group":42}"""),
            Row(2, "09:00:00", """{"priority":" medium ","group":""}"""),
            Row(3, "09:00:00", """{"priority":"","group":null}"""),
            Row(4, "09:00:00", """{"priority":true,"group":{"id":5}}"""),
            Row(5, "09:00:00", """{"priority":"P1","group":"Caf\u00e9 \"Desk\""}"""),
            Row(6, "09:00:00", """{"priority":7,"group":"  spaced  "}"""),
            Row(7, "09:00:00", """{"priority":"04","group":2.5}"""),
            Row(8, "09:00:00", """{"priority":"Urgent"}"""),
        ];
        var file = _files.Write("odd.json", Export(odd));
        List<(long, string?, string?)> imported, importedRead;
        using (var store = TicketStore.Open(_db))
        {
            store.ImportFile(file);
            imported = [.. StoredColumns().Select(r => (r.Ticket, r.Priority, r.Group))];
            importedRead = [.. store.GetEventsWithProperties().Select(e => (e.TicketId, e.Priority, e.Group))];
        }
        Assert.Equal([(1L, "High", "42"), (2L, "Medium", null), (3L, null, null), (4L, null, null), (5L, "P1", "Café \"Desk\""),
            (6L, "7", "  spaced  "), (7L, "Urgent", "2.5"), (8L, "Urgent", null)], importedRead);
        Assert.Equal("Urgent", imported[6].Item2); // stored normalized, not as written ("04")

        BackToStepOne();
        using (var reader = TicketStore.OpenReadOnly(_db))
            Assert.Equal(importedRead, reader.GetEventsWithProperties().Select(e => (e.TicketId, e.Priority, e.Group)));
        using (var store = TicketStore.Open(_db))
        {
            Assert.Equal(imported, StoredColumns().Select(r => (r.Ticket, r.Priority, r.Group)));
            Assert.Equal(importedRead, store.GetEventsWithProperties().Select(e => (e.TicketId, e.Priority, e.Group)));
        }
    }

    [Fact]
    public void A_first_release_store_gets_the_columns_when_adopted()
    {
        FirstReleaseDatabase.Create(_db);
        Sql.Execute(_db, """
            INSERT INTO activities VALUES (3, 1, 600, 1492768000, 0, 'user', 7, NULL, NULL, NULL, 0, 'priority,group',
                '{"priority":"High","group":"Billing"}', 33);
            """);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var reader = TicketStore.OpenReadOnly(_db))
            Assert.Equal([(600L, "High", "Billing")], Durations(reader));
        using (var store = TicketStore.Open(_db))
        {
            Assert.Equal(2, store.Connection.Version);
            Assert.Equal([(600L, "High", "Billing")], Durations(store));
        }
        Assert.Equal([(600L, "09:00:00", null, null), (600L, "09:33:38", null, null), (600L, "09:46:40", "High", "Billing")], StoredColumns());
    }
}
