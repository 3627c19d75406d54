using SupportTools.Calls;
using static SupportTools.Tests.Calls.CallTestStore;

namespace SupportTools.Tests.Calls;

/// <summary>Statistics against hand-computed cases: counts, min/max/mean, exact medians, answered calls, groups, empty periods.</summary>
public sealed class CallStatisticsTests : IDisposable
{
    // 08:00-09:00 UTC: durations 5 (unanswered), 79, 6 (unanswered), 7; 10:00-11:00: 3 and 12 (both answered, 12 outbound).
    private readonly CallTestStore _calls = new(
        Call("a", "2016-03-04T08:00:00Z", 5, unanswered: true),
        Call("b", "2016-03-04T08:10:00Z", 79, direction: "outbound"),
        Call("c", "2016-03-04T08:20:00Z", 6, unanswered: true, direction: null),
        Call("d", "2016-03-04T08:59:59Z", 7),
        Call("e", "2016-03-04T10:00:00Z", 3),
        Call("f", "2016-03-04T10:30:00Z", 12, direction: "outbound"));

    public void Dispose() => _calls.Dispose();

    private static object[] Values(CallStatistic r) =>
        [r.PeriodLabel, r.Group ?? "-", r.Total, r.DurationMin!, r.DurationMax!, r.DurationMedian!, r.DurationMean!, r.Answered, r.AnswerSeizureRatio!, r.AverageCallDuration ?? -1.0];

    [Fact]
    public void Each_hour_has_exact_statistics()
    {
        var rows = _calls.Statistics(CallPeriod.Hourly);
        Assert.Equal(2, rows.Count);
        // 5, 6, 7, 79: median (6 + 7) / 2; mean 97 / 4; answered 79 and 7: ratio 0.5, average 43.
        Assert.Equal(["08:00:00 04/03/2016", "-", 4L, 5L, 79L, 6.5, 24.25, 2L, 0.5, 43.0], Values(rows[0]));
        Assert.Equal(["10:00:00 04/03/2016", "-", 2L, 3L, 12L, 7.5, 7.5, 2L, 1.0, 7.5], Values(rows[1]));
        Assert.Equal(DateTimeOffset.Parse("2016-03-04T08:00:00Z"), rows[0].Period);
        Assert.Null(rows[0].PeriodTotal);
    }

    [Fact]
    public void An_odd_count_has_the_middle_value_as_median()
    {
        var day = Assert.Single(_calls.Statistics(CallPeriod.Daily, filter: """[{"name":"call_id","op":"not_in","val":["f"]}]"""));
        // 3, 5, 6, 7, 79
        Assert.Equal(["00:00:00 04/03/2016", "-", 5L, 3L, 79L, 6.0, 20.0, 3L, 0.6, 89.0 / 3], Values(day));
    }

