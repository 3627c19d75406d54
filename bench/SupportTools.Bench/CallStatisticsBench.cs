using System.Diagnostics;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// Get-CallStatistic's use case on 2M and 10M stored calls: Hourly, one filter (call_direction in inbound/outbound),
/// grouped by unanswered, in UTC (what the anchor computes), beside the sqlite3 shell running
/// bench/anchors/sqlite-calls.sql (window functions) over the same calls imported from CSV. Reports wall time, CPU, the
/// managed heap's peak growth and the process's peak working set (memory must stay flat as calls grow). The calls are
/// the import bench's (<see cref="CallImportBench.WriteCalls"/>): about 200,000 a weekday, so 2M span two weeks and 10M
/// ten, a few thousand an hour.
/// </summary>
internal static class CallStatisticsBench
{
    private static readonly long[] DefaultSizes = [2_000_000, 10_000_000];
    private const string Filter = """[{"name":"call_direction","op":"in","val":["inbound","outbound"]}]""";

    public static int Run(BenchOptions options)
    {
        var anchor = SqliteAnchor.Find();
        Console.WriteLine($"{"calls",12} {"step",-22} {"median s",9} {"min s",7} {"max s",7} {"cpu s",7} {"rows",8} {"heap MB",8} {"ws MB",7} {"anchor s",9} {"ratio",6}");
        foreach (var size in options.Calls is { } calls ? [calls] : DefaultSizes)
        {
            using var scratch = new ScratchFolder();
            var csv = scratch.File("calls.csv");
            var db = scratch.File("calls.db");
            // The import bench's calls (CallRecordGenerator, seed 1): the CSV for the anchor, imported into our store.
            CallImportBench.WriteCalls(csv, size, CallFileFormat.Csv);
            using (var store = CallStore.Open(db)) store.ImportFile(csv);
            var ours = new List<double>();
            TimeSpan cpu = default;
            long rows = 0, heap = 0;
            for (var i = 0; i < options.Repeat; i++)
            {
                GC.Collect();
                var before = GC.GetTotalMemory(true);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                rows = Statistics(db, out var peakHeap);
                ours.Add(clock.Elapsed.TotalSeconds);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                heap = Math.Max(heap, peakHeap - before);
            }
            double? anchorSeconds = null;
            if (anchor is not null)
            {
                var anchorDb = scratch.File("anchor.db");
                anchor.ImportCsv(anchorDb, csv);
                anchorSeconds = Enumerable.Range(0, options.Repeat).Select(_ => anchor.CallStatistics(anchorDb).TotalSeconds).Order().ElementAt(options.Repeat / 2);
            }
            ours.Sort();
            var median = ours[ours.Count / 2];
            Console.WriteLine($"{size,12:N0} {"statistics hourly",-22} {median,9:F2} {ours[0],7:F2} {ours[^1],7:F2} {cpu.TotalSeconds,7:F2} {rows,8:N0} " +
                $"{heap / 1048576.0,8:F1} {Environment.WorkingSet / 1048576.0,7:F0} {(anchorSeconds is { } a ? $"{a,9:F2}" : "        -")} " +
                $"{(anchorSeconds is { } b ? $"{median / b,6:F2}" : "     -")}");
        }
        return 0;
    }

    /// <summary>The rows Get-CallStatistic would emit (counted, not kept), and the managed heap's peak while computing.</summary>
    private static long Statistics(string db, out long peakHeap)
    {
        using var store = CallStore.OpenReadOnly(db);
        var query = new CallStatisticQuery(CallPeriod.Hourly, CallTimeZone.Utc, CallFilter.Parse(Filter, CallTimeZone.Utc), "unanswered");
        long rows = 0;
        peakHeap = 0;
        foreach (var _ in CallStatistics.Compute(store, query))
        {
            if (++rows % 256 == 0) peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        }
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        return rows;
    }
}
