using SupportTools.Calls;
using SupportTools.Tests.Storage;
using static SupportTools.Tests.Calls.CallTestStore;

namespace SupportTools.Tests.Calls;

/// <summary>The flask-restless filter list: every operator against stored calls, and-/or-nesting, field comparisons, types.</summary>
public sealed class CallFilterTests : IDisposable
{
    // Four calls on 4 March 2016 (UTC) with every kind of field, NULLs included.
    private readonly CallTestStore _calls = new(
        Call("a", "2016-03-04T08:00:00Z", 5, unanswered: true, direction: "inbound", billing: 0, ringing: 5, caller: "+6434181234",
            name: "Jo Bloggs", callee: "+61391234567", cause: "NO_ANSWER", callerZone: 7),
        Call("b", "2016-03-04T08:10:00Z", 79, direction: "outbound", billing: 70, ringing: 9, caller: "+6421555000", name: "MARY smith",
            callee: "+6434181234", cause: "NORMAL_CLEARING", callerZone: 8, calleeZone: 7),
        Call("c", "2016-03-04T09:00:00Z", 6, unanswered: true, direction: null, billing: 0, ringing: 6),
        Call("d", "2016-03-04T10:30:00Z", 7, direction: "inbound", billing: 2, ringing: 5, caller: "+6434181234", name: "Jo_Bloggs%",
            callee: "+6495551234", cause: "NORMAL_CLEARING", callerZone: 7, calleeZone: 9));

    public void Dispose() => _calls.Dispose();

    private List<string> Ids(string json, string? zone = null) => _calls.Ids(CallFilter.Parse(json, CallTimeZone.Resolve(zone)));

    private static string One(string name, string op, string val) => $$"""[{"name":"{{name}}","op":"{{op}}","val":{{val}}}]""";

    [Theory]
    [InlineData("=="), InlineData("eq"), InlineData("equals"), InlineData("equal_to"), InlineData("EQ")]
    public void Equality_in_every_spelling(string op) => Assert.Equal(["a", "d"], Ids(One("call_direction", op, "\"inbound\"")));

    [Theory]
    [InlineData("!="), InlineData("ne"), InlineData("neq"), InlineData("does_not_equal"), InlineData("not_equal_to")]
    public void Inequality_in_every_spelling_never_matches_a_missing_value(string op) =>
        Assert.Equal(["b"], Ids(One("call_direction", op, "\"inbound\"")));

    [Theory]
    [InlineData(">", "6", "b,d"), InlineData("gt", "6", "b,d")]
    [InlineData("<", "6", "a"), InlineData("lt", "6", "a")]
    [InlineData(">=", "7", "b,d"), InlineData("ge", "7", "b,d"), InlineData("gte", "7", "b,d"), InlineData("geq", "7", "b,d")]
    [InlineData("<=", "6", "a,c"), InlineData("le", "6", "a,c"), InlineData("lte", "6", "a,c"), InlineData("leq", "6", "a,c")]
    public void Ordering_in_every_spelling(string op, string val, string expected) =>
        Assert.Equal(expected.Split(','), Ids(One("duration_seconds", op, val)));

    [Fact]
    public void In_and_not_in_take_lists()
    {
        Assert.Equal(["a", "b", "d"], Ids(One("call_direction", "in", """["inbound","outbound"]""")));
        Assert.Equal(["b"], Ids(One("call_direction", "not_in", """["inbound"]""")));
        Assert.Empty(Ids(One("call_direction", "in", "[]")));
        Assert.Equal(["b", "d"], Ids(One("callee_zone_id", "in", "[7, 9]")));
        Assert.Equal(["a", "c"], Ids(One("call_id", "in", """["a","c","z"]""")));
    }

    [Fact]
    public void Is_null_and_is_not_null_take_no_value()
    {
        Assert.Equal(["c"], Ids("""[{"name":"call_direction","op":"is_null"}]"""));
        Assert.Equal(["a", "b", "d"], Ids("""[{"name":"call_direction","op":"is_not_null"}]"""));
        Assert.Equal(["c"], Ids("""[{"name":"caller_id_number","op":"is_null"}]"""));
    }

