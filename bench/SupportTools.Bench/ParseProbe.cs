using System.Diagnostics;
using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>Reads an export without storing it: the parser's share of import time.</summary>
internal static class ParseProbe
{
    public static int Run(BenchOptions options)
    {
        var file = Path.Combine(options.Folder, $"bench-{options.Activities}.json");
        var clock = Stopwatch.StartNew();
        using var reader = new TicketActivityFileReader(file);
        while (reader.Read()) { }
        Console.WriteLine($"| parse only           | {reader.Count,12:N0} activities | {clock.Elapsed.TotalSeconds,7:N2} s | {reader.Count / clock.Elapsed.TotalSeconds,12:N0} /s |");
        return 0;
    }
}
