using System.Security.Cryptography;
using System.Text.Json;
using SupportTools.Tickets;

namespace SupportTools.Tests;

/// <summary>Writer format, reproducibility, and the generated desk's realism (bands, not exact numbers).</summary>
public sealed class GeneratorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), End = Start.AddDays(1);
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    public void Writer_output_is_the_export_format_with_patched_metadata(int count)
    {
        var path = _files.PathOf($"w{count}.json");
        using (var writer = TicketActivityWriter.Create(path))
        {
            for (var i = 0; i < count; i++)
                writer.Write(TicketActivityJson.Create(i % 7, Start.AddMinutes(i), i % 2 == 0 ? "user" : "system", i % 2 == 0 ? i : null, """{"status":"Open"}"""));
            writer.Complete();
            Assert.Equal(Math.Min(count, 7), writer.TicketCount);
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var metadata = doc.RootElement.GetProperty("metadata");
        Assert.Equal(count, metadata.GetProperty("activities_count").GetInt64());
        var data = doc.RootElement.GetProperty("activities_data");
        Assert.Equal(count, data.GetArrayLength());
        if (count == 0) return;
        Assert.Equal(FreshdeskTime.ToString(Start), metadata.GetProperty("start_at").GetString());
        Assert.Equal(FreshdeskTime.ToString(Start.AddMinutes(count - 1)), metadata.GetProperty("end_at").GetString());
        var first = data[0];
        Assert.Equal("04-03-2024 00:00:00 +0000", first.GetProperty("performed_at").GetString());
        Assert.Equal(0, first.GetProperty("ticket_id").GetInt64());
        Assert.Equal("Open", first.GetProperty("activity").GetProperty("status").GetString());
        if (count > 1) Assert.False(data[1].TryGetProperty("performer_id", out _)); // system rows have none
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_objects_match_the_file()
    {
        var a = _files.PathOf("a.json");
        var b = _files.PathOf("b.json");
        var c = _files.PathOf("c.json");
        var summary = new TicketActivityGenerator(7, Start, End).WriteFile(a, 300);
        new TicketActivityGenerator(7, Start, End).WriteFile(b, 300);
        new TicketActivityGenerator(8, Start, End).WriteFile(c, 300);
        Assert.Equal(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
        Assert.Equal(300, summary.Tickets);

        var objects = new TicketActivityGenerator(7, Start, End).Generate(300).ToList();
        Assert.Equal(summary.Activities, objects.Count);
        using var reader = new TicketActivityFileReader(a);
        var i = 0;
        while (reader.Read()) Assert.True(reader.ToActivity().SameAs(objects[i++]), $"activity {i} differs");
        Assert.Equal(objects.Count, i);
    }

    [Fact]
    public void Generated_tickets_are_plausible()
    {
        var activities = new TicketActivityGenerator(42, Start, End).Generate(2000).ToList();
        var tickets = activities.GroupBy(a => a.TicketId).ToList();
        Assert.Equal(2000, tickets.Count);
        Assert.All(activities, a => Assert.InRange(a.PerformedAt, Start, End));
        Assert.All(tickets, t => Assert.StartsWith("new_ticket", t.First().Changes));
        Assert.All(tickets, t => Assert.Equal(t.OrderBy(a => a.PerformedAt), t)); // each ticket in time order
        Assert.All(activities.Where(a => a.Status is not null), a => Assert.Contains(a.Status, new[]
            { "Open", "Pending", "Resolved", "Closed", "Waiting on Customer", "Waiting on Third Party" }));

        var perTicket = activities.Count / 2000.0;
        Assert.InRange(perTicket, 3.5, 12);
        var durations = TicketDurationCalculator.FromUnordered(activities.Select(TicketEvent.From), End);
        var stillOpen = durations.Count(d => d.Status is not ("Resolved" or "Closed")) / 2000.0;
        Assert.InRange(stillOpen, 0.2, 0.8);
        Assert.InRange(durations.Count(d => d.Reopens > 0) / 2000.0, 0.003, 0.15);
        var responses = durations.Where(d => d.TimeToFirstResponse is not null).Select(d => d.TimeToFirstResponse!.Value.TotalMinutes).Order().ToList();
        Assert.True(responses.Count > 1000);
        Assert.InRange(responses[responses.Count / 2], 10, 240); // median: minutes to hours
        Assert.True(responses[responses.Count * 9 / 10] > 2 * responses[responses.Count / 2], "first responses should have a long tail");

        // Agent workload is skewed: the busiest 10% of agents do well over 10% of agent activity.
        var byAgent = activities.Where(a => a.PerformerType == "user" && a.PerformerId < 100_000).GroupBy(a => a.PerformerId)
            .Select(g => g.Count()).OrderDescending().ToList();
        var top = byAgent.Take(Math.Max(1, byAgent.Count / 10)).Sum() / (double)byAgent.Sum();
        Assert.InRange(top, 0.2, 0.7);

        // Creation follows business hours: about 70% of a weekday's tickets between 08:00 and 18:00 (42% of the day).
        var created = tickets.Select(t => t.First().PerformedAt).ToList();
        Assert.InRange(created.Count(t => t.Hour is >= 8 and < 18) / 2000.0, 0.6, 0.8);
    }

    [Fact]
    public void Activities_stay_inside_a_window_in_another_offset()
    {
        var start = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));
        var activities = new TicketActivityGenerator(1, start, start.AddHours(6)).Generate(100).ToList();
        Assert.All(activities, a => Assert.Equal(TimeSpan.FromHours(2), a.PerformedAt.Offset));
        Assert.All(activities, a => Assert.InRange(a.PerformedAt, start, start.AddHours(6)));
    }
}
