using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>The CDR generator: reproducible, time-ordered, and shaped like a contact centre's calls.</summary>
public sealed class CallGeneratorTests
{
    private static readonly List<CallRecord> Calls = new CallRecordGenerator(7, callsPerDay: 20_000, customers: 2_000).Calls(20_000).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_calls_and_another_seed_others()
    {
        static string Text(ulong seed) => string.Join("\n", new CallRecordGenerator(seed, 20_000, 2_000).Calls(200)
            .Select(c => $"{c.CallId},{c.CallTime:O},{c.CallerIdNumber},{c.CalleeIdNumber},{c.DurationSeconds},{c.HangupCause}"));
        Assert.Equal(Text(7), Text(7));
        Assert.NotEqual(Text(7), Text(8));
    }

    [Fact]
    public void Calls_come_in_time_order_with_unique_uuid_call_ids()
    {
        Assert.True(Calls.Zip(Calls.Skip(1)).All(p => p.First.CallTime <= p.Second.CallTime));
        Assert.Equal(Calls.Count, Calls.Select(c => c.CallId).Distinct().Count());
        Assert.All(Calls.Take(50), c => Assert.True(Guid.TryParseExact(c.CallId, "D", out _)));
    }

    [Fact]
    public void About_a_quarter_go_unanswered_and_unanswered_derives_back_from_the_cdr()
    {
        var share = Calls.Count(c => c.Unanswered) / (double)Calls.Count;
        Assert.InRange(share, 0.2, 0.3);
        Assert.All(Calls, c => Assert.Equal(c.Unanswered, CallOutcome.IsUnanswered(c.BillingSeconds, c.HangupCause)));
        Assert.All(Calls, c => Assert.Equal(c.DurationSeconds, c.RingingSeconds + c.BillingSeconds));
    }

    [Fact]
    public void Most_calls_are_inbound_and_talk_times_have_a_long_tail()
    {
        Assert.InRange(Calls.Count(c => c.CallDirection == "inbound") / (double)Calls.Count, 0.6, 0.7);
        var talk = Calls.Where(c => !c.Unanswered).Select(c => (double)c.BillingSeconds).Order().ToList();
        var median = talk[talk.Count / 2];
        Assert.InRange(median, 60, 120);
        Assert.True(talk.Average() > median * 1.3, "mean well above the median: a long tail");
        Assert.True(talk[^1] > 20 * median);
    }

    [Fact]
    public void The_day_has_busy_hours_and_quiet_nights_in_auckland()
    {
        var byHour = Calls.GroupBy(c => c.CallTime.ToOffset(TimeSpan.FromHours(13)).Hour).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byHour.GetValueOrDefault(10) > 10 * byHour.GetValueOrDefault(3));
    }

    [Fact]
    public void Customers_call_from_four_countries_landlines_and_mobiles_all_valid_for_the_geocoder()
    {
        var zones = new CallZoneResolver(null);
        foreach (var number in Calls.Select(c => c.CallDirection == "inbound" ? c.CallerIdNumber : c.CalleeIdNumber).Distinct())
            Assert.NotNull(zones.ZoneOf(System.Text.Encoding.UTF8.GetBytes(number!)));
        var regions = zones.Geocoded.Values.ToList();
        Assert.Equal(["Australia", "New Zealand", "United Kingdom", "United States"], regions.Select(z => z.Country).Distinct().Order());
        foreach (var country in new[] { "Australia", "New Zealand", "United Kingdom" })
        {
            Assert.Contains(regions, z => z.Region == $"{country} Mobile");
            Assert.Contains(regions, z => z.Country == country && z.Region != $"{country} Mobile");
        }
    }

    [Fact]
    public void Every_file_format_imports_as_the_calls_generated()
    {
        using var files = new TestFiles();
        foreach (var format in Enum.GetValues<CallFileFormat>())
        {
            var path = files.PathOf($"calls.{format}");
            using (var writer = CallRecordWriter.Create(path, format))
            {
                foreach (var call in Calls.Take(300)) writer.Write(call);
                writer.Complete();
            }
            var db = files.PathOf($"{format}.db");
            using var store = CallStore.Open(db);
            Assert.Equal(300L, store.ImportFile(path).Inserted);
            var stored = Sql.Scalar(db, "SELECT group_concat(call_id || call_time || unanswered || duration_seconds || hangup_cause || caller_id_name, ';') FROM (SELECT * FROM call_records ORDER BY rowid)");
            var expected = string.Join(';', Calls.Take(300).OrderBy(c => c.CallTime).ThenBy(c => CallKey.Of(c.CallId))
                .Select(c => $"{c.CallId}{c.CallTime.ToUnixTimeSeconds()}{(c.Unanswered ? 1 : 0)}{c.DurationSeconds}{c.HangupCause}{c.CallerIdName}"));
            Assert.Equal(expected, stored);
        }
    }
}
