using System.Diagnostics;
using System.Text;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// Where an import of distinct numbers spends its time: the geocoder's cost per distinct number (the generator's
/// numbers, a fresh one each call), asked of libphonenumber every time and shared by deciding prefix
/// (<see cref="CallGeocodePrefix"/>), and the prefix rule for the generator's calling codes.
/// </summary>
internal static class GeocodeProbe
{
    public static int Run(BenchOptions options)
    {
        var count = (int)(options.Calls ?? 200_000);
        foreach (var (code, length, first) in new[] { (64, 9, '2'), (64, 8, '9'), (61, 9, '4'), (61, 9, '2'), (1, 10, '2'), (44, 10, '2'), (44, 10, '7') })
        {
            var rule = CallGeocodePrefix.RuleFor(code, length, first);
            Console.WriteLine($"+{code}, {length} national digits from {first}: the last {rule.FreeDigits} never decide; parsing keeps the first {rule.KeptDigits} of the number (the place may keep more)");
        }
        var numbers = new CallRecordGenerator(1, newCallerEachCall: true).Calls(count)
            .Select(c => Encoding.UTF8.GetBytes(c.CallDirection == "inbound" ? c.CallerIdNumber! : c.CalleeIdNumber!)).ToList();
        var digits = new byte[CallNumber.MaxDigits];
        CallGeocoder.Exact("6493001000"u8); // load the metadata first
        foreach (var pass in new[] { "exact (warm-up)", "exact", "by deciding prefix", "by deciding prefix (again)" })
        {
            var clock = Stopwatch.StartNew();
            var zones = 0;
            foreach (var number in numbers)
            {
                var length = CallNumber.Normalize(number, digits);
                var zone = pass.StartsWith("exact", StringComparison.Ordinal) ? CallGeocoder.Exact(digits.AsSpan(0, length)) : CallGeocoder.ZoneOf(digits.AsSpan(0, length));
                if (zone is not null) zones++;
            }
            Console.WriteLine($"{pass,-20} {count:N0} distinct numbers in {clock.Elapsed.TotalSeconds:N2} s ({clock.Elapsed.TotalMicroseconds / count:N2} µs each), {zones:N0} with a zone");
        }
        return 0;
    }
}