    [Fact]
    public void Groups_by_unanswered_are_0_and_1_with_the_whole_period_kept_for_json()
    {
        var rows = _calls.Statistics(CallPeriod.Hourly, groupBy: "unanswered");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["08:00:00 04/03/2016", "0", 2L, 7L, 79L, 43.0, 43.0, 2L, 1.0, 43.0], Values(rows[0]));
        Assert.Equal(["08:00:00 04/03/2016", "1", 2L, 5L, 6L, 5.5, 5.5, 0L, 0.0, -1.0], Values(rows[1]));
        Assert.Equal(["10:00:00 04/03/2016", "0", 2L, 3L, 12L, 7.5, 7.5, 2L, 1.0, 7.5], Values(rows[2]));
        Assert.Null(rows[1].AverageCallDuration);
        // The period as a whole (for the service's JSON): the median over both groups' calls.
        Assert.Equal(["08:00:00 04/03/2016", "-", 4L, 5L, 79L, 6.5, 24.25, 2L, 0.5, 43.0], Values(rows[0].PeriodTotal!));
        Assert.Same(rows[0].PeriodTotal, rows[1].PeriodTotal);
    }

    [Fact]
    public void Groups_by_direction_include_calls_without_one_as_an_empty_group()
    {
        var rows = _calls.Statistics(CallPeriod.Hourly, groupBy: "call_direction");
        Assert.Equal([("08", ""), ("08", "inbound"), ("08", "outbound"), ("10", "inbound"), ("10", "outbound")],
            rows.Select(r => (r.PeriodLabel[..2], r.Group!)).ToList());
        Assert.Equal([1L, 2L, 1L, 1L, 1L], rows.Select(r => r.Total).ToList());
        Assert.Equal(6.0, rows[0].DurationMedian);
        Assert.Equal(6.0, rows[1].DurationMedian); // 5 and 7
        // Three groups: the period median still comes from all four calls.
        Assert.Equal(6.5, rows[0].PeriodTotal!.DurationMedian);
    }

    [Fact]
    public void Empty_periods_are_left_out_unless_asked_for()
    {
        Assert.DoesNotContain(_calls.Statistics(CallPeriod.Hourly), r => r.PeriodLabel.StartsWith("09"));
        var rows = _calls.Statistics(CallPeriod.Hourly, includeEmpty: true);
        Assert.Equal(["08:00:00 04/03/2016", "09:00:00 04/03/2016", "10:00:00 04/03/2016"], rows.Select(r => r.PeriodLabel).ToList());
        var empty = rows[1];
        Assert.Equal((0L, 0L), (empty.Total, empty.Answered));
        Assert.Null(empty.DurationMin);
        Assert.Null(empty.DurationMax);
        Assert.Null(empty.DurationMedian);
        Assert.Null(empty.DurationMean);
        Assert.Null(empty.AnswerSeizureRatio);
        Assert.Null(empty.AverageCallDuration);
        Assert.Equal(DateTimeOffset.Parse("2016-03-04T09:00:00Z"), empty.Period);
    }

    [Fact]
    public void Empty_periods_fill_the_filters_time_range_for_every_group_seen()
    {
        var rows = _calls.Statistics(CallPeriod.Hourly, groupBy: "unanswered", includeEmpty: true, filter: """
            [{"name":"call_time","op":"gte","val":"07:00:00 04/03/2016"},{"name":"call_time","op":"lt","val":"12:00:00 04/03/2016"}]
            """);
        Assert.Equal(10, rows.Count); // 07, 08, 09, 10, 11 for groups 0 and 1
        Assert.Equal(["07", "07", "08", "08", "09", "09", "10", "10", "11", "11"], rows.Select(r => r.PeriodLabel[..2]).ToList());
        Assert.Equal(["0", "1", "0", "1", "0", "1", "0", "1", "0", "1"], rows.Select(r => r.Group!).ToList());
        Assert.Equal([0L, 0L, 2L, 2L, 0L, 0L, 2L, 0L, 0L, 0L], rows.Select(r => r.Total).ToList());
        // Only the groups that have calls get zero rows.
        var answered = _calls.Statistics(CallPeriod.Hourly, groupBy: "unanswered", includeEmpty: true, filter: """[{"name":"unanswered","op":"eq","val":false}]""");
        Assert.All(answered, r => Assert.Equal("0", r.Group));
        Assert.Equal(3, answered.Count);
    }

    [Fact]
    public void Nothing_matching_gives_no_rows_and_a_bounded_range_gives_zero_rows()
    {
        const string none = """[{"name":"call_id","op":"eq","val":"nobody"}]""";
        Assert.Empty(_calls.Statistics(CallPeriod.Hourly, filter: none));
        Assert.Empty(_calls.Statistics(CallPeriod.Hourly, filter: none, includeEmpty: true));
        var bounded = _calls.Statistics(CallPeriod.Daily, includeEmpty: true, filter: """
            [{"name":"call_id","op":"eq","val":"nobody"},{"name":"call_time","op":"gte","val":"2016-03-01"},{"name":"call_time","op":"lte","val":"2016-03-03"}]
            """);
        Assert.Equal(["00:00:00 01/03/2016", "00:00:00 02/03/2016", "00:00:00 03/03/2016"], bounded.Select(r => r.PeriodLabel).ToList());
        Assert.All(bounded, r => Assert.Equal(0L, r.Total));
    }

    [Fact]
    public void A_runaway_fill_is_refused()
    {
        var error = Assert.Throws<InvalidRequestException>(() => _calls.Statistics(CallPeriod.Hourly, includeEmpty: true,
            filter: """[{"name":"call_time","op":"gte","val":"1900-01-01T00:00:00Z"}]"""));
        Assert.Contains("narrow the call_time filter", error.Message);
    }

    [Fact]
    public void An_unknown_grouping_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => _calls.Statistics(CallPeriod.Hourly, groupBy: "hangup_cause"));
        Assert.Contains("call_direction or unanswered", error.Message);
    }

    [Fact]
    public void Records_carry_the_zone_offset_of_their_moment()
    {
        using var calls = new CallTestStore(Call("x", "2026-04-04T13:30:00Z", 1), Call("y", "2026-04-04T14:30:00Z", 2));
        using var store = calls.Open();
        var records = CallRecords.Read(store, CallFilter.None, CallTimeZone.Resolve("Pacific/Auckland")).ToList();
        Assert.Equal(["2026-04-05T02:30:00.0000000+13:00", "2026-04-05T02:30:00.0000000+12:00"], records.Select(r => r.CallTime.ToString("O")).ToList());
        Assert.Equal(DateTimeOffset.Parse("2026-04-04T13:30:00Z"), records[0].CallTime);
    }

    [Theory]
    [InlineData(CallPeriod.Hourly, null, "Pacific/Auckland")]
    [InlineData(CallPeriod.Hourly, "unanswered", "America/New_York")]
    [InlineData(CallPeriod.Daily, "call_direction", "UTC")]
    [InlineData(CallPeriod.Hourly, "call_direction", "Asia/Kathmandu")]
    public void Split_readers_give_exactly_what_one_reader_gives(CallPeriod period, string? groupBy, string zone)
    {
        // Calls every 7 minutes for four days around the New Zealand fall-back, durations and outcomes varying.
        var start = DateTimeOffset.Parse("2026-04-03T00:00:00Z");
        using var calls = new CallTestStore([.. Enumerable.Range(0, 4 * 24 * 60 / 7).Select(i => Call($"s{i}", start.AddMinutes(7 * i).ToString("O"),
            (i * 37) % 300, unanswered: i % 5 == 0, direction: (i % 3) switch { 0 => "inbound", 1 => "outbound", _ => null }))]);
        var timeZone = CallTimeZone.Resolve(zone);
        var query = new CallStatisticQuery(period, timeZone, CallFilter.Parse("""[{"name":"duration_seconds","op":"gt","val":3}]""", timeZone), groupBy);
        using var store = calls.Open();
        var one = CallStatistics.ComputeInParts(store, query, null, default, long.MaxValue).ToList();
        var split = CallStatistics.ComputeInParts(store, query, null, default, 100).ToList();
        Assert.True(one.Count > 3);
        Assert.Equal(one.Select(Values).Select(v => string.Join("|", v)), split.Select(Values).Select(v => string.Join("|", v)));
        Assert.Equal(one.Select(r => r.Period), split.Select(r => r.Period));
        Assert.Equal(one.Select(r => r.PeriodTotal?.DurationMedian), split.Select(r => r.PeriodTotal?.DurationMedian));
        // Stopping early leaves no reader running (the store can be disposed at once).
        Assert.Single(CallStatistics.ComputeInParts(store, query, null, default, 100).Take(1));
    }
}
