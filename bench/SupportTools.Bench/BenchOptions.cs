namespace SupportTools.Bench;

/// <summary>Command-line options shared by the benchmarks.</summary>
internal sealed record BenchOptions(long Activities, int Tickets, string Folder)
{
    public static BenchOptions Parse(string[] args)
    {
        long activities = 1_000_000;
        var tickets = 10_000;
        var folder = Path.Combine(Path.GetTempPath(), "supporttools-bench");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--activities": activities = long.Parse(args[i + 1]); break;
                case "--tickets": tickets = int.Parse(args[i + 1]); break;
                case "--folder": folder = args[i + 1]; break;
            }
        }
        Directory.CreateDirectory(folder);
        return new BenchOptions(activities, tickets, folder);
    }
}
