using System.Diagnostics;
using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>Generation to file, import into SQLite, and durations from the store, with throughput and peak memory.</summary>
internal static class TicketPipelineBench
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    public static int Run(BenchOptions options, bool durations, bool import)
    {
        Measure(options, options.Activities, durations, import);
        return 0;
    }

    /// <summary>The same pipeline at 1M and 10M activities: memory should stay flat while the data grows tenfold.</summary>
    public static int Scaling(BenchOptions options)
    {
        foreach (var size in new[] { 1_000_000L, 10_000_000L })
            Measure(options, size, durations: true, import: true);
        return 0;
    }

    private static void Measure(BenchOptions options, long targetActivities, bool durations, bool import)
    {
        var file = Path.Combine(options.Folder, $"bench-{targetActivities}.json");
        var db = Path.Combine(options.Folder, $"bench-{targetActivities}.db");
        foreach (var stale in new[] { db, db + "-wal", db + "-shm" }) File.Delete(stale);
        // About eight activities a ticket over a week-long window (see the realism report).
        var tickets = (int)Math.Max(1, targetActivities / ActivitiesPerTicket());
        var generator = new TicketActivityGenerator(1, Start, Start.AddDays(7));

        var clock = Stopwatch.StartNew();
        var summary = generator.WriteFile(file, tickets);
        Report("generate to file", summary.Activities, clock.Elapsed, $"{summary.Bytes / 1e6 / clock.Elapsed.TotalSeconds:N0} MB/s");
        if (!import) return;

        using var store = TicketStore.Open(db);
        clock.Restart();
        var imported = store.ImportFile(file);
        Report("import into SQLite", imported.Activities, clock.Elapsed, $"{imported.Inserted:N0} inserted");
        if (!durations) return;

        clock.Restart();
        var asOf = store.LatestPerformedAt()!.Value;
        var count = TicketDurationCalculator.FromOrdered(store.GetEvents(), asOf).Count();
        Report("durations from store", imported.Activities, clock.Elapsed, $"{count:N0} tickets");
    }

    private static double? _activitiesPerTicket;

    private static double ActivitiesPerTicket()
    {
        if (_activitiesPerTicket is { } known) return known;
        var sample = new TicketActivityGenerator(1, Start, Start.AddDays(7)).Generate(5000).Count();
        return (_activitiesPerTicket = sample / 5000.0).Value;
    }

    private static void Report(string step, long activities, TimeSpan elapsed, string extra)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"| {step,-20} | {activities,12:N0} activities | {elapsed.TotalSeconds,7:N2} s | {activities / elapsed.TotalSeconds,12:N0} /s | peak working set {process.PeakWorkingSet64 / 1048576,6:N0} MiB | {extra} |");
    }
}
