namespace SupportTools.Bench;

/// <summary>Command-line options shared by the benchmarks.</summary>
internal sealed record BenchOptions(long Activities, int Tickets, int Repeat, long? Calls = null, int Rows = 1000, int Rate = 20, string? File = null, string? Database = null)
{
    public static BenchOptions Parse(string[] args)
    {
        long activities = 1_000_000;
        var tickets = 10_000;
        var repeat = 1;
        long? calls = null;
        int rows = 1000, rate = 20;
        string? file = null, database = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--activities": activities = long.Parse(args[i + 1]); break;
                case "--tickets": tickets = int.Parse(args[i + 1]); break;
                case "--repeat": repeat = Math.Max(1, int.Parse(args[i + 1])); break;
                case "--calls": calls = long.Parse(args[i + 1]); break;
                case "--rows": rows = Math.Max(1, int.Parse(args[i + 1])); break;
                case "--rate": rate = Math.Max(1, int.Parse(args[i + 1])); break;
                case "--file": file = args[i + 1]; break;
                case "--db": database = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Use --activities N, --tickets N (realism), --calls N (calls-*), --rows N and --rate N (close-import), --repeat N.");
            }
        }
        return new BenchOptions(activities, tickets, repeat, calls, rows, rate, file, database);
    }
}
