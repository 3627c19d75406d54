using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>Prints the generated desk's characteristics as a Markdown table (for the README).</summary>
internal static class RealismReport
{
    public static int Run(BenchOptions options)
    {
        var start = new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(1);
        var activities = new TicketActivityGenerator(7, start, end).Generate(options.Tickets).ToList();
        var perTicket = activities.GroupBy(a => a.TicketId).Select(g => (double)g.Count()).Order().ToList();
        var durations = TicketDurationCalculator.FromUnordered(activities.Select(TicketEvent.From), end);
        var responses = durations.Where(d => d.TimeToFirstResponse is not null)
            .Select(d => d.TimeToFirstResponse!.Value.TotalMinutes).Order().ToList();
        var agentLoad = activities.Where(a => a.PerformerType == "user" && a.PerformerId is < 100_000)
            .GroupBy(a => a.PerformerId).Select(g => g.Count()).OrderDescending().ToList();
        var topTenth = agentLoad.Take(Math.Max(1, agentLoad.Count / 10)).Sum() / (double)agentLoad.Sum();
        var creations = activities.Where(a => a.Changes.StartsWith("new_ticket", StringComparison.Ordinal)).ToList();

        Console.WriteLine($"Generated: {options.Tickets:N0} tickets, seed 7, window {start:yyyy-MM-dd HH:mm} to {end:yyyy-MM-dd HH:mm} UTC (a Monday).");
        Console.WriteLine();
        Console.WriteLine("| characteristic | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| activities | {activities.Count:N0} |");
        Console.WriteLine($"| activities per ticket: mean / median / p90 / max | {perTicket.Average():N1} / {Quantile(perTicket, 0.5):N0} / {Quantile(perTicket, 0.9):N0} / {perTicket[^1]:N0} |");
        Console.WriteLine($"| still open at window end (not Resolved/Closed) | {Share(durations.Count(d => d.Status is not ("Resolved" or "Closed")), durations.Count)} |");
        Console.WriteLine($"| resolved within the window | {Share(durations.Count(d => d.TimeToResolution is not null), durations.Count)} |");
        Console.WriteLine($"| reopened at least once | {Share(durations.Count(d => d.Reopens > 0), durations.Count)} |");
        Console.WriteLine($"| first response: share answered / median / p90 (minutes) | {Share(responses.Count, durations.Count)} / {Quantile(responses, 0.5):N0} / {Quantile(responses, 0.9):N0} |");
        Console.WriteLine($"| agents / share of agent activity by the busiest 10% | {agentLoad.Count} / {topTenth:P0} |");
        Console.WriteLine($"| tickets created 08:00-18:00 | {Share(creations.Count(a => a.PerformedAt.Hour is >= 8 and < 18), creations.Count)} |");
        Console.WriteLine($"| priority Low / Medium / High / Urgent | {Distribution(creations, "priority", "Low", "Medium", "High", "Urgent")} |");
        Console.WriteLine($"| source Email / Portal / Phone / Chat / Feedback Widget | {Distribution(creations, "source", "Email", "Portal", "Phone", "Chat", "Feedback Widget")} |");
        Console.WriteLine($"| private notes / customer-visible notes | {Share(activities.Count(a => a.NoteType == 3), activities.Count(a => a.NoteType is not null))} / {Share(activities.Count(a => a.NoteType is not null and not 3), activities.Count(a => a.NoteType is not null))} of notes |");
        Console.WriteLine($"| activities by automation/system | {Share(activities.Count(a => a.IsSystemActor), activities.Count)} |");
        return 0;
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : $"{(double)part / whole:P1}";

    private static string Distribution(List<TicketActivity> creations, string key, params string[] values) =>
        string.Join(" / ", values.Select(v => $"{creations.Count(a => a.Activity.Contains($"\"{key}\":\"{v}\"", StringComparison.Ordinal)) / (double)creations.Count:P0}"));
}
