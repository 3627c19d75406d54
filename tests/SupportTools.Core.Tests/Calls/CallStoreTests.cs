using SupportTools.Calls;
using SupportTools.Storage;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>The call store: what a batch writes, idempotency on call_id, rollback, and readers that never create.</summary>
public sealed class CallStoreTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _db;

    public CallStoreTests() => _db = _files.PathOf("calls.db");

    public void Dispose() => _files.Dispose();

    internal static CallRecord Call(string id, string time, long billing = 30, string? cause = "NORMAL_CLEARING", bool unanswered = false,
        string? caller = "+6434181234", string? callee = "+61391234567", long? callerZone = null) =>
        new(id, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), "inbound", billing + 5, billing, 5, caller, "Jo Bloggs",
            callee, cause, unanswered, callerZone, null);

    private CallImportSummary Import(params CallRecord[] calls)
    {
        using var store = CallStore.Open(_db);
        using var batch = store.BeginImport("test");
        foreach (var call in calls) batch.Add(call);
        return batch.Commit();
    }

    [Fact]
    public void A_batch_writes_one_row_per_call_with_the_cdr_columns()
    {
        var summary = Import(Call("a", "2016-03-04T08:00:05Z", callerZone: 7), Call("b", "2016-03-04T09:00:00+13:00", billing: 0, cause: "NO_ANSWER", unanswered: true));
        Assert.Equal((2L, 2L, 0L), (summary.Records, summary.Inserted, summary.Duplicates));
        Assert.Equal(Path.GetFullPath(_db), summary.Database);
        Assert.Equal(1457078405L, Sql.Scalar(_db, "SELECT call_time FROM call_records WHERE call_id = 'a'"));
        Assert.Equal(1457035200L, Sql.Scalar(_db, "SELECT call_time FROM call_records WHERE call_id = 'b'")); // 09:00 +13:00 is 20:00 UTC the day before
        Assert.Equal("b|inbound|5|0|5|1|NO_ANSWER|+6434181234|+61391234567|Jo Bloggs|0", Sql.Scalar(_db, """
            SELECT call_id || '|' || call_direction || '|' || duration_seconds || '|' || billing_seconds || '|' || ringing_seconds || '|' ||
                   unanswered || '|' || hangup_cause || '|' || caller_id_number || '|' || callee_id_number || '|' || caller_id_name || '|' || zones_given
            FROM call_records WHERE call_id = 'b'
            """));
        Assert.Equal("7|1", Sql.Scalar(_db, "SELECT caller_zone_id || '|' || zones_given FROM call_records WHERE call_id = 'a'"));
        Assert.Equal("b", Sql.Scalar(_db, "SELECT call_id FROM call_records ORDER BY call_time LIMIT 1"));
    }

    [Fact]
    public void Importing_the_same_calls_again_adds_nothing()
    {
        Import(Call("a", "2016-03-04T08:00:05Z"), Call("b", "2016-03-04T08:01:00Z"));
        var again = Import(Call("b", "2016-03-04T08:01:00Z"), Call("c", "2016-03-04T08:02:00Z"), Call("c", "2016-03-04T08:02:00Z"));
        Assert.Equal((3L, 1L, 2L), (again.Records, again.Inserted, again.Duplicates));
        Assert.Equal(3L, Sql.Count(_db, "call_records"));
    }

    [Fact]
    public void A_call_id_at_another_time_is_another_leg()
    {
        Import(Call("a", "2016-03-04T08:00:05Z"));
        Assert.Equal(1L, Import(Call("a", "2016-03-05T08:00:05Z")).Inserted);
        Assert.Equal(1L, Import(Call("a", "2016-03-04T08:00:05.900Z")).Duplicates); // the same second
    }

    [Fact]
    public void Two_call_ids_with_one_key_are_both_stored_and_both_recognised_again()
    {
        void AddWithKey(string id, long key)
        {
            using var store = CallStore.Open(_db);
            using var batch = store.BeginImport(null);
            var chunk = new CallChunk();
            chunk.Next = new CallRow { CallTime = 100, Key = key, CallId = chunk.AddText(System.Text.Encoding.UTF8.GetBytes(id)),
                CallerIdNumber = TextSlice.Null, CalleeIdNumber = TextSlice.Null, CallerIdName = TextSlice.Null };
            chunk.Commit();
            chunk.Sort();
            batch.Add(chunk);
            batch.Commit();
        }
        AddWithKey("first", 42);
        AddWithKey("second", 42);  // a collision: probes to 43
        AddWithKey("second", 42);  // found at 43: a duplicate
        AddWithKey("first", 42);
        Assert.Equal("42:first,43:second", Sql.Scalar(_db, "SELECT group_concat(call_key || ':' || call_id, ',') FROM (SELECT * FROM call_records ORDER BY call_key)"));
    }

    [Fact]
    public void A_batch_disposed_without_commit_leaves_nothing()
    {
        using (var store = CallStore.Open(_db))
        using (var batch = store.BeginImport(null))
            batch.Add(Call("a", "2016-03-04T08:00:05Z"));
        Assert.Equal(0L, Sql.Count(_db, "call_records"));
        Assert.Equal(0L, Sql.Count(_db, "call_imports"));
    }

    [Fact]
    public void Reading_never_creates_a_database()
    {
        var exception = Assert.Throws<StoreException>(() => CallStore.OpenReadOnly(_db));
        Assert.Equal(StoreFailure.NotFound, exception.Failure);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public void Reading_a_store_without_call_data_changes_nothing()
    {
        using (SupportTools.Tickets.TicketStore.Open(_db)) { }
        var before = File.ReadAllBytes(_db);
        Assert.Equal(StoreFailure.NotFound, Assert.Throws<StoreException>(() => CallStore.OpenReadOnly(_db)).Failure);
        Assert.Equal(before, File.ReadAllBytes(_db));
        Assert.DoesNotContain("call_records", Sql.Objects(_db));
    }

    [Fact]
    public void The_time_ordered_scan_needs_no_sort()
    {
        Import(Call("a", "2016-03-04T08:00:05Z"));
        using var store = CallStore.OpenReadOnly(_db);
        using var explain = store.Connection.Prepare("EXPLAIN QUERY PLAN SELECT call_time, duration_seconds FROM call_records ORDER BY call_time");
        var details = new List<string>();
        while (explain.Read()) details.Add(explain.GetString(3));
        Assert.DoesNotContain(details, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("SCAN call_records USING INDEX call_records_time", StringComparison.Ordinal));
    }
}
