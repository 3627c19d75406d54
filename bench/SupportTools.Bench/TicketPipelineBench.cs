using System.Diagnostics;
using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>
/// Generation to file, import into a fresh store, and the reports from the store (objects created, as the cmdlets do):
/// durations from the events alone (the floor), <c>Get-TicketDuration</c> (priority and group too), with
/// <c>-BusinessHours</c>, and <c>Get-TicketSla</c>; the first two beside the sqlite3 anchor, with throughput and peak working set.
/// <para>
/// The export's shape: time-ordered like a real export, from a desk that opens about 400,000 tickets a day; n
/// activities cover n / 1M × 12 hours, which gives about 5 activities a ticket (1M activities ≈ 200k tickets, many
/// still in progress at the window's end). The ticket count for a size is set from a 5,000-ticket sample over the
/// same window. Exports and databases live in a scratch folder the bench deletes, also on failure and Ctrl+C.
/// </para>
/// </summary>
internal static class TicketPipelineBench
{
    private const double HoursPerMillion = 12;
    private const int SampleTickets = 5000;
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far a run goes.</summary>
    public enum Steps { Generate, Import, Durations }

    /// <summary>One measured step of one run.</summary>
    private sealed record Row(string Step, long Size, long Activities, TimeSpan Time, TimeSpan Cpu, long PeakMiB, TimeSpan? Anchor, string Extra);

    public static int Run(BenchOptions options, Steps last) => Measure([options.Activities], options.Repeat, last);

    /// <summary>The same pipeline at 1M and 10M activities: memory should stay flat while the data grows tenfold.</summary>
    public static int Scaling(BenchOptions options) => Measure([1_000_000L, 10_000_000L], options.Repeat, Steps.Durations);

    private static int Measure(long[] sizes, int repeat, Steps last)
    {
        var anchor = last >= Steps.Import ? SqliteAnchor.Find() : null;
        var rows = new List<Row>();
        using var scratch = new ScratchFolder();
        Console.WriteLine($"Release build, {Environment.ProcessorCount} cores; peak working set is the process's peak so far.");
        Console.WriteLine();
        Console.WriteLine("| step | activities | tickets | time (CPU) | throughput | peak working set | sqlite3 anchor | ours / anchor |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
            for (var run = 0; run < repeat; run++)
                rows.AddRange(MeasureOnce(scratch, size, run, last, anchor));
        if (repeat > 1) PrintSpread(rows);
        return 0;
    }

    /// <summary>
    /// Runs an anchor step; its failure (the sqlite3 shell reads the whole export as one value and refuses files over
    /// its 1 GB limit, from about 5M activities) is reported and leaves our own figures standing.
    /// </summary>
    private static TimeSpan? Anchor(Func<TimeSpan?> step)
    {
        try
        {
            return step();
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"sqlite3 anchor skipped: {exception.Message.Split('\n')[0]}");
            return null;
        }
    }