    [Fact]
    public void Like_is_case_sensitive_with_percent_and_underscore_and_nothing_else_special()
    {
        Assert.Equal(["a", "d"], Ids(One("caller_id_name", "like", "\"Jo%\"")));
        Assert.Empty(Ids(One("caller_id_name", "like", "\"jo%\"")));
        Assert.Equal(["a", "d"], Ids(One("caller_id_name", "like", "\"Jo_Bloggs%\"")));
        Assert.Equal(["a"], Ids(One("caller_id_name", "like", "\"%Bloggs\"")));
        Assert.Empty(Ids(One("caller_id_name", "like", "\"Jo*\""))); // GLOB characters are literal
        Assert.Empty(Ids(One("caller_id_name", "like", "\"Jo?Bloggs\"")));
        Assert.Equal(["b", "d"], Ids(One("hangup_cause", "like", "\"NORMAL%\"")));
    }

    [Fact]
    public void Ilike_ignores_case()
    {
        Assert.Equal(["b"], Ids(One("caller_id_name", "ilike", "\"mary%\"")));
        Assert.Equal(["a", "d"], Ids(One("caller_id_name", "ilike", "\"JO%\"")));
    }

    [Theory]
    [InlineData("true", "a,c"), InlineData("1", "a,c"), InlineData("false", "b,d"), InlineData("0", "b,d")]
    public void Unanswered_takes_booleans_or_zero_and_one(string val, string expected) =>
        Assert.Equal(expected.Split(','), Ids(One("unanswered", "eq", val)));

    [Fact]
    public void Zone_ids_compare_as_numbers() => Assert.Equal(["a", "d"], Ids(One("caller_zone_id", "eq", "7")));

    [Theory]
    [InlineData("\"09:00:00 04/03/2016\"", null, "c,d")]                  // the service's format, in UTC by default
    [InlineData("\"22:00:00 04/03/2016\"", "Pacific/Auckland", "c,d")]    // 22:00 NZDT (+13) is 09:00 UTC
    [InlineData("\"2016-03-04T22:00:00+13:00\"", null, "c,d")]            // ISO 8601 with an offset: that instant, whatever the zone
    [InlineData("\"2016-03-04T09:00:00Z\"", "Pacific/Auckland", "c,d")]
    [InlineData("\"2016-03-04T22:00:00\"", "Pacific/Auckland", "c,d")]    // ISO 8601 without an offset: local time in the zone
    [InlineData("\"2016-03-04 09:00:00\"", null, "c,d")]
    [InlineData("\"2016-03-04\"", "Pacific/Honolulu", "d")]                // a date: the start of that day in the zone (10:00 UTC)
    public void Call_time_reads_the_services_format_and_iso_8601_in_the_zone(string val, string? zone, string expected) =>
        Assert.Equal(expected.Split(','), Ids(One("call_time", "gte", val), zone));

    [Fact]
    public void Call_time_bounds_a_range()
    {
        Assert.Equal(["a", "b"], Ids("""[{"name":"call_time","op":"gte","val":"08:00:00 04/03/2016"},{"name":"call_time","op":"lt","val":"09:00:00 04/03/2016"}]"""));
        Assert.Equal(["b"], Ids(One("call_time", "eq", "\"08:10:00 04/03/2016\"")));
    }

    [Fact]
    public void Fields_compare_with_other_fields()
    {
        Assert.Equal(["a", "c", "d"], Ids("""[{"name":"billing_seconds","op":"lt","field":"ringing_seconds"}]"""));
        Assert.Equal(["a", "c"], Ids("""[{"name":"duration_seconds","op":"eq","field":"ringing_seconds"}]"""));
    }

