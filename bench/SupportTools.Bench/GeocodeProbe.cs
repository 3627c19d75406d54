using System.Diagnostics;
using System.Text;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>
/// Where an import of distinct numbers spends its time: the geocoder's cost per distinct number (the generator's
/// numbers, a fresh one each call), and the resolver's with its caches.
/// </summary>
internal static class GeocodeProbe
{
    public static int Run(BenchOptions options)
    {
        var count = (int)(options.Calls ?? 200_000);
        var numbers = new CallRecordGenerator(1, newCallerEachCall: true).Calls(count)
            .Select(c => Encoding.UTF8.GetBytes(c.CallDirection == "inbound" ? c.CallerIdNumber! : c.CalleeIdNumber!)).ToList();
        var digits = new byte[CallNumber.MaxDigits];
        CallGeocoder.ZoneOf("6493001000"u8); // load the metadata first
        var clock = Stopwatch.StartNew();
        var zones = 0;
        foreach (var number in numbers)
        {
            var length = CallNumber.Normalize(number, digits);
            if (CallGeocoder.ZoneOf(digits.AsSpan(0, length)) is not null) zones++;
        }
        Console.WriteLine($"geocoder: {count:N0} distinct numbers in {clock.Elapsed.TotalSeconds:N2} s ({clock.Elapsed.TotalMicroseconds / count:N1} µs each), {zones:N0} with a zone");
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var geocoder = PhoneNumbers.PhoneNumberOfflineGeocoder.GetInstance();
        var texts = numbers.Select(n => Encoding.ASCII.GetString(n)).ToList();
        var parsed = texts.Select(t => util.Parse(t, null)).ToList();
        void Step(string name, Action<int> step)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) step(i);
            Console.WriteLine($"{name,-28} {clock.Elapsed.TotalMicroseconds / count,6:N1} µs");
        }
        Step("parse", i => util.Parse(texts[i], null));
        Step("region code", i => util.GetRegionCodeForNumber(parsed[i]));
        Step("is valid", i => util.IsValidNumber(parsed[i]));
        Step("type", i => util.GetNumberType(parsed[i]));
        Step("country (ZZ)", i => geocoder.GetDescriptionForValidNumber(parsed[i], PhoneNumbers.Locale.English, "ZZ"));
        Step("ZoneOf again", i => { var length = CallNumber.Normalize(numbers[i], digits); CallGeocoder.ZoneOf(digits.AsSpan(0, length)); });
        Step("place", i => geocoder.GetDescriptionForValidNumber(parsed[i], PhoneNumbers.Locale.English));
        return 0;
    }
}
