using SupportTools.Tickets;

namespace SupportTools.Tests;

/// <summary>Generated activity is in time order across tickets, and its ids do not collide between generations.</summary>
public sealed class GeneratorOrderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), End = Start.AddDays(3);
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(3000, 3)]
    [InlineData(20_000, 60)] // long enough for finished tickets' storage to be reused
    public void Activities_are_in_time_order_across_interleaved_tickets(int ticketCount, int days)
    {
        var generator = new TicketActivityGenerator(5, Start, Start.AddDays(days));
        var activities = generator.Generate(ticketCount).ToList();
        for (var i = 1; i < activities.Count; i++)
        {
            var (previous, current) = (activities[i - 1], activities[i]);
            Assert.True(previous.PerformedAt <= current.PerformedAt, $"activity {i} is earlier than the one before it");
            // Ties between tickets: the earlier-created ticket (lower id) first.
            if (previous.PerformedAt == current.PerformedAt) Assert.True(previous.TicketId <= current.TicketId, $"tie at {i} out of creation order");
        }

        // Interleaved: far more runs of consecutive same-ticket activities than tickets.
        var runs = 1 + activities.Zip(activities.Skip(1)).Count(p => p.First.TicketId != p.Second.TicketId);
        Assert.Equal(ticketCount, activities.Select(a => a.TicketId).Distinct().Count());
        Assert.True(runs > 2 * ticketCount, $"{runs} runs for {ticketCount} tickets: tickets are not interleaved");
        Assert.All(activities.Where(a => a.Status is not null), a => Assert.Contains(a.Status, new[]
            { "Open", "Pending", "Resolved", "Closed", "Waiting on Customer", "Waiting on Third Party" }));

        // Each ticket still starts with its creation, and ticket ids follow creation order.
        var firsts = activities.GroupBy(a => a.TicketId).Select(g => g.First()).ToList();
        Assert.All(firsts, a => Assert.StartsWith("new_ticket", a.Changes));
        Assert.Equal(firsts.OrderBy(a => a.TicketId).Select(a => a.TicketId), firsts.Select(a => a.TicketId));
        Assert.Equal(Enumerable.Range(0, ticketCount).Select(k => generator.FirstTicketId + k), firsts.Select(a => a.TicketId));
    }

    [Fact]
    public void Nothing_falls_after_the_window_and_late_tickets_are_cut()
    {
        // A busy hour: many tickets are created in its last minutes, so their next activities (routing included) fall after it.
        var start = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.FromHours(1));
        var end = start.AddHours(1);
        var activities = new TicketActivityGenerator(11, start, end).Generate(20_000).ToList();
        Assert.All(activities, a => Assert.InRange(a.PerformedAt, start, end));
        Assert.Equal(20_000, activities.Select(a => a.TicketId).Distinct().Count());
        var onlyCreated = activities.GroupBy(a => a.TicketId).Count(g => g.Count() == 1);
        Assert.InRange(onlyCreated, 1, 10_000); // the latest tickets, cut before their next step; most got further
    }

    [Fact]
    public void Sparse_tickets_over_years_all_come_out_in_time_order()
    {
        // Months between tickets: the merge skips long empty stretches and schedules tickets far ahead of the last one.
        var activities = new TicketActivityGenerator(3, Start, Start.AddDays(5 * 365)).Generate(40).ToList();
        Assert.Equal(40, activities.Select(a => a.TicketId).Distinct().Count());
        Assert.Equal(activities.OrderBy(a => a.PerformedAt), activities);
        Assert.Equal(activities.Count, activities.Select(a => (a.TicketId, a.PerformedAt, a.Activity)).Distinct().Count());
    }

    [Fact]
    public void The_file_is_in_time_order_and_the_same_seed_gives_the_same_bytes()
    {
        var a = _files.PathOf("a.json");
        var b = _files.PathOf("b.json");
        var summary = new TicketActivityGenerator(9, Start, End).WriteFile(a, 1500);
        new TicketActivityGenerator(9, Start, End).WriteFile(b, 1500);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(1500, summary.Tickets);

        using var reader = new TicketActivityFileReader(a);
        var previous = DateTimeOffset.MinValue;
        long lastTicket = 0, switches = 0, count = 0;
        while (reader.Read())
        {
            var activity = reader.ToActivity();
            Assert.True(activity.PerformedAt >= previous, $"row {count + 1} is earlier than the one before it");
            if (activity.TicketId != lastTicket) switches++;
            (previous, lastTicket) = (activity.PerformedAt, activity.TicketId);
            count++;
        }
        Assert.Equal(summary.Activities, count);
        Assert.True(switches > 2 * 1500, "tickets are not interleaved in the file");
    }

    [Fact]
    public void Ids_are_the_same_for_the_same_seed_and_window_and_disjoint_otherwise()
    {
        static (HashSet<long> Tickets, HashSet<long> Notes) Ids(int seed, DateTimeOffset start, DateTimeOffset end)
        {
            var activities = new TicketActivityGenerator(seed, start, end).Generate(400).ToList();
            return (activities.Select(a => a.TicketId).ToHashSet(), activities.Where(a => a.NoteId is not null).Select(a => a.NoteId!.Value).ToHashSet());
        }

        var first = Ids(1, Start, End);
        var again = Ids(1, Start, End);
        Assert.True(first.Tickets.SetEquals(again.Tickets));
        Assert.True(first.Notes.SetEquals(again.Notes));
        Assert.Equal(400, first.Tickets.Count);

        // Another seed, a moved window (what the cmdlet's default window does), another offset for the same instants.
        var others = new[]
        {
            Ids(2, Start, End),
            Ids(1, Start.AddMinutes(1), End.AddMinutes(1)),
            Ids(1, Start, End.AddSeconds(1)),
            Ids(1, Start.ToOffset(TimeSpan.FromHours(2)), End),
        };
        foreach (var other in others)
        {
            Assert.False(first.Tickets.Overlaps(other.Tickets), "ticket ids collide");
            Assert.False(first.Notes.Overlaps(other.Notes), "note ids collide");
        }
        Assert.All(others.Prepend(first).SelectMany(o => o.Tickets.Concat(o.Notes)), id => Assert.InRange(id, 1_000_000, 999_999_999_999));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    public void Id_bases_stay_in_range_for_any_seed(int seed)
    {
        var generator = new TicketActivityGenerator(seed, Start, End);
        Assert.InRange(generator.FirstTicketId, 1_000_000, 999_999_999_999 - int.MaxValue);
        Assert.InRange(generator.FirstNoteId, 1_000_000, 999_999_999_999 - 64L * int.MaxValue);
    }
}