    [Fact]
    public void Or_and_and_nest()
    {
        Assert.Equal(["b", "c"], Ids("""[{"or":[{"name":"duration_seconds","op":"gt","val":70},{"name":"call_direction","op":"is_null"}]}]"""));
        Assert.Equal(["a", "b"], Ids("""
            [{"or":[{"and":[{"name":"call_direction","op":"eq","val":"inbound"},{"name":"unanswered","op":"eq","val":true}]},
                    {"name":"call_direction","op":"eq","val":"outbound"}]}]
            """));
        Assert.Equal(["d"], Ids("""[{"and":[{"name":"unanswered","op":"eq","val":false}]},{"name":"call_direction","op":"eq","val":"inbound"}]"""));
        Assert.Empty(Ids("""[{"or":[]}]"""));
        Assert.Equal(4, Ids("""[{"and":[]}]""").Count);
    }

    [Fact]
    public void No_filter_lets_every_call_through()
    {
        Assert.Equal(["a", "b", "c", "d"], Ids("[]"));
        Assert.Equal(["a", "b", "c", "d"], Ids(""));
        Assert.Equal(["a", "b", "c", "d"], _calls.Ids(CallFilter.None));
    }

    [Fact]
    public void A_single_filter_object_is_a_list_of_one() =>
        Assert.Equal(["a", "c"], Ids("""{"name":"unanswered","op":"eq","val":true}"""));

    [Fact]
    public void Neutral_objects_give_the_same_sql_and_values_as_json()
    {
        var zone = CallTimeZone.Resolve("Pacific/Auckland");
        var json = CallFilter.Parse("""
            [{"name":"call_time","op":"gte","val":"00:00:00 04/03/2016"},{"name":"call_direction","op":"in","val":["inbound","outbound"]},
             {"or":[{"name":"unanswered","op":"eq","val":true},{"name":"duration_seconds","op":"gt","val":60}]}]
            """, zone);
        var objects = CallFilter.From([
            new Dictionary<string, object?> { ["Name"] = "call_time", ["Op"] = "gte", ["Val"] = new DateTime(2016, 3, 4) },
            new Dictionary<string, object?> { ["name"] = "call_direction", ["op"] = "in", ["val"] = new object?[] { "inbound", "outbound" } },
            new Dictionary<string, object?> { ["or"] = new List<object?> {
                new Dictionary<string, object?> { ["name"] = "unanswered", ["op"] = "eq", ["val"] = true },
                new Dictionary<string, object?> { ["name"] = "duration_seconds", ["op"] = "gt", ["val"] = 60 } } },
        ], zone);
        Assert.Equal(json.Where, objects.Where);
        Assert.Equal(json.Parameters, objects.Parameters);
        Assert.Equal(1457002800L, json.Parameters[0]); // 00:00 NZDT on 4 March 2016 = 11:00 UTC on the 3rd
        Assert.Equal("(call_time >= ?1 AND call_direction IN (?2, ?3) AND (unanswered = ?4 OR duration_seconds > ?5))", json.Where);
    }

