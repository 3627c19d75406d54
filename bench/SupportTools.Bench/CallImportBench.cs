using System.Diagnostics;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// Call-record import: the generator writes the same calls as CSV and as Kazoo JSON lines, each is imported into a
/// fresh store (<see cref="CallStore.ImportFile"/>, geocoded zones included), and the <c>sqlite3</c> shell imports the
/// same CSV (<c>.import --csv</c> into one untyped table: no idempotency, no types, no zones) beside it.
/// <para>
/// The data: <see cref="CallRecordGenerator"/> with seed 1, 200,000 calls a weekday from 50,000 customers (2M calls are
/// about two weeks, 10M about ten), time-ordered as exports are. Files and databases live in a scratch folder the
/// bench deletes, also on failure and Ctrl+C.
/// </para>
/// </summary>
internal static class CallImportBench
{
    private static readonly long[] DefaultSizes = [2_000_000, 10_000_000];

    /// <summary>
    /// Writes <paramref name="size"/> generated calls (the bench's data) to <paramref name="path"/>: what calls-stats
    /// imports too, so both benchmarks measure the same calls.
    /// </summary>
    public static long WriteCalls(string path, long size, CallFileFormat format)
    {
        using var writer = CallRecordWriter.Create(path, format);
        foreach (var call in new CallRecordGenerator(1).Calls(size)) writer.Write(call);
        writer.Complete();
        return writer.Count;
    }

    /// <summary>Generation alone, both formats.</summary>
    public static int Generate(BenchOptions options)
    {
        using var scratch = new ScratchFolder();
        Header();
        foreach (var size in Sizes(options))
            foreach (var format in new[] { CallFileFormat.Csv, CallFileFormat.JsonLines })
            {
                var file = scratch.File($"calls-{size}.{Extension(format)}");
                var (time, cpu) = Timed(() => WriteCalls(file, size, format));
                Print($"generate {Extension(format)}", size, time, cpu, null, $"{new FileInfo(file).Length / 1e6:N0} MB");
                File.Delete(file);
            }
        return 0;
    }

