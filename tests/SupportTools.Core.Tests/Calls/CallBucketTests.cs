using SupportTools.Calls;
using static SupportTools.Tests.Calls.CallTestStore;

namespace SupportTools.Tests.Calls;

/// <summary>Calendar buckets in a zone across daylight-saving changes (New Zealand and the US, 2026), weeks from Monday, months.</summary>
public sealed class CallBucketTests
{
    private static long Unix(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();

    private static (DateTimeOffset Period, string Label, long Length) Bucket(CallPeriod period, string zone, string instant)
    {
        var buckets = new CallBuckets(period, CallTimeZone.Resolve(zone).Zone);
        var start = buckets.BucketOf(Unix(instant), out var offset);
        var next = buckets.Next(start, out _);
        return (CallBuckets.PeriodOf(start, offset), CallBuckets.LabelOf(start, offset), next - start);
    }

    [Theory]
    // New Zealand, 5 April 2026: 03:00 NZDT (+13) falls back to 02:00 NZST (+12); 02:xx happens twice.
    [InlineData("Pacific/Auckland", "2026-04-04T13:30:00Z", "2026-04-05T02:00:00+13:00", "02:00:00 05/04/2026")]
    [InlineData("Pacific/Auckland", "2026-04-04T14:30:00Z", "2026-04-05T02:00:00+12:00", "02:00:00 05/04/2026")]
    // New Zealand, 27 September 2026: 02:00 NZST jumps to 03:00 NZDT; there is no 02:00 bucket.
    [InlineData("Pacific/Auckland", "2026-09-26T13:59:59Z", "2026-09-27T01:00:00+12:00", "01:00:00 27/09/2026")]
    [InlineData("Pacific/Auckland", "2026-09-26T14:00:00Z", "2026-09-27T03:00:00+13:00", "03:00:00 27/09/2026")]
    // US Eastern, 1 November 2026: 02:00 EDT (-4) falls back to 01:00 EST (-5); 01:xx happens twice.
    [InlineData("America/New_York", "2026-11-01T05:30:00Z", "2026-11-01T01:00:00-04:00", "01:00:00 01/11/2026")]
    [InlineData("America/New_York", "2026-11-01T06:30:00Z", "2026-11-01T01:00:00-05:00", "01:00:00 01/11/2026")]
    // US Eastern, 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    [InlineData("America/New_York", "2026-03-08T07:00:00Z", "2026-03-08T03:00:00-04:00", "03:00:00 08/03/2026")]
    // Zones a fraction of an hour from UTC bucket by their own clock hours.
    [InlineData("Asia/Kathmandu", "2026-01-01T00:20:00Z", "2026-01-01T06:00:00+05:45", "06:00:00 01/01/2026")]
    public void Hours_are_local_clock_hours_with_the_offset_in_force(string zone, string instant, string period, string label)
    {
        var bucket = Bucket(CallPeriod.Hourly, zone, instant);
        Assert.Equal(DateTimeOffset.Parse(period), bucket.Period);
        Assert.Equal(DateTimeOffset.Parse(period).Offset, bucket.Period.Offset);
        Assert.Equal(label, bucket.Label);
        Assert.Equal(3600, bucket.Length);
    }

    [Theory]
    [InlineData("Pacific/Auckland", "2026-04-05T11:59:59Z", "2026-04-05T00:00:00+13:00", 25)] // the fall-back day: 25 hours
    [InlineData("Pacific/Auckland", "2026-04-04T11:00:00Z", "2026-04-05T00:00:00+13:00", 25)]
    [InlineData("Pacific/Auckland", "2026-09-27T10:00:00Z", "2026-09-27T00:00:00+12:00", 23)] // the spring-forward day: 23 hours
    [InlineData("America/New_York", "2026-03-08T12:00:00Z", "2026-03-08T00:00:00-05:00", 23)]
    [InlineData("America/New_York", "2026-11-01T12:00:00Z", "2026-11-01T00:00:00-04:00", 25)]
    [InlineData("UTC", "2026-11-01T12:00:00Z", "2026-11-01T00:00:00Z", 24)]
    public void Days_run_midnight_to_midnight_however_long(string zone, string instant, string period, int hours)
    {
        var bucket = Bucket(CallPeriod.Daily, zone, instant);
        Assert.Equal(DateTimeOffset.Parse(period), bucket.Period);
        Assert.Equal(DateTimeOffset.Parse(period).Offset, bucket.Period.Offset);
        Assert.Equal("00:00:00 " + DateTimeOffset.Parse(period).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), bucket.Label);
        Assert.Equal(hours * 3600L, bucket.Length);
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_starts_at_its_first_instant()
    {
        // Santiago, 6 September 2026: 00:00 (-4) jumps to 01:00 (-3), so the day starts at 01:00.
        var bucket = Bucket(CallPeriod.Daily, "America/Santiago", "2026-09-06T12:00:00Z");
        Assert.Equal(DateTimeOffset.Parse("2026-09-06T01:00:00-03:00"), bucket.Period);
        Assert.Equal("01:00:00 06/09/2026", bucket.Label);
        Assert.Equal(23 * 3600L, bucket.Length);
    }

    [Theory]
    [InlineData("2026-03-08T16:00:00Z", "2026-03-02T00:00:00-05:00", 7 * 24 - 1)] // Sunday 8 March: the week from Monday 2 March, an hour short
    [InlineData("2026-03-09T05:00:00Z", "2026-03-09T00:00:00-04:00", 7 * 24)]     // Monday 00:00 EDT starts a week
    [InlineData("2026-03-09T03:59:59Z", "2026-03-02T00:00:00-05:00", 7 * 24 - 1)] // Sunday 23:59:59 EDT is still the week before
    public void Weeks_start_on_monday(string instant, string period, int hours)
    {
        var bucket = Bucket(CallPeriod.Weekly, "America/New_York", instant);
        Assert.Equal(DateTimeOffset.Parse(period), bucket.Period);
        Assert.Equal(hours * 3600L, bucket.Length);
        Assert.Equal(DayOfWeek.Monday, bucket.Period.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-03-31T10:59:59Z", "2026-03-01T00:00:00+13:00", 31 * 24)]      // 23:59:59 on 31 March NZDT
    [InlineData("2026-03-31T11:00:00Z", "2026-04-01T00:00:00+13:00", 30 * 24 + 1)] // April holds the fall-back hour
    [InlineData("2026-02-10T00:00:00Z", "2026-02-01T00:00:00+13:00", 28 * 24)]
    public void Months_are_calendar_months(string instant, string period, int hours)
    {
        var bucket = Bucket(CallPeriod.Monthly, "Pacific/Auckland", instant);
        Assert.Equal(DateTimeOffset.Parse(period), bucket.Period);
        Assert.Equal(hours * 3600L, bucket.Length);
    }

    [Fact]
    public void The_repeated_hour_gives_two_rows_and_the_skipped_hour_none()
    {
        using var calls = new CallTestStore(
            Call("1", "2026-04-04T12:59:00Z", 10), // 01:59 NZDT
            Call("2", "2026-04-04T13:30:00Z", 20), // 02:30 NZDT
            Call("3", "2026-04-04T14:30:00Z", 30), // 02:30 NZST, an hour later
            Call("4", "2026-04-04T15:00:00Z", 40), // 03:00 NZST
            Call("5", "2026-09-26T13:30:00Z", 50), // 01:30 NZST on 27 September
            Call("6", "2026-09-26T14:30:00Z", 60)); // 03:30 NZDT: 02:00-03:00 never happened
        var rows = calls.Statistics(CallPeriod.Hourly, "Pacific/Auckland", includeEmpty: true);
        var april = rows.Where(r => r.PeriodLabel.EndsWith("05/04/2026") && r.Period.Hour < 5)
            .Select(r => (r.Period.ToString("yyyy-MM-dd HH:mm zzz"), r.PeriodLabel, r.Total)).ToList();
        // The range starts at the first call's hour (01:00), the filter having no call_time bounds.
        Assert.Equal([
            ("2026-04-05 01:00 +13:00", "01:00:00 05/04/2026", 1L),
            ("2026-04-05 02:00 +13:00", "02:00:00 05/04/2026", 1L),
            ("2026-04-05 02:00 +12:00", "02:00:00 05/04/2026", 1L),
            ("2026-04-05 03:00 +12:00", "03:00:00 05/04/2026", 1L),
            ("2026-04-05 04:00 +12:00", "04:00:00 05/04/2026", 0L)], april);
        // Even with -IncludeEmpty there is no row for 02:00 on 27 September: that hour never happened.
        var september = rows.Where(r => r.PeriodLabel.EndsWith("27/09/2026") && r.Period.Hour < 5).Select(r => (r.PeriodLabel[..2], r.Total)).ToList();
        Assert.Equal([("00", 0L), ("01", 1L), ("03", 1L)], september); // 03:30 NZDT is the last call
        Assert.Equal(6, rows.Sum(r => r.Total));
    }

    [Fact]
    public void Daily_rows_follow_the_zone()
    {
        using var calls = new CallTestStore(
            Call("1", "2026-04-04T10:59:59Z", 10), // 23:59:59 NZDT on 4 April
            Call("2", "2026-04-04T11:00:00Z", 20), // 00:00 NZDT on 5 April
            Call("3", "2026-04-05T11:59:59Z", 30), // 23:59:59 NZST on 5 April, 25 hours later
            Call("4", "2026-04-05T12:00:00Z", 40)); // 00:00 NZST on 6 April
        var rows = calls.Statistics(CallPeriod.Daily, "Pacific/Auckland");
        Assert.Equal([("04/04/2026", 1L), ("05/04/2026", 2L), ("06/04/2026", 1L)], rows.Select(r => (r.PeriodLabel[9..], r.Total)).ToList());
        Assert.Equal([13, 13, 12], rows.Select(r => r.Period.Offset.Hours).ToList());
        // In UTC (the default) the same calls fall on two days.
        Assert.Equal([("00:00:00 04/04/2026", 2L), ("00:00:00 05/04/2026", 2L)], calls.Statistics(CallPeriod.Daily).Select(r => (r.PeriodLabel, r.Total)).ToList());
    }
}
