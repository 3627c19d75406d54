using System.Text;
using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>
/// The content key: a re-export that writes the same activity differently (key order, UTC offset, number spelling,
/// escapes, whitespace) is a duplicate; any real difference is a new activity.
/// </summary>
public sealed class ActivityIdentityTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2024, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private const string Activity = """{"status":"Open","priority":9051,"note":{"id":12,"type":4},"Custom":"Café","tags":["a","b"]}""";
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static long Key(string json, DateTimeOffset? at = null, long ticket = 1, string type = "user", long? performer = 5) =>
        new ActivityKey().Compute(ticket, at ?? At, type, performer, Encoding.UTF8.GetBytes(json));

    private static readonly string[] Spellings =
    [
        """{"priority":9051,"tags":["a","b"],"note":{"type":4,"id":12},"Custom":"Café","status":"Open"}""",
        """{"status":"Open","priority":9051.0,"note":{"id":12.000,"type":4},"Custom":"Café","tags":["a","b"]}""",
        """{"status":"Open","priority":9.051e3,"note":{"id":1.2E+1,"type":40e-1},"Custom":"Café","tags":["a","b"]}""",
        """{"status":"Open","priority":90510e-1,"note":{"id":12,"type":4},"Custom":"Caf\u00e9","tags":["\u0061","b"]}""",
        """ { "status" : "Open" , "priority" : 9051 , "note" : { "id" : 12 , "type" : 4 } , "Custom" : "Café" , "tags" : [ "a" , "b" ] } """,
    ];

    public static TheoryData<string> SameActivity => new(Spellings);

    [Theory]
    [MemberData(nameof(SameActivity))]
    public void Another_spelling_of_the_same_activity_has_the_same_key(string json) => Assert.Equal(Key(Activity), Key(json));

    [Fact]
    public void The_same_instant_in_another_offset_has_the_same_key()
    {
        Assert.Equal(Key(Activity), Key(Activity, At.ToOffset(TimeSpan.FromHours(5.5))));
        Assert.Equal(Key(Activity), Key(Activity, At.ToOffset(TimeSpan.FromHours(-14))));
        Assert.NotEqual(Key(Activity), Key(Activity, At.AddSeconds(1)));
    }

    public static TheoryData<string, string> DifferentActivities => new()
    {
        { """{"a":1,"b":2}""", """{"a":2,"b":1}""" },          // values swapped between keys
        { """{"a":[1,2]}""", """{"a":[2,1]}""" },              // list order is meaning
        { """{"a":{"b":1}}""", """{"a":{"c":1}}""" },
        { """{"a":{"b":1}}""", """{"b":{"a":1}}""" },
        { """{"a":"1"}""", """{"a":1}""" },
        { """{"a":null}""", """{}""" },
        { """{"a":[]}""", """{"a":{}}""" },
        { """{"a":""}""", """{"a":null}""" },
        { """{"a":10}""", """{"a":1}""" },
        { """{"a":0.1}""", """{"a":1}""" },
        { """{"a":-1}""", """{"a":1}""" },
        { """{"a":1.5}""", """{"a":15}""" },
        { """{"a":true}""", """{"a":false}""" },
        { """{"a":[[1],2]}""", """{"a":[1,[2]]}""" },
        { """{"a":1,"a2":1}""", """{"a":1}""" },
        { """{"ab":"c"}""", """{"a":"bc"}""" },
        { """{"a":12345678901234567890123}""", """{"a":12345678901234567890124}""" },
    };

    [Theory]
    [MemberData(nameof(DifferentActivities))]
    public void Different_activities_have_different_keys(string one, string other) => Assert.NotEqual(Key(one), Key(other));

    [Fact]
    public void Every_row_field_outside_the_activity_still_counts()
    {
        var key = Key(Activity);
        Assert.Equal(4, new[] { Key(Activity, ticket: 2), Key(Activity, type: "system"), Key(Activity, performer: null), Key(Activity, performer: 6) }
            .Where(k => k != key).Distinct().Count());
        Assert.Equal(Key("""{"a":0}"""), Key("""{"a":-0.0e5}""")); // zero is zero
    }

    [Fact]
    public void The_hash_taken_while_reading_equals_the_hash_of_the_written_json()
    {
        // The file import hashes the activity in the reading pass; piped activities hash their JSON: both must agree.
        var body = new ActivityBodyReader();
        var key = new ActivityKey();
        var generated = new TicketActivityGenerator(3, At, At.AddDays(2)).Generate(300).Select(a => a.Activity);
        var samples = Spellings.Concat(DifferentActivities.Select(row => (string)row[0])).Concat(generated).ToList();
        Assert.True(samples.Count > 1000);
        foreach (var json in samples)
        {
            body.Read(json);
            Assert.Equal(key.Compute(1, At, "user", 5, Encoding.UTF8.GetBytes(json)), key.Compute(1, At, "user", 5, body.CanonicalHash));
            Assert.Equal(key.Compute(1, At, "user", 5, body.Json), key.Compute(1, At, "user", 5, body.CanonicalHash));
        }
    }

    private static string Row(string at, string activity) =>
        $$"""{"performed_at":"{{at}}","ticket_id":600,"performer_type":"user","performer_id":7,"activity":{{activity}}}""";

    private string Export(string name, params string[] rows) =>
        _files.Write(name, "{\"metadata\":{},\"activities_data\":[" + string.Join(",", rows) + "]}");

    [Fact]
    public void A_reexport_written_differently_imports_as_duplicates_and_the_first_spelling_is_kept()
    {
        var original = Export("original.json",
            Row("01-01-2024 10:00:00 +0000", Activity),
            Row("01-01-2024 11:00:00 +0000", """{"agent_id":9051,"group":"L1"}"""));
        var reexport = Export("reexport.json",
            Row("01-01-2024 15:30:00 +0530", Spellings[0]).Replace("\"ticket_id\":600", "\"ticket_id\":6.0e2"), // same instant in IST, keys reordered
            Row("01-01-2024 11:00:00 +0000", """{ "group" : "L\u0031", "agent_id" : 9051.0 }"""));
        using var store = TicketStore.Open(_files.PathOf("store.db"));
        Assert.Equal(2, store.ImportFile(original).Inserted);
        var again = store.ImportFile(reexport);
        Assert.Equal((2L, 0L, 2L), (again.Activities, again.Inserted, again.Duplicates));
        var stored = store.GetActivities().ToList();
        Assert.Equal([Activity, """{"agent_id":9051,"group":"L1"}"""], stored.Select(a => a.Activity));
        Assert.Equal(TimeSpan.Zero, stored[0].PerformedAt.Offset);

        var changed = Export("changed.json", Row("01-01-2024 11:00:00 +0000", """{"agent_id":9052,"group":"L1"}"""));
        Assert.Equal(1, store.ImportFile(changed).Inserted);
    }

    [Fact]
    public void Piped_activities_written_differently_are_duplicates_too()
    {
        using var store = TicketStore.Open(_files.PathOf("piped.db"));
        using var batch = store.BeginImport(null);
        batch.Add(TicketActivityJson.Create(600, At, "user", 7, Activity));
        batch.Add(TicketActivityJson.Create(600, At.ToOffset(TimeSpan.FromHours(-3)), "user", 7, Spellings[1]));
        batch.Add(TicketActivityJson.Create(600, At, "user", 7, """{"status":"Pending"}"""));
        var summary = batch.Commit();
        Assert.Equal((3L, 2L, 1L), (summary.Activities, summary.Inserted, summary.Duplicates));
    }
}
