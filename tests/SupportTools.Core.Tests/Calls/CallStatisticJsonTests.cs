using SupportTools.Calls;
using SupportTools.Tests.Storage;
using static SupportTools.Tests.Calls.CallTestStore;

namespace SupportTools.Tests.Calls;

/// <summary>The service's response bodies, byte for byte.</summary>
public sealed class CallStatisticJsonTests
{
    [Fact]
    public void The_services_documented_example_comes_out_exactly()
    {
        // The service documentation's hourly example, grouped by unanswered in Pacific/Auckland: six answered calls at
        // 08:00 NZDT on 4 March 2016 (19:00 UTC on the 3rd), durations 5, 6, 6, 7, 11, 79 (median 6.5, mean 19.0).
        using var calls = new CallTestStore(
            [.. new[] { 5, 6, 6, 7, 11, 79 }.Select((d, i) => Call($"c{i}", $"2016-03-03T19:{i * 5:00}:00Z", d, direction: "inbound"))]);
        var rows = calls.Statistics(CallPeriod.Hourly, "Pacific/Auckland", groupBy: "unanswered", filter: """
            [{"name":"call_time","op":"gte","val":"00:00:00 04/03/2016"},{"name":"call_time","op":"lte","val":"23:00:00 04/03/2016"},
             {"name":"call_direction","op":"in","val":["inbound","outbound"]}]
            """);
        Assert.Equal("""
            {"data":{"08:00:00 04/03/2016":{"total":6,"groups":{"0":{"total":6,"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}}},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":19.0}}}}
            """, CallStatisticJson.Statistics(rows));
    }

    [Fact]
    public void Periods_hold_their_groups_and_the_whole_periods_figures()
    {
        using var calls = new CallTestStore(
            Call("a", "2016-03-04T08:00:00Z", 5, unanswered: true), Call("b", "2016-03-04T08:10:00Z", 79),
            Call("c", "2016-03-04T08:20:00Z", 6, unanswered: true), Call("d", "2016-03-04T08:59:59Z", 7),
            Call("e", "2016-03-04T10:00:00Z", 3));
        var grouped = calls.Statistics(CallPeriod.Hourly, groupBy: "unanswered", includeEmpty: true);
        Assert.Equal("""
            {"data":{"08:00:00 04/03/2016":{"total":4,"groups":{"0":{"total":2,"duration_seconds":{"max":79,"min":7,"median":43.0,"mean":43.0}},"1":{"total":2,"duration_seconds":{"max":6,"min":5,"median":5.5,"mean":5.5}}},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":24.25}},"10:00:00 04/03/2016":{"total":1,"groups":{"0":{"total":1,"duration_seconds":{"max":3,"min":3,"median":3.0,"mean":3.0}}},"duration_seconds":{"max":3,"min":3,"median":3.0,"mean":3.0}}}}
            """, CallStatisticJson.Statistics(grouped));
        // Without grouping "groups" is empty; empty periods (here from -IncludeEmpty) are omitted either way.
        Assert.Equal("""
            {"data":{"08:00:00 04/03/2016":{"total":4,"groups":{},"duration_seconds":{"max":79,"min":5,"median":6.5,"mean":24.25}},"10:00:00 04/03/2016":{"total":1,"groups":{},"duration_seconds":{"max":3,"min":3,"median":3.0,"mean":3.0}}}}
            """, CallStatisticJson.Statistics(calls.Statistics(CallPeriod.Hourly, includeEmpty: true)));
        // Some groups filtered out: the period is what was given; the median of one group is still known.
        var reporter = new RecordingReporter();
        var answered = grouped.Where(r => r.Group == "0").ToList();
        Assert.Contains("""{"total":2,"groups":{"0":{"total":2,"duration_seconds":{"max":79,"min":7,"median":43.0,"mean":43.0}}},"duration_seconds":{"max":79,"min":7,"median":43.0,"mean":43.0}}""",
            CallStatisticJson.Statistics(answered, reporter: reporter));
        Assert.Empty(reporter.Warnings);
    }

    [Fact]
    public void No_rows_is_an_empty_data_object() => Assert.Equal("""{"data":{}}""", CallStatisticJson.Statistics([]));

    [Fact]
    public void The_repeated_hour_is_written_twice_with_a_warning()
    {
        using var calls = new CallTestStore(Call("x", "2026-04-04T13:30:00Z", 1), Call("y", "2026-04-04T14:30:00Z", 2));
        var reporter = new RecordingReporter();
        var json = CallStatisticJson.Statistics(calls.Statistics(CallPeriod.Hourly, "Pacific/Auckland"), reporter: reporter);
        Assert.Equal(2, json.Split("\"02:00:00 05/04/2026\"").Length - 1);
        Assert.Contains("appears twice", Assert.Single(reporter.Warnings));
    }

    [Fact]
    public void Countries_and_regions_have_the_services_shapes()
    {
        Assert.Equal("""{"data":{"countries":["Ghana","Germany","Aotearoa Māori"]}}""", CallStatisticJson.Countries(["Ghana", "Germany", "Aotearoa Māori"]));
        Assert.Equal("""
            {"data":{"countries":{"New Zealand":{"New Zealand Balclutha":[5023,5024],"New Zealand Riverton":[4723]},"Australia":{"Australia Mobile":[350604,350554]}}}}
            """, CallStatisticJson.Regions([
                new("New Zealand", "New Zealand Balclutha", 5023), new("New Zealand", "New Zealand Balclutha", 5024),
                new("New Zealand", "New Zealand Riverton", 4723), new("Australia", "Australia Mobile", 350604), new("Australia", "Australia Mobile", 350554)]));
        Assert.Equal("""{"data":{"countries":[]}}""", CallStatisticJson.Countries([]));
    }

    [Fact]
    public void Indented_output_is_the_same_json()
    {
        var indented = CallStatisticJson.Countries(["Ghana"], indented: true);
        Assert.Contains("\n", indented);
        Assert.Equal(CallStatisticJson.Countries(["Ghana"]), System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(indented).RootElement));
    }

    [Theory]
    [InlineData(19.0, "19.0")]
    [InlineData(6.5, "6.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(24.25, "24.25")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(0.00001, "1e-05")]
    public void Floats_are_written_as_python_writes_them(double value, string text) => Assert.Equal(text, CallStatisticJson.PythonFloat(value));
}
