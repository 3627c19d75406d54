using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SupportTools.TestServer;
using SupportTools.TestServer.Freshdesk;

namespace SupportTools.Tests.Tickets.Freshdesk;

/// <summary>The freshdesk mock itself: realistic, reproducible export files, and the scenario's options.</summary>
public sealed class FreshdeskMockTests
{
    private static readonly DateOnly Dec1 = new(2026, 12, 1);

    private static JsonElement Export(FreshdeskMock mock, DateOnly day, int index) => JsonDocument.Parse(mock.FileContent(day, index)).RootElement;

    private static DateTimeOffset Time(JsonElement value) =>
        DateTimeOffset.ParseExact(value.GetString()!, "dd-MM-yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);

    [Fact]
    public void A_file_is_the_same_bytes_for_the_same_seed_day_and_file_and_ids_do_not_repeat_across_files()
    {
        var mock = new FreshdeskMock(new FreshdeskMockOptions { Seed = 4, FilesPerDay = 2 });
        Assert.Equal(mock.FileContent(Dec1, 1), new FreshdeskMock(new FreshdeskMockOptions { Seed = 4, FilesPerDay = 2 }).FileContent(Dec1, 1));
        Assert.NotEqual(mock.FileContent(Dec1, 1), new FreshdeskMock(new FreshdeskMockOptions { Seed = 5, FilesPerDay = 2 }).FileContent(Dec1, 1));

        static HashSet<long> Tickets(JsonElement export) =>
            export.GetProperty("activities_data").EnumerateArray().Select(a => a.GetProperty("ticket_id").GetInt64()).ToHashSet();
        var files = new[] { Export(mock, Dec1, 1), Export(mock, Dec1, 2), Export(mock, Dec1.AddDays(1), 1) };
        Assert.Empty(Tickets(files[0]).Intersect(Tickets(files[1])));
        Assert.Empty(Tickets(files[0]).Intersect(Tickets(files[2])));
    }

    [Fact]
    public void A_file_has_the_export_format_with_its_activities_inside_its_window_in_time_order()
    {
        var export = Export(new FreshdeskMock(new FreshdeskMockOptions { ActivitiesPerFile = 200 }), Dec1, 1);

        var metadata = export.GetProperty("metadata");
        Assert.Equal("30-11-2026 10:00:00 +0000", metadata.GetProperty("start_at").GetString());
        Assert.Equal("01-12-2026 09:59:59 +0000", metadata.GetProperty("end_at").GetString());
        var activities = export.GetProperty("activities_data").EnumerateArray().ToList();
        Assert.Equal(metadata.GetProperty("activities_count").GetInt32(), activities.Count);
        Assert.InRange(activities.Count, 150, 200);
        var times = activities.Select(a => Time(a.GetProperty("performed_at"))).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.InRange(t, Time(metadata.GetProperty("start_at")), Time(metadata.GetProperty("end_at"))));
    }

    [Fact]
    public void Activities_look_like_a_real_desks_sparse_changes()
    {
        var activities = Export(new FreshdeskMock(new FreshdeskMockOptions { ActivitiesPerFile = 400 }), Dec1, 1)
            .GetProperty("activities_data").EnumerateArray().ToList();

        var system = activities.Where(a => a.GetProperty("performer_type").GetString() == "system").ToList();
        Assert.NotEmpty(system);
        Assert.All(system, a => Assert.False(a.TryGetProperty("performer_id", out _)));
        Assert.All(system, a => Assert.True(a.GetProperty("activity").TryGetProperty("automation", out _)));
        var statuses = activities.Select(a => a.GetProperty("activity")).Where(a => a.TryGetProperty("status", out _))
            .Select(a => a.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Open", "Pending", "Waiting on Customer", "Resolved" }, statuses);
        var noteTypes = activities.Select(a => a.GetProperty("activity")).Where(a => a.TryGetProperty("note", out _))
            .Select(a => a.GetProperty("note").GetProperty("type").GetInt32()).ToHashSet();
        Assert.Superset(new HashSet<int> { 0, 3 }, noteTypes);
        Assert.Contains(activities, a => a.GetProperty("activity").TryGetProperty("added_tags", out _));
        Assert.Contains(activities, a => a.GetProperty("activity").TryGetProperty("new_ticket", out _));
        Assert.True(activities.GroupBy(a => a.GetProperty("ticket_id").GetInt64()).Average(g => g.Count()) >= 4, "several activities per ticket");
    }

    [Fact]
    public async Task The_scenario_takes_its_options_from_the_command_line()
    {
        var scenario = new FreshdeskScenario();
        await using var server = await ScenarioRegistry.StartAsync(scenario,
            ["--missing-dates", "2026-12-01", "--api-limit", "1/10s", "--api-key", "K1", "--files-per-day", "3"]);
        using var http = new HttpClient();
        HttpRequestMessage Listing(string day) => new(HttpMethod.Get, new Uri(server.BaseUri, "/api/v2/export/ticket_activities?created_at=" + day))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("K1:X"))) },
        };

        using var missing = await http.SendAsync(Listing("2026-12-01"));
        using var limited = await http.SendAsync(Listing("2026-12-02"));

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("1", missing.Headers.GetValues("X-Ratelimit-Total").Single());
        Assert.Equal("0", missing.Headers.GetValues("X-Ratelimit-Remaining").Single());
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 10);
        Assert.Equal(2, scenario.Mock!.Listings);
    }

    [Theory]
    [InlineData("--missing-dates", "12/01/2026")]
    [InlineData("--api-limit", "fast")]
    [InlineData("--link-lifetime", "soon")]
    public async Task A_malformed_option_is_refused_naming_it(string option, string value)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await ScenarioRegistry.StartAsync(new FreshdeskScenario(), [option, value]));
        Assert.Contains(option, error.Message);
    }
}
