using System.Diagnostics;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// The import's parser alone, step by step, on the end-to-end bench's ordered file (a fresh caller each call): the CSV
/// split only, then the whole parse without zones, then with the geocoder's zones (what the import's parser thread
/// does). <c>--file F</c> reads (or first writes) that file instead of a scratch one.
/// </summary>
internal static class CallParseProbe
{
    public static int Run(BenchOptions options)
    {
        using var scratch = new ScratchFolder();
        var file = options.File ?? scratch.File("calls.csv");
        if (!File.Exists(file)) CallEndToEndBench.WriteCalls(file, options.Calls ?? 2_000_000);
        for (var run = 0; run < options.Repeat; run++)
        {
            Time("CSV split only", () =>
            {
                using var stream = File.OpenRead(file);
                var csv = new Utf8CsvReader(stream, file);
                long rows = 0;
                while (csv.Read()) rows++;
                return rows;
            });
            Time("parse, no zones", () => Parse(file, null));
            Time("parse, geocoded zones", () => Parse(file, new CallZoneResolver(null)));
            Time("parse, geocoded zones (again: libphonenumber warm)", () => Parse(file, new CallZoneResolver(null)));
        }
        return 0;
    }

    private static long Parse(string file, CallZoneResolver? zones)
    {
        using var reader = CallRecordFileReader.Open(file, zones!);
        var chunk = new CallChunk();
        long rows = 0;
        while (reader.FillSorted(chunk))
        {
            rows += chunk.Count;
            chunk.Clear();
        }
        return rows;
    }

    private static void Time(string step, Func<long> body)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = body();
        Console.WriteLine($"| {step} | {rows:N0} | {clock.Elapsed.TotalSeconds:N2} s | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:N2} s CPU | load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
    }
}