    [Fact]
    public void Times_from_powershell_keep_their_instant_or_are_read_in_the_zone()
    {
        var zone = CallTimeZone.Resolve("Pacific/Auckland");
        long Bound(object value) => (long)CallFilter.From([new Dictionary<string, object?> { ["name"] = "call_time", ["op"] = "gte", ["val"] = value }], zone).Parameters[0];
        Assert.Equal(1457078400L, Bound(new DateTimeOffset(2016, 3, 4, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1457078400L, Bound(new DateTime(2016, 3, 4, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(1457078400L, Bound(new DateTime(2016, 3, 4, 21, 0, 0, DateTimeKind.Unspecified))); // 21:00 NZDT
        // A fraction of a second rounds so that gte keeps its meaning (the store keeps whole seconds).
        Assert.Equal(1457078401L, Bound(new DateTimeOffset(2016, 3, 4, 8, 0, 0, 500, TimeSpan.Zero)));
    }

    [Fact]
    public void A_local_time_in_a_gap_moves_forward_and_a_repeated_one_is_its_first_occurrence()
    {
        var zone = CallTimeZone.Resolve("Pacific/Auckland");
        long Bound(string text) => (long)CallFilter.Parse(One("call_time", "gte", $"\"{text}\""), zone).Parameters[0];
        // 27 September 2026: 02:00 NZST jumps to 03:00 NZDT, so 02:30 does not exist: it is 03:30 NZDT (14:30 UTC).
        Assert.Equal(DateTimeOffset.Parse("2026-09-26T14:30:00Z").ToUnixTimeSeconds(), Bound("02:30:00 27/09/2026"));
        // 5 April 2026: 03:00 NZDT falls back to 02:00 NZST, so 02:30 happens twice: the first is 02:30 NZDT (13:30 UTC).
        Assert.Equal(DateTimeOffset.Parse("2026-04-04T13:30:00Z").ToUnixTimeSeconds(), Bound("02:30:00 05/04/2026"));
    }

    [Fact]
    public void Top_level_call_time_conditions_bound_the_range_but_alternatives_do_not()
    {
        var filter = CallFilter.Parse("""
            [{"name":"call_time","op":"gt","val":"2016-03-04T00:00:00Z"},{"name":"call_time","op":"lt","val":"2016-03-05T00:00:00Z"},
             {"and":[{"name":"call_time","op":"gte","val":"2016-03-04T06:00:00Z"}]}]
            """, CallTimeZone.Utc);
        Assert.Equal(1457071200L, filter.Lower);
        Assert.Equal(1457135999L, filter.Upper);
        var alternatives = CallFilter.Parse("""[{"or":[{"name":"call_time","op":"gte","val":"2016-03-04T06:00:00Z"}]}]""", CallTimeZone.Utc);
        Assert.Null(alternatives.Lower);
        Assert.Null(alternatives.Upper);
    }

    [Theory]
    [InlineData("Jo%", "Jo*")]
    [InlineData("a_b", "a?b")]
    [InlineData("x*y?[z]", "x[*]y[?][[]z]")]
    public void Like_patterns_become_glob_patterns(string like, string glob) => Assert.Equal(glob, CallFilterParser.LikeToGlob(like));

    [Fact]
    public void Values_never_reach_the_sql_and_cannot_change_the_query()
    {
        const string attack = "x'); DROP TABLE call_records; --";
        foreach (var json in new[]
        {
            One("call_id", "eq", $"\"{attack}\""),
            One("caller_id_name", "like", $"\"{attack}\""),
            One("caller_id_name", "ilike", $"\"%{attack}\""),
            One("call_id", "in", $"[\"{attack}\", \"a' OR '1'='1\"]"),
        })
        {
            var filter = CallFilter.Parse(json, CallTimeZone.Utc);
            Assert.DoesNotContain("DROP", filter.Where);
            Assert.DoesNotContain("'", filter.Where);
            Assert.Empty(_calls.Ids(filter));
        }
        Assert.Equal(4L, Sql.Scalar(_calls.Path, "SELECT count(*) FROM call_records"));
        // A record whose id is the attack text is found by it, as a bound value is.
        _calls.Add(Call(attack, "2016-03-04T11:00:00Z", 3));
        Assert.Equal([attack], Ids(One("call_id", "eq", $"\"{attack}\"")));
    }

    [Fact]
    public void Field_names_never_reach_the_sql()
    {
        foreach (var json in new[]
        {
            """[{"name":"call_id = call_id); DROP TABLE call_records; --","op":"eq","val":"a"}]""",
            """[{"name":"call_id","op":"eq","field":"call_id; DROP TABLE call_records"}]""",
            """[{"name":"call_id","op":"= 'a' OR 1=1 --","val":"a"}]""",
        })
        {
            var error = Assert.Throws<CallFilterException>(() => CallFilter.Parse(json, CallTimeZone.Utc));
            Assert.Equal("[0]", error.FilterPath);
        }
        Assert.Equal(4L, Sql.Scalar(_calls.Path, "SELECT count(*) FROM call_records"));
    }
}
