using System.Diagnostics;
using System.Globalization;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// What a user does end to end, on the data shape that hurts: Import-CallRecord of a CDR CSV into a new store, then
/// <c>Get-CallStatistic Hourly -GroupBy unanswered</c> with a direction filter, in UTC, through the same Core calls the
/// cmdlets make (<see cref="CallStore.ImportFile"/>, <see cref="CallStatistics.Compute"/>), beside the <c>sqlite3</c>
/// shell importing the same CSV and running bench/anchors/sqlite-calls.sql.
/// <para>
/// Three files of the same calls (<see cref="CallRecordGenerator"/>, seed 1, a fresh caller number each call, so about
/// one distinct number per call): <b>ordered</b> (time order, as an export is), <b>concatenated</b> (two exports over
/// the same days, each in time order, one after the other, as two nodes' files joined are) and <b>shuffled</b> (random
/// time order, as records merged without sorting or a crossbar pull by account are). Each measured run is a child
/// process (<c>calls-e2e-run</c>), so its peak working set is its own, not the generator's.
/// </para>
/// </summary>
internal static class CallEndToEndBench
{
    private const string Filter = """[{"name":"call_direction","op":"in","val":["inbound","outbound"]}]""";

    /// <summary>Generates both shapes at <c>--calls N</c> (default 2M) and measures ours and the anchor on each.</summary>
    public static int Run(BenchOptions options)
    {
        var size = options.Calls ?? 2_000_000;
        var anchor = SqliteAnchor.Find();
        using var scratch = new ScratchFolder();
        var ordered = scratch.File("calls-ordered.csv");
        var shuffled = scratch.File("calls-shuffled.csv");
        var concatenated = scratch.File("calls-concatenated.csv");
        var generation = Stopwatch.StartNew();
        WriteCalls(ordered, size);
        Shuffle(ordered, shuffled, scratch);
        Concatenate(ordered, concatenated);
        Console.WriteLine($"Release build, {Environment.ProcessorCount} cores, load average {LoadAverage()}; {size:N0} calls, " +
                          $"a fresh caller each call; files written in {generation.Elapsed.TotalSeconds:N0} s ({new FileInfo(ordered).Length / 1e6:N0} MB each).");
        if (anchor is null) Console.WriteLine("The sqlite3 anchor is unavailable (no sqlite3 on the PATH): the anchor and ratio columns say n/a.");
        Console.WriteLine();
        Console.WriteLine("| shape | calls | import s | statistics s | ours end to end s | busiest threads CPU s | peak working set | sqlite3 anchor s | ours / anchor |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var shapes = new[] { ("ordered", ordered), ("concatenated", concatenated), ("shuffled", shuffled) };
        var times = shapes.ToDictionary(s => s.Item1, _ => (Ours: new List<double>(), Anchor: new List<double>()));
        for (var run = 0; run < options.Repeat; run++)
        {
            foreach (var (shape, csv) in shapes)
            {
                var db = scratch.File($"store-{shape}-{run}.db");
                var ours = Child(csv, db);
                DeleteStore(db);
                double? anchorSeconds = null;
                if (anchor is not null)
                {
                    var anchorDb = scratch.File($"anchor-{shape}-{run}.db");
                    anchorSeconds = (anchor.ImportCsv(anchorDb, csv) + anchor.CallStatistics(anchorDb)).TotalSeconds;
                    File.Delete(anchorDb);
                }
                var total = ours.Import + ours.Statistics;
                times[shape].Ours.Add(total);
                if (anchorSeconds is { } measured) times[shape].Anchor.Add(measured);
                Console.WriteLine($"| {shape} | {size:N0} | {ours.Import:N2} | {ours.Statistics:N2} | {total:N2} | {ours.Threads} | {ours.PeakMiB:N0} MiB | " +
                                  $"{(anchorSeconds is { } a ? a.ToString("N2", CultureInfo.InvariantCulture) : "n/a")} | " +
                                  $"{(anchorSeconds is { } b ? (total / b).ToString("N2", CultureInfo.InvariantCulture) : "n/a")} |");
            }
        }
        if (anchor is not null && options.Repeat > 1) Summary(times);
        return 0;
    }

    /// <summary>
    /// Each shape's runs side by side: on a shared machine a neighbour's load lands on one run of either side, so the
    /// medians and the minimums (each side's least disturbed run) say more than any single pair.
    /// </summary>
    private static void Summary(Dictionary<string, (List<double> Ours, List<double> Anchor)> times)
    {
        static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        static string N(double value) => value.ToString("N2", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| shape | runs | ours min / median s | sqlite3 anchor min / median s | ours / anchor, medians | ours / anchor, minimums |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (shape, (ours, anchor)) in times)
            Console.WriteLine($"| {shape} | {ours.Count} | {N(ours.Min())} / {N(Median(ours))} | {N(anchor.Min())} / {N(Median(anchor))} | " +
                              $"**{N(Median(ours) / Median(anchor))}** | **{N(ours.Min() / anchor.Min())}** |");
    }

    /// <summary>
    /// Writes the files <see cref="Run"/> measures (<c>calls-ordered.csv</c>, <c>calls-concatenated.csv</c>, <c>calls-shuffled.csv</c>; <c>--calls N</c>)
    /// into the folder <c>--file</c> and keeps them, for profiling one shape with <c>calls-e2e-run</c>.
    /// </summary>
    public static int WriteFiles(BenchOptions options)
    {
        var folder = options.File ?? throw new ArgumentException("calls-e2e-files needs --file FOLDER");
        Directory.CreateDirectory(folder);
        using var scratch = new ScratchFolder();
        var ordered = Path.Combine(folder, "calls-ordered.csv");
        WriteCalls(ordered, options.Calls ?? 2_000_000);
        Shuffle(ordered, Path.Combine(folder, "calls-shuffled.csv"), scratch);
        Concatenate(ordered, Path.Combine(folder, "calls-concatenated.csv"));
        return 0;
    }

    /// <summary>
    /// The measured part, in its own process: import <c>--file</c> into a new store <c>--db</c>, then the statistic.
    /// Prints one line: import seconds, statistics seconds, the busiest threads' CPU, peak working set in MiB.
    /// </summary>
    public static int RunOne(BenchOptions options)
    {
        var file = options.File ?? throw new ArgumentException("calls-e2e-run needs --file");
        var db = options.Database ?? throw new ArgumentException("calls-e2e-run needs --db");
        var sampler = new ThreadCpuSampler();
        var clock = Stopwatch.StartNew();
        double parsed;
        using (var store = CallStore.Open(db))
        {
            var summary = store.ImportFile(file);
            if (summary.Inserted == 0) throw new InvalidOperationException("nothing imported");
            parsed = summary.Elapsed.TotalSeconds;
        }
        var import = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"import {parsed:N2} s to its commit, {import - parsed:N2} s more to close the store");
        clock.Restart();
        long rows = 0;
        using (var store = CallStore.OpenReadOnly(db))
        {
            var query = new CallStatisticQuery(CallPeriod.Hourly, CallTimeZone.Utc, CallFilter.Parse(Filter, CallTimeZone.Utc), "unanswered");
            foreach (var _ in CallStatistics.Compute(store, query)) rows++;
        }
        var statistics = clock.Elapsed.TotalSeconds;
        var threads = sampler.Busiest();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Join(';', import.ToString("R", CultureInfo.InvariantCulture), statistics.ToString("R", CultureInfo.InvariantCulture),
            $"{threads[0].TotalSeconds:N1} + {threads[1].TotalSeconds:N1} + {threads[2].TotalSeconds:N1}", (process.PeakWorkingSet64 >> 20).ToString(CultureInfo.InvariantCulture), rows));
        return 0;
    }

    /// <summary>The generator's calls with a fresh caller each call, time-ordered, as CSV.</summary>
    internal static void WriteCalls(string path, long size)
    {
        using var writer = CallRecordWriter.Create(path, CallFileFormat.Csv);
        foreach (var call in new CallRecordGenerator(1, newCallerEachCall: true).Calls(size)) writer.Write(call);
        writer.Complete();
    }

    /// <summary>
    /// A uniformly random order of <paramref name="source"/>'s lines (the header stays first), in bounded memory: each
    /// line goes to one of 64 random bucket files, then each bucket is shuffled in memory and appended. The generator's
    /// CSV has no line breaks inside fields, so a line is a record.
    /// </summary>
    internal static void Shuffle(string source, string target, ScratchFolder scratch)
    {
        const int Buckets = 64;
        var random = new Random(2);
        var names = Enumerable.Range(0, Buckets).Select(i => scratch.File($"bucket-{i}.csv")).ToArray();
        string header;
        using (var reader = new StreamReader(source))
        {
            var writers = names.Select(name => new StreamWriter(name)).ToArray();
            header = reader.ReadLine() ?? throw new InvalidOperationException("empty file");
            while (reader.ReadLine() is { } line) writers[random.Next(Buckets)].WriteLine(line);
            foreach (var writer in writers) writer.Dispose();
        }
        using (var output = new StreamWriter(target))
        {
            output.WriteLine(header);
            foreach (var name in names)
            {
                var lines = File.ReadAllLines(name);
                random.Shuffle(lines);
                foreach (var line in lines) output.WriteLine(line);
                File.Delete(name);
            }
        }
    }

    /// <summary>
    /// Two exports of <paramref name="source"/>'s calls over the same days, one after the other (the header first): the
    /// odd lines, then the even ones, each in time order. Two passes, so memory stays bounded.
    /// </summary>
    internal static void Concatenate(string source, string target)
    {
        using var output = new StreamWriter(target);
        foreach (var half in new[] { 1, 0 })
        {
            using var reader = new StreamReader(source);
            var header = reader.ReadLine() ?? throw new InvalidOperationException("empty file");
            if (half == 1) output.WriteLine(header);
            for (var i = 0; reader.ReadLine() is { } line; i++)
                if (i % 2 == half) output.WriteLine(line);
        }
    }

    private static (double Import, double Statistics, string Threads, long PeakMiB) Child(string csv, string db)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(CallEndToEndBench).Assembly.Location);
        foreach (var argument in new[] { "calls-e2e-run", "--file", csv, "--db", db }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the measured run");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var fields = output.Trim().Split('\n')[^1].Split(';');
        if (process.ExitCode != 0 || fields.Length < 4) throw new InvalidOperationException($"the measured run failed ({process.ExitCode}): {output}");
        return (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture), fields[2],
            long.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    private static void DeleteStore(string db)
    {
        foreach (var file in new[] { db, db + "-wal", db + "-shm", db + "-journal" })
            if (File.Exists(file)) File.Delete(file);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
