using System.Diagnostics;
using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>Reads an export without storing it: the parser's share of import time.</summary>
internal static class ParseProbe
{
    public static int Run(BenchOptions options)
    {
        using var scratch = new ScratchFolder();
        var file = scratch.File("parse.json");
        TicketPipelineBench.WriteExport(file, options.Activities);
        var clock = Stopwatch.StartNew();
        long count = 0;
        using (var reader = new TicketActivityFileReader(file))
        {
            while (reader.Read()) { }
            count = reader.Count;
        }
        Console.WriteLine($"| parse only | {count:N0} activities | {clock.Elapsed.TotalSeconds:N2} s | {count / clock.Elapsed.TotalSeconds:N0} /s |");
        return 0;
    }
}
