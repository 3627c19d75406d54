using SupportTools.Calls;
using SupportTools.Storage;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>
/// Legs are not calls: the legs are kept, linked by their interaction, and the reads count calls (the A-leg's facts,
/// answered when any leg was, the interaction's duration) unless asked for legs. The legs follow Kazoo's shape: an
/// inbound customer A-leg bridged to an agent's outbound B-leg (see <see cref="KazooShapes"/>); a call that rang two
/// agents has three legs.
/// </summary>
public sealed class CallLegTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _db;

    public CallLegTests()
    {
        _db = _files.PathOf("calls.db");
        // One call of three legs: the customer's A-leg (08:00:00-08:01:05, answered by the queue's IVR: billed 60 s),
        // agent 1001's leg that rang and was cancelled, agent 1002's leg answered at the end; the B-legs name the A-leg
        // as other_leg_call_id only (no interaction_id: the link still holds). Then a lone unanswered outbound call.
        var legs = string.Join("\n",
            """{"call_id":"a1","call_direction":"inbound","timestamp":63624297665,"duration_seconds":"65","billing_seconds":"60","ringing_seconds":"5","caller_id_number":"+6434181234","callee_id_number":"+6493001000","hangup_cause":"NORMAL_CLEARING","other_leg_call_id":"b2"}""",
            """{"call_id":"b1","call_direction":"outbound","timestamp":63624297620,"duration_seconds":"15","billing_seconds":"0","ringing_seconds":"15","caller_id_number":"+6434181234","callee_id_number":"+442071234567","hangup_cause":"ORIGINATOR_CANCEL","other_leg_call_id":"a1"}""",
            """{"call_id":"b2","call_direction":"outbound","timestamp":63624297670,"duration_seconds":"50","billing_seconds":"45","ringing_seconds":"5","caller_id_number":"+6434181234","callee_id_number":"1002","hangup_cause":"NORMAL_CLEARING","other_leg_call_id":"a1"}""",
            """{"call_id":"c1","call_direction":"outbound","timestamp":63624301210,"duration_seconds":"10","billing_seconds":"0","ringing_seconds":"10","caller_id_number":"+6493001000","callee_id_number":"+61390001234","hangup_cause":"NO_ANSWER"}""");
        using var store = CallStore.Open(_db);
        store.ImportFile(_files.Write("legs.jsonl", legs + "\n"));
    }

    public void Dispose() => _files.Dispose();

    private List<CallRecord> Records(bool legs = false)
    {
        using var store = CallStore.OpenReadOnly(_db);
        return CallRecords.Read(store, CallFilter.None, CallTimeZone.Resolve(null), legs: legs).ToList();
    }

    private List<CallStatistic> Statistics(bool legs = false, string? filter = null)
    {
        using var store = CallStore.OpenReadOnly(_db);
        var zone = CallTimeZone.Resolve(null);
        return CallStatistics.Compute(store, new CallStatisticQuery(CallPeriod.Daily, zone, filter is null ? CallFilter.None : CallFilter.Parse(filter, zone),
            Legs: legs)).ToList();
    }

    [Fact]
    public void The_legs_of_one_interaction_read_as_one_call_with_the_a_legs_facts()
    {
        var calls = Records();
        Assert.Equal(["a1", "c1"], calls.Select(c => c.CallId));
        var call = calls[0];
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(KazooShapes.StartUnix), call.CallTime);
        Assert.Equal(("inbound", "+6434181234", "+6493001000", 3, "a1"), (call.CallDirection, call.CallerIdNumber, call.CalleeIdNumber, call.Legs, call.InteractionId));
        Assert.Equal((70L, 60L, false), (call.DurationSeconds, call.BillingSeconds, call.Unanswered)); // 08:00:00 to b2's end at 08:01:10
        Assert.Equal((1, true), (calls[1].Legs, calls[1].Unanswered));
    }

    [Fact]
    public void With_leg_every_leg_is_read_as_the_service_counted_them()
    {
        var legs = Records(legs: true);
        Assert.Equal(["a1", "b1", "b2", "c1"], legs.Select(l => l.CallId).Order());
        Assert.All(legs, l => Assert.Equal(1, l.Legs));
        Assert.Equal(["a1", "a1", "a1", null], legs.OrderBy(l => l.CallId).Select(l => l.InteractionId));
    }

    [Fact]
    public void Statistics_count_calls_unless_asked_for_legs()
    {
        var calls = Assert.Single(Statistics());
        Assert.Equal((2L, 1L, 10L, 70L), (calls.Total, calls.Answered, calls.DurationMin, calls.DurationMax));
        var legs = Assert.Single(Statistics(legs: true));
        Assert.Equal((4L, 2L), (legs.Total, legs.Answered));
    }

    [Fact]
    public void Filters_apply_to_the_calls_fields()
    {
        Assert.Equal(1L, Assert.Single(Statistics(filter: """[{"name":"call_direction","op":"eq","val":"inbound"}]""")).Total);
        Assert.Equal(3L, Assert.Single(Statistics(legs: true, filter: """[{"name":"call_direction","op":"eq","val":"outbound"}]""")).Total);
    }

    [Fact]
    public void Filters_name_the_call_a_leg_belongs_to_and_a_calls_legs()
    {
        Assert.Equal(1L, Assert.Single(Statistics(filter: """[{"name":"legs","op":"ge","val":2}]""")).Total);     // a1's call of three legs
        Assert.Equal(1L, Assert.Single(Statistics(filter: """[{"name":"LEGS","op":"eq","val":1}]""")).Total);     // c1 alone
        Assert.Empty(Statistics(legs: true, filter: """[{"name":"legs","op":"gt","val":1}]"""));                  // each leg is one
        Assert.Equal(3L, Assert.Single(Statistics(legs: true, filter: """[{"name":"interaction_id","op":"eq","val":"a1"}]""")).Total);
        Assert.Equal(1L, Assert.Single(Statistics(filter: """[{"name":"interaction_id","op":"is_null"}]""")).Total);
        using var store = CallStore.OpenReadOnly(_db);
        var zone = CallTimeZone.Resolve(null);
        Assert.Equal(["a1"], CallRecords.Read(store, CallFilter.Parse("""[{"name":"interaction_id","op":"like","val":"a%"}]""", zone), zone).Select(c => c.CallId));
        Assert.Equal(["b1", "b2"], CallRecords.Read(store, CallFilter.Parse("""[{"name":"interaction_id","op":"ne","field":"call_id"}]""", zone), zone, legs: true)
            .Select(c => c.CallId).Order());
    }

    [Fact]
    public void A_store_without_linked_legs_filters_on_legs_and_interaction_id_too()
    {
        using var plain = new CallTestStore(CallTestStore.Call("x", "2016-03-04T08:00:00Z", 30), CallTestStore.Call("y", "2016-03-04T09:00:00Z", 40));
        Assert.Equal(["x", "y"], plain.Ids(CallFilter.Parse("""[{"name":"legs","op":"eq","val":1},{"name":"interaction_id","op":"is_null"}]""", CallTimeZone.Utc)));
        Assert.Equal(2L, Assert.Single(plain.Statistics(CallPeriod.Daily, filter: """[{"name":"legs","op":"lt","val":2}]""")).Total);
        Assert.Empty(plain.Ids(CallFilter.Parse("""[{"name":"interaction_id","op":"is_not_null"}]""", CallTimeZone.Utc)));
    }

    [Fact]
    public void Countries_are_the_calls_a_legs_unless_asked_for_legs()
    {
        using var store = CallStore.OpenReadOnly(_db);
        Assert.Equal(["Australia", "New Zealand"], store.GetCountries());
        Assert.Equal(["Australia", "New Zealand", "United Kingdom"], store.GetCountries(legs: true)); // b1 rang a London number
        var unknown = new List<string>();
        Assert.Empty(store.GetRegions(["United Kingdom"], unknown));
        Assert.Single(unknown);
        Assert.NotEmpty(store.GetRegions(["United Kingdom"], [], legs: true));
    }

    [Fact]
    public void A_store_from_before_linked_legs_is_migrated_and_reads_the_same_before_and_after()
    {
        var old = _files.PathOf("old.db");
        using (var store = CallStore.Open(old)) { }
        // Back to step 1 as the previous module left stores: its columns, its index, its migration record.
        Sql.Execute(old, """
            DROP TABLE call_interactions;
            ALTER TABLE call_records DROP COLUMN interaction_id;
            ALTER TABLE call_records DROP COLUMN interaction_key;
            DELETE FROM supporttools_migrations WHERE capability = 'calls' AND version = 2;
            INSERT INTO call_records (call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, call_id, call_key, zones_given)
            VALUES (1457078400, 'inbound', 65, 60, 5, 0, 'old1', 1, 0), (1457078500, 'outbound', 10, 0, 10, 1, 'old2', 2, 0);
            """);
        List<string> Ids()
        {
            using var store = CallStore.OpenReadOnly(old);
            Assert.Equal(store.Connection.Version, (int)(long)Sql.Scalar(old, "SELECT max(version) FROM supporttools_migrations WHERE capability = 'calls'")!);
            return CallRecords.Read(store, CallFilter.None, CallTimeZone.Resolve(null)).Select(r => $"{r.CallId}/{r.Legs}/{r.InteractionId}").ToList();
        }
        Assert.Equal(["old1/1/", "old2/1/"], Ids()); // the reader changes nothing: still step 1
        using (var store = CallStore.OpenReadOnly(old))
        {
            var zone = CallTimeZone.Resolve(null);
            var filter = CallFilter.Parse("""[{"name":"legs","op":"eq","val":1},{"name":"interaction_id","op":"is_null"}]""", zone);
            Assert.Equal(2L, Assert.Single(CallStatistics.Compute(store, new CallStatisticQuery(CallPeriod.Daily, zone, filter))).Total);
        }
        Assert.Equal(1L, (long)Sql.Scalar(old, "SELECT max(version) FROM supporttools_migrations WHERE capability = 'calls'")!);
        using (var store = CallStore.Open(old)) { }  // a writer migrates
        Assert.Equal(2L, (long)Sql.Scalar(old, "SELECT max(version) FROM supporttools_migrations WHERE capability = 'calls'")!);
        Assert.Equal(["old1/1/", "old2/1/"], Ids());
    }

    [Fact]
    public void Reads_never_fail_on_times_an_older_module_stored()
    {
        // Times at the calendar's ends, stored before imports refused them: left out of every read.
        Sql.Execute(_db, """
            INSERT INTO call_records (call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, call_id, call_key, zones_given)
            VALUES (-62135596800, 'inbound', 5, 0, 5, 1, 'min', 11, 0), (253402300799, 'inbound', 5, 0, 5, 1, 'max', 12, 0),
                   (-1, 'inbound', 5, 0, 5, 1, 'neg', 13, 0);
            """);
        Assert.Equal(["a1", "c1"], Records().Select(c => c.CallId));
        Assert.Equal(4, Records(legs: true).Count);
        Assert.Equal(2L, Assert.Single(Statistics()).Total);
        using var store = CallStore.OpenReadOnly(_db);
        var auckland = CallTimeZone.Resolve("Pacific/Kiritimati"); // +14:00: the zone furthest ahead
        Assert.Equal(2, CallRecords.Read(store, CallFilter.None, auckland).Count());
        Assert.NotEmpty(CallStatistics.Compute(store, new CallStatisticQuery(CallPeriod.Monthly, auckland, CallFilter.None)).ToList());
    }

    [Fact]
    public void Legs_of_one_call_in_different_files_join_it_once_whatever_the_order()
    {
        var db = _files.PathOf("split.db");
        const string b = """{"call_id":"y-b","call_direction":"outbound","timestamp":63624297665,"duration_seconds":"60","billing_seconds":"55","interaction_id":"i-y"}""";
        const string a = """{"call_id":"y-a","call_direction":"inbound","timestamp":63624297665,"duration_seconds":"65","billing_seconds":"0","interaction_id":"i-y","caller_id_number":"+6434181234"}""";
        using (var store = CallStore.Open(db))
        {
            store.ImportFile(_files.Write("b.jsonl", b + "\n")); // the B-leg first: the call is its until the A-leg comes
            store.ImportFile(_files.Write("a.jsonl", a + "\n"));
            Assert.Equal(0L, store.ImportFile(_files.Write("again.jsonl", a + "\n" + b + "\n")).Inserted); // again: counted once
        }
        using var reader = CallStore.OpenReadOnly(db);
        var call = Assert.Single(CallRecords.Read(reader, CallFilter.None, CallTimeZone.Resolve(null)));
        Assert.Equal(("y-a", "inbound", "+6434181234", 2, 65L, 55L, false),
            (call.CallId, call.CallDirection, call.CallerIdNumber, call.Legs, call.DurationSeconds, call.BillingSeconds, call.Unanswered));
    }
}