    private static IEnumerable<Row> MeasureOnce(ScratchFolder scratch, long size, int run, Steps last, SqliteAnchor? anchor)
    {
        var export = scratch.File($"export-{size}-{run}.json");
        var db = scratch.File($"store-{size}-{run}.db");
        var anchorDb = scratch.File($"anchor-{size}-{run}.db");
        try
        {
            var clock = Stopwatch.StartNew();
            var cpu = CpuTime();
            var written = WriteExport(export, size);
            yield return Print(new Row("generate to file", size, written.Activities, clock.Elapsed, CpuTime() - cpu, PeakMiB(), null,
                $"{written.Tickets:N0} | {written.Activities / clock.Elapsed.TotalSeconds:N0} /s ({written.Bytes / 1e6 / clock.Elapsed.TotalSeconds:N0} MB/s)"));
            if (last < Steps.Import) yield break;

            clock.Restart();
            cpu = CpuTime();
            ImportSummary imported;
            using (var store = TicketStore.Open(db)) imported = store.ImportFile(export);
            var importTime = clock.Elapsed;
            var importCpu = CpuTime() - cpu;
            var anchorLoad = Anchor(() => anchor?.Load(anchorDb, export));
            yield return Print(new Row("import into the store", size, imported.Activities, importTime, importCpu, PeakMiB(), anchorLoad,
                $"{imported.Tickets:N0} | {imported.Activities / importTime.TotalSeconds:N0} /s"));
            if (last < Steps.Durations) yield break;

            // Durations from the events alone: the floor the report paths below are measured against.
            var durationTime = Report(db, store =>
            {
                var asOf = store.LatestPerformedAt()!.Value;
                return TicketDurationCalculator.FromOrdered(store.GetEvents(), asOf).Count();
            }, out var durations, out var durationCpu);
            var anchorDurations = anchorLoad is null ? null : Anchor(() => anchor?.Durations(anchorDb));
            yield return Print(new Row("durations, events only", size, imported.Activities, durationTime, durationCpu, PeakMiB(), anchorDurations,
                $"{durations:N0} | {durations / durationTime.TotalSeconds:N0} tickets/s"));

            // What the cmdlets do: Get-TicketDuration (with each ticket's priority and group), with -BusinessHours, and Get-TicketSla.
            foreach (var (step, report) in new (string, Func<TicketStore, int>)[]
                     {
                         ("Get-TicketDuration", store => TicketService.GetDurations(store, new TicketReportRequest()).Count()),
                         ("Get-TicketDuration -BusinessHours", store => TicketService.GetDurations(store, new TicketReportRequest(BusinessHours: Desk)).Count()),
                         ("Get-TicketSla", store => TicketService.GetSla(store, Policy, new TicketReportRequest(BusinessHours: Desk)).Count()),
                     })
            {
                var time = Report(db, report, out var count, out var reportCpu);
                yield return Print(new Row(step, size, imported.Activities, time, reportCpu, PeakMiB(), step == "Get-TicketDuration" ? anchorDurations : null,
                    $"{count:N0} | {count / time.TotalSeconds:N0} {(step.Contains("Sla") ? "SLA rows" : "tickets")}/s"));
            }
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(scratch.Path)) File.Delete(file); // each run starts from nothing
        }
    }

    /// <summary>
    /// Runs one report on a read-only store, as the cmdlets open it, every object built (as the cmdlet builds it to
    /// write it); returns its wall time, and the objects and CPU time through the out parameters.
    /// </summary>
    private static TimeSpan Report(string db, Func<TicketStore, int> report, out int count, out TimeSpan cpu)
    {
        var clock = Stopwatch.StartNew();
        var start = CpuTime();
        using (var store = TicketStore.OpenReadOnly(db)) count = report(store);
        cpu = CpuTime() - start;
        return clock.Elapsed;
    }

    /// <summary>A weekday desk (the bench's window starts on a Monday at midnight UTC, so about half of it is open hours).</summary>
    private static readonly BusinessSchedule Desk =
        TicketService.NewBusinessSchedule("bench desk", "Europe/London", [("Mon-Fri", "08:00-18:00")], [("Mon-Fri", "12:30-13:00")], []);

    /// <summary>A policy over the generator's four priorities, calendar and business goals mixed, next response included.</summary>
    private static readonly SlaPolicy Policy = ParsePolicy("""
        { "priorities": {
            "Urgent": { "firstResponse": "1h", "nextResponse": "1h", "resolution": "4h" },
            "High": { "firstResponse": "4h", "nextResponse": "2h", "resolution": "16h" },
            "Medium": { "firstResponse": "8h", "resolution": "24h" },
            "Low": { "firstResponse": "8h", "resolution": { "time": "48h", "basis": "calendar" } } } }
        """);

    private static SlaPolicy ParsePolicy(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return SlaPolicy.Parse(document.RootElement);
    }

    /// <summary>Writes a time-ordered export of about <paramref name="size"/> activities in the bench's shape.</summary>
    public static ExportSummary WriteExport(string path, long size)
    {
        var end = Start.AddHours(HoursPerMillion * size / 1e6);
        var tickets = (int)Math.Max(1, size / ActivitiesPerTicket(end));
        return new TicketActivityGenerator(1, Start, end).WriteFile(path, tickets);
    }

    private static readonly Dictionary<DateTimeOffset, double> PerTicket = [];

    /// <summary>Mean activities a ticket for a window ending at <paramref name="end"/>, from a sample.</summary>
    private static double ActivitiesPerTicket(DateTimeOffset end)
    {
        if (!PerTicket.TryGetValue(end, out var known))
            PerTicket[end] = known = new TicketActivityGenerator(1, Start, end).Generate(SampleTickets).Count() / (double)SampleTickets;
        return known;
    }

    /// <summary>This process's CPU time (all threads): less disturbed than wall time when others share the machine.</summary>
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long PeakMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1 << 20);
    }

    private static Row Print(Row row)
    {
        var parts = row.Extra.Split(" | ");
        var anchor = row.Anchor is { } a ? $"{a.TotalSeconds:N2} s" : "n/a";
        var ratio = row.Anchor is { } b ? $"{row.Time / b:N2}" : "n/a";
        Console.WriteLine($"| {row.Step} | {row.Activities:N0} | {parts[0]} | {row.Time.TotalSeconds:N2} s ({row.Cpu.TotalSeconds:N2} s) | {parts[1]} | {row.PeakMiB:N0} MiB | {anchor} | {ratio} |");
        return row;
    }

    /// <summary>Min / median / max of each step's time and ratio over the repeated runs.</summary>
    private static void PrintSpread(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| step | activities | runs | time min / median / max | ours / anchor min / median / max |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => (r.Size, r.Step)))
        {
            var times = group.Select(r => r.Time.TotalSeconds).Order().ToList();
            var ratios = group.Where(r => r.Anchor is not null).Select(r => r.Time / r.Anchor!.Value).Order().ToList();
            Console.WriteLine($"| {group.Key.Step} | {group.First().Activities:N0} | {times.Count} | {Spread(times, " s")} | {(ratios.Count > 0 ? Spread(ratios, "") : "n/a")} |");
        }
    }

    private static string Spread(List<double> sorted, string unit) =>
        $"{sorted[0]:N2}{unit} / {sorted[sorted.Count / 2]:N2}{unit} / {sorted[^1]:N2}{unit}";
}
