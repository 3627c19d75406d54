using SupportTools.Bench;

// Throughput benchmarks for the ticket-activity pipeline (not part of the test run).
//   dotnet run -c Release --project bench/SupportTools.Bench -- <command> [--activities N] [--repeat N] [--tickets N]
// Commands: generate | import | durations | all (the three at one size) | scaling (1M and 10M) | realism | parse
//   | ticket-migration [--activities N]: a step-1 store gaining each event's priority and group
//   | calls-generate | calls-import | calls-zones | calls-stats [--calls N] (default: 2M and 10M)
//   | calls-e2e [--calls N] [--repeat N]: import + hourly statistic end to end on time-ordered and shuffled files with a
//     fresh caller each call, beside the sqlite3 shell (calls-e2e-run --file F --db D is its measured child)
//   | calls-parse [--calls N] [--file F] [--repeat N]: the import's parser alone (CSV split, parse, geocoded zones)
//   close-import [--rows 1000] [--rate 20] [--repeat N]: lead rows through the Close mock at a rate limit with 5% faults
// Scratch files live in a temporary folder the bench deletes when it ends, fails or is interrupted.
var commands = new Dictionary<string, Func<BenchOptions, int>>(StringComparer.OrdinalIgnoreCase)
{
    ["generate"] = o => TicketPipelineBench.Run(o, TicketPipelineBench.Steps.Generate),
    ["import"] = o => TicketPipelineBench.Run(o, TicketPipelineBench.Steps.Import),
    ["durations"] = o => TicketPipelineBench.Run(o, TicketPipelineBench.Steps.Durations),
    ["all"] = o => TicketPipelineBench.Run(o, TicketPipelineBench.Steps.Durations),
    ["scaling"] = TicketPipelineBench.Scaling,
    ["ticket-migration"] = TicketMigrationBench.Run,
    ["realism"] = RealismReport.Run,
    ["parse"] = ParseProbe.Run,
    ["calls-generate"] = CallImportBench.Generate,
    ["calls-import"] = CallImportBench.Import,
    ["calls-zones"] = CallImportBench.Zones,
    ["calls-stats"] = CallStatisticsBench.Run,
    ["calls-e2e"] = CallEndToEndBench.Run,
    ["calls-e2e-run"] = CallEndToEndBench.RunOne,
    ["calls-e2e-files"] = CallEndToEndBench.WriteFiles, // keeps calls-e2e's two files (--file FOLDER) for profiling
    ["calls-parse"] = CallParseProbe.Run, // the import's parser alone: CSV split, parse, zones
    ["calls-geocode"] = GeocodeProbe.Run, // the geocoder's cost per distinct number, step by step
    ["close-import"] = CloseImportBench.Run,
};
var name = args.Length > 0 ? args[0] : "all";
if (!commands.TryGetValue(name, out var command))
{
    Console.Error.WriteLine($"Unknown command '{name}'. Use one of: {string.Join(", ", commands.Keys)}");
    return 2;
}
return command(BenchOptions.Parse(args.Skip(1).ToArray()));