    /// <summary>Import of CSV and JSON lines at each size, beside the sqlite3 shell's CSV import.</summary>
    public static int Import(BenchOptions options)
    {
        var anchor = SqliteAnchor.Find();
        using var scratch = new ScratchFolder();
        Header();
        var results = new List<(long Size, string Step, double Seconds, double? Ratio)>();
        foreach (var size in Sizes(options))
        {
            for (var run = 0; run < options.Repeat; run++)
            {
                foreach (var format in new[] { CallFileFormat.Csv, CallFileFormat.JsonLines })
                {
                    var file = scratch.File($"calls-{size}.{Extension(format)}");
                    if (!File.Exists(file)) WriteCalls(file, size, format);
                    var db = scratch.File($"store-{size}-{run}-{Extension(format)}.db");
                    CallImportSummary? summary = null;
                    var sampler = new ThreadCpuSampler();
                    var (time, cpu) = Timed(() =>
                    {
                        using var store = CallStore.Open(db);
                        summary = store.ImportFile(file);
                    });
                    var threads = sampler.Busiest();
                    if (summary!.Inserted != size) throw new InvalidOperationException($"imported {summary.Inserted:N0} of {size:N0} calls");
                    TimeSpan? anchorTime = null;
                    if (format == CallFileFormat.Csv && anchor is not null)
                    {
                        var anchorDb = scratch.File($"anchor-{size}-{run}.db");
                        anchorTime = anchor.ImportCsv(anchorDb, file);
                        File.Delete(anchorDb);
                    }
                    var step = $"import {Extension(format)}";
                    Print(step, size, time, cpu, anchorTime, $"{new FileInfo(db).Length / 1e6:N0} MB store; busiest threads {threads[0].TotalSeconds:N1} s and " +
                        $"{threads[1].TotalSeconds:N1} s CPU (two idle cores: ~{size / threads[0].TotalSeconds:N0} calls/s)");
                    results.Add((size, step, time.TotalSeconds, anchorTime is { } a ? time / a : null));
                    foreach (var leftover in Directory.EnumerateFiles(scratch.Path, $"store-{size}-{run}-*")) File.Delete(leftover);
                }
            }
            foreach (var file in Directory.EnumerateFiles(scratch.Path)) File.Delete(file); // each size starts from nothing
        }
        if (options.Repeat > 1)
        {
            Console.WriteLine();
            Console.WriteLine("| step | calls | runs | time min / median / max | calls/s (median) | ours / anchor min / median / max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var group in results.GroupBy(r => (r.Size, r.Step)))
            {
                var times = group.Select(r => r.Seconds).Order().ToList();
                var ratios = group.Where(r => r.Ratio is not null).Select(r => r.Ratio!.Value).Order().ToList();
                Console.WriteLine($"| {group.Key.Step} | {group.Key.Size:N0} | {times.Count} | {Spread(times, " s")} | " +
                                  $"{group.Key.Size / times[times.Count / 2]:N0} | {(ratios.Count > 0 ? Spread(ratios, "") : "n/a")} |");
            }
        }
        return 0;
    }

    /// <summary>
    /// Import-CallZone on a store of the bench's calls: a regional zone table (New Zealand by area code and mobile
    /// network, four US cities) replaces the geocoder's zones and every stored call's zones are derived again.
    /// </summary>
    public static int Zones(BenchOptions options)
    {
        using var scratch = new ScratchFolder();
        var table = scratch.File("zones.csv");
        File.WriteAllText(table, """
            zone_id,country,region,prefix
            1,New Zealand,Auckland,+649
            2,New Zealand,Wellington,+644
            3,New Zealand,Canterbury,+643
            4,New Zealand,Waikato,+647
            5,New Zealand,Mobile,+6421;+6422;+6427
            6,United States,New York,+1212
            7,United States,San Francisco,+1415
            8,United States,Chicago,+1312
            9,United States,Boston,+1617
            """);
        Header();
        foreach (var size in Sizes(options))
        {
            var csv = scratch.File($"calls-{size}.csv");
            WriteCalls(csv, size, CallFileFormat.Csv);
            var db = scratch.File($"store-{size}.db");
            using (var store = CallStore.Open(db)) store.ImportFile(csv);
            File.Delete(csv);
            using (var process = Process.GetCurrentProcess())
                Console.WriteLine($"| (calls imported; peak working set so far {process.PeakWorkingSet64 >> 20:N0} MiB) | | | | | | | |");
            for (var run = 0; run < options.Repeat; run++)
            {
                CallZoneImportSummary? summary = null;
                var (time, cpu) = Timed(() =>
                {
                    using var store = CallStore.Open(db);
                    summary = store.ImportZones(table);
                });
                Print("import zones", size, time, cpu, null, $"{summary!.Rezoned:N0} calls changed zone");
            }
            File.Delete(db);
        }
        return 0;
    }

    private static IEnumerable<long> Sizes(BenchOptions options) => options.Calls is { } calls ? [calls] : DefaultSizes;

    private static string Extension(CallFileFormat format) => format == CallFileFormat.Csv ? "csv" : "jsonl";

    private static void Header()
    {
        Console.WriteLine($"Release build, {Environment.ProcessorCount} cores; peak working set is the process's peak so far.");
        Console.WriteLine();
        Console.WriteLine("| step | calls | time (CPU) | calls/s | peak working set | sqlite3 anchor | ours / anchor | size |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
    }

    private static (TimeSpan Time, TimeSpan Cpu) Timed(Action step)
    {
        var cpu = CpuTime();
        var clock = Stopwatch.StartNew();
        step();
        return (clock.Elapsed, CpuTime() - cpu);
    }

    private static (TimeSpan Time, TimeSpan Cpu) Timed(Func<long> step) => Timed(() => { step(); });

    private static void Print(string step, long size, TimeSpan time, TimeSpan cpu, TimeSpan? anchor, string extra)
    {
        using var process = Process.GetCurrentProcess();
        var anchorText = anchor is { } a ? $"{a.TotalSeconds:N2} s" : "n/a";
        var ratio = anchor is { } b ? $"{time / b:N2}" : "n/a";
        Console.WriteLine($"| {step} | {size:N0} | {time.TotalSeconds:N2} s ({cpu.TotalSeconds:N2} s) | {size / time.TotalSeconds:N0} | " +
                          $"{process.PeakWorkingSet64 >> 20:N0} MiB | {anchorText} | {ratio} | {extra} |");
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Spread(List<double> sorted, string unit) =>
        $"{sorted[0]:N2}{unit} / {sorted[sorted.Count / 2]:N2}{unit} / {sorted[^1]:N2}{unit}";
}
