using System.Text;
using SupportTools.Calls;
using static SupportTools.Tests.Calls.CallTestStore;

namespace SupportTools.Tests.Calls;

/// <summary>
/// The size limits of a filter (<see cref="CallFilterLimits"/>): at each limit the filter runs against a real store (so
/// SQLite's own limits are never reached), one past it is an <see cref="CallFilterException"/> naming the limit; and
/// the values a filter takes at the calendar's ends, and <c>in</c> with one value.
/// </summary>
public sealed class CallFilterLimitTests : IDisposable
{
    private readonly CallTestStore _calls = new(
        Call("a", "2016-03-04T08:00:00Z", 5, unanswered: true, caller: "+6434181234"),
        Call("b", "2016-03-04T08:10:00Z", 79, billing: 70, caller: "+6421555000"));

    public void Dispose() => _calls.Dispose();

    private static CallFilter Parse(string json) => CallFilter.Parse(json, CallTimeZone.Utc);

    private static CallFilterException Error(string json) => Assert.Throws<CallFilterException>(() => Parse(json));

    private static string Leaf => """{"name":"duration_seconds","op":"ge","val":0}""";

    private static string Nested(int levels, string junction = "or")
    {
        var json = new StringBuilder();
        for (var i = 0; i < levels; i++) json.Append("{\"").Append(junction).Append("\":[");
        json.Append(Leaf);
        for (var i = 0; i < levels; i++) json.Append("]}");
        return "[" + json + "]";
    }

    private static string InList(int count) =>
        """[{"name":"call_id","op":"in","val":[""" + string.Join(",", Enumerable.Range(0, count - 1).Select(i => $"\"x{i}\"").Append("\"a\"")) + "]}]";

    [Fact]
    public void Or_and_lists_nest_to_the_limit_and_no_deeper()
    {
        Assert.Equal(["a", "b"], _calls.Ids(Parse(Nested(CallFilterLimits.MaxNesting))));
        Assert.Equal(["a", "b"], _calls.Ids(Parse(Nested(CallFilterLimits.MaxNesting, "and"))));

        var error = Error(Nested(CallFilterLimits.MaxNesting + 1));
        Assert.Contains("nest deeper than the limit of 32 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_levels_of_json_are_refused_naming_the_limit_not_a_stack_overflow()
    {
        var error = Error(Nested(10_000));

        Assert.Contains($"the JSON nests deeper than the limit of {CallFilterLimits.MaxDepth} objects and lists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_count_to_the_limit_and_no_further()
    {
        // SQLite's expression tree stops at 1,000 levels; a list of conditions joined by AND is that deep.
        var atLimit = "[" + string.Join(",", Enumerable.Repeat(Leaf, CallFilterLimits.MaxConditions)) + "]";
        Assert.Equal(["a", "b"], _calls.Ids(Parse(atLimit)));

        var error = Error("[" + string.Join(",", Enumerable.Repeat(Leaf, 2_000)) + "]");
        Assert.Equal("[500]", error.FilterPath);
        Assert.Contains("more than the limit of 500 conditions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_takes_ten_thousand_values_and_refuses_a_hundred_thousand_naming_the_limit()
    {
        Assert.Equal(["a"], _calls.Ids(Parse(InList(CallFilterLimits.MaxValues))));

        var error = Error(InList(100_000));
        Assert.Equal("filter [0]: in has 100,000 values; a filter may bind at most 10,000 values in all (store the values and join, or split the query).", error.Message);
    }

    [Fact]
    public void The_value_limit_counts_every_list_of_the_filter()
    {
        var half = InList(6_000)[1..^1];
        var error = Error("[" + half + "," + half + "]");
        Assert.Equal("[1]", error.FilterPath);
        Assert.Contains("at most 10,000 values in all", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("like", "[")] // the worst case: each '[' becomes the three characters '[[]' in the GLOB pattern
    [InlineData("ilike", "%")]
    public void Patterns_are_taken_to_the_limit_and_refused_beyond_it(string op, string character)
    {
        var atLimit = string.Concat(Enumerable.Repeat(character, CallFilterLimits.MaxPatternLength));
        _calls.Ids(Parse($$"""[{"name":"caller_id_number","op":"{{op}}","val":"{{atLimit}}"}]"""));

        var error = Error($$"""[{"name":"caller_id_number","op":"{{op}}","val":"{{atLimit + new string('%', 70_000)}}"}]""");
        Assert.Equal($"filter [0]: the {op} pattern is 80,000 characters long; the limit is 10,000.", error.Message);
    }

    [Theory]
    [InlineData("lt", "9999-12-31T23:59:59-14:00")] // beyond the calendar once in UTC: NodaTime overflowed here
    [InlineData("lte", "9999-12-31T23:59:59Z")]
    [InlineData("gte", "0001-01-01T00:00:00+14:00")]
    [InlineData("gte", "00:00:00 31/12/9999")]
    public void Times_at_the_calendars_ends_are_a_filter_error_not_an_overflow(string op, string time)
    {
        var error = Error($$"""[{"name":"call_time","op":"{{op}}","val":"{{time}}"}]""");

        Assert.Equal($"filter [0]: call_time takes times from 0002-01-01 to 9998-12-31 (UTC), but val is the string '{time}', outside them.", error.Message);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")] // +14:00
    [InlineData("Pacific/Pago_Pago")] // -11:00
    public void Empty_periods_just_inside_the_range_are_computed_in_every_period_and_zone(string zoneId)
    {
        var zone = CallTimeZone.Resolve(zoneId);
        using var store = _calls.Open();
        foreach (var period in Enum.GetValues<CallPeriod>())
        {
            var late = CallFilter.Parse("""[{"name":"call_time","op":"gte","val":"9998-12-30T00:00:00Z"},{"name":"call_time","op":"lte","val":"9998-12-31T23:59:59Z"}]""", zone);
            var early = CallFilter.Parse("""[{"name":"call_time","op":"gte","val":"0002-01-01T00:00:00Z"},{"name":"call_time","op":"lt","val":"0002-01-03T00:00:00Z"}]""", zone);
            var lateRows = CallStatistics.Compute(store, new CallStatisticQuery(period, zone, late, IncludeEmpty: true)).ToList();
            var earlyRows = CallStatistics.Compute(store, new CallStatisticQuery(period, zone, early, IncludeEmpty: true)).ToList();
            Assert.NotEmpty(lateRows);
            Assert.NotEmpty(earlyRows);
            Assert.All(lateRows.Concat(earlyRows), row => Assert.Equal(0, row.Total));
        }
    }

    [Theory]
    [InlineData("in", """ "a" """, new[] { "a" })]
    [InlineData("not_in", """ "a" """, new[] { "b" })]
    [InlineData("in", "[]", new string[0])]
    [InlineData("not_in", "[]", new[] { "a", "b" })]
    public void In_takes_one_value_alone_as_a_list_of_one(string op, string val, string[] expected) =>
        Assert.Equal(expected, _calls.Ids(Parse($$"""[{"name":"call_id","op":"{{op}}","val":{{val}}}]""")));
}
