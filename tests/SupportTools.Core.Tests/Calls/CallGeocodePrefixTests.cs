using System.Text;
using PhoneNumbers;
using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>
/// Geocoder answers shared by deciding prefix (<see cref="CallGeocodePrefix"/>) are the geocoder's own: compared with
/// libphonenumber asked for each number, on numbers of every region and type it has an example of (their last digits
/// varied, so numbers share prefixes) and on the generator's distinct numbers.
/// </summary>
public sealed class CallGeocodePrefixTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Fact]
    public void Shared_answers_equal_the_geocoders_own_for_every_region_and_type()
    {
        var random = new Random(13);
        var numbers = new List<string>();
        var types = Enum.GetValues<PhoneNumberType>();
        foreach (var region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
            foreach (var type in types)
            {
                if (Util.GetExampleNumberForType(region, type) is not { } example) continue;
                var digits = Util.Format(example, PhoneNumberFormat.E164)[1..];
                numbers.Add(digits);
                for (var variant = 0; variant < 40; variant++)
                {
                    var changed = digits.ToCharArray();
                    for (var i = 1 + random.Next(Math.Min(7, changed.Length - 3)); i > 0; i--) changed[^i] = (char)('0' + random.Next(10));
                    numbers.Add(new string(changed));
                }
            }
        Assert.True(numbers.Count > 50_000, $"only {numbers.Count} numbers");
        foreach (var number in numbers)
        {
            // The geocoder's answer is given exactly for the numbers libphonenumber calls valid.
            var valid = IsValid(number);
            Assert.True(valid == CallGeocoder.Exact(Encoding.ASCII.GetBytes(number)) is not null, $"+{number}: valid {valid}");
        }
        var shared = AssertSameAnswers(numbers.OrderBy(_ => random.Next()).ToList());
        Assert.True(shared > numbers.Count / 4, $"only {shared:N0} of {numbers.Count:N0} numbers shared a prefix's answer");
    }

    [Fact]
    public void Shared_answers_equal_the_geocoders_own_for_the_generators_distinct_numbers()
    {
        var numbers = new CallRecordGenerator(21, newCallerEachCall: true).Calls(60_000)
            .Select(call => CallNumber.Normalize(call.CallDirection == "inbound" ? call.CallerIdNumber! : call.CalleeIdNumber!)!).ToList();
        Assert.True(numbers.Distinct().Count() > 59_000);
        var shared = AssertSameAnswers(numbers);
        Assert.True(shared > numbers.Count / 3, $"only {shared:N0} of {numbers.Count:N0} numbers shared a prefix's answer");
    }

    [Fact]
    public void A_new_zealand_mobile_is_decided_by_its_first_digits_and_a_landline_by_where_its_place_is_told()
    {
        Assert.Equal(5, CallGeocodePrefix.DecidingLength("64211234567"u8, out var code));
        Assert.Equal(2, code);
        // The place is decided per number: a Sydney landline matches a short key of the geocoding data, so it no longer
        // keeps as many digits as Australia's longest key (10 of its 11).
        Assert.True(CallGeocodePrefix.DecidingLength("61298765432"u8, out _) is > 3 and < 10);
        Assert.True(CallGeocodePrefix.DecidingLength("6493001000"u8, out _) is > 3 and < 10);
    }

    [Fact]
    public void Shared_answers_equal_the_geocoders_own_for_random_numbers_of_countries_with_long_place_keys()
    {
        // Random national digits after area codes whose geocoding keys are of every length (Australia's go to 10 digits,
        // the United States' to 7, the United Kingdom's to 9): each number's place is decided by the keys it begins.
        var random = new Random(7);
        var numbers = new List<string>();
        foreach (var (start, length) in new[] { ("612", 11), ("613", 11), ("617", 11), ("618", 11), ("614", 11), ("1212", 11), ("1415", 11),
                                                  ("1907", 11), ("4420", 12), ("4412", 12), ("4413", 12), ("4415", 12), ("4416", 12), ("4417", 12),
                                                  ("643", 10), ("646", 10), ("649", 10), ("6421", 11), ("5411", 12), ("54911", 13) })
            for (var i = 0; i < 3_000; i++)
            {
                var digits = new char[length];
                start.CopyTo(digits);
                for (var d = start.Length; d < length; d++) digits[d] = (char)('0' + random.Next(10));
                numbers.Add(new string(digits));
            }
        var shared = AssertSameAnswers(numbers);
        Assert.True(shared > numbers.Count / 4, $"only {shared:N0} of {numbers.Count:N0} numbers shared a prefix's answer");
    }

    [Theory]
    [InlineData("50[0-9]{5}(?:[0-9]{2,3})?", 7, 10)]
    [InlineData("(183[12])|0", 1, 4)]
    [InlineData("2(?:[0-27-9][0-9]|6)[0-9]{6,7}", 8, 10)]
    [InlineData("8001111", 7, 7)]
    [InlineData("[0-9]*", 0, int.MaxValue)]
    [InlineData("([59]\\d{7})$|0", 0, int.MaxValue)]
    [InlineData("(?=1)1", 0, int.MaxValue)]
    public void Pattern_lengths_are_bounded_only_when_provably(string pattern, int shortest, int longest) =>
        Assert.Equal((shortest, longest), CallGeocodePrefix.Lengths(pattern));

    [Theory]
    [InlineData("2(?:1[0-9]|75)[0-9]{5}", 8, '2', 5)]
    [InlineData("50[0-9]{5}(?:[0-9]{2,3})?", 9, '5', 5)]
    [InlineData("8[0-9]{4,6}|2[0-9]{7}", 8, '2', 7)]  // the 8… alternative cannot start a 2…
    [InlineData("8[0-9]{4,6}|2[0-9]{7}", 7, '8', 4)]
    [InlineData("(?:2|3)[0-9]{6}(?:12)?", 7, '2', 0)]  // may end in a fixed 12
    public void Trailing_digits_count_only_alternatives_that_can_match(string pattern, int length, char first, int trailing) =>
        Assert.Equal(trailing, CallGeocodePrefix.TrailingDigits(pattern, length, first));

    private static bool IsValid(string digits)
    {
        try
        {
            return Util.IsValidNumber(Util.Parse("+" + digits, null));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Asserts each number's answer equals the geocoder's own; returns how many were answered by a shared prefix.</summary>
    private static int AssertSameAnswers(IReadOnlyList<string> numbers)
    {
        CallGeocoder.ClearPrefixCache();
        var seen = new HashSet<string>();
        var shared = 0;
        foreach (var number in numbers)
        {
            var digits = Encoding.ASCII.GetBytes(number);
            var answer = CallGeocoder.ZoneOf(digits);
            var exact = CallGeocoder.Exact(digits);
            Assert.True(answer == exact, $"+{number}: shared {answer} but the geocoder says {exact}");
            var deciding = CallGeocodePrefix.DecidingLength(digits, out _);
            if (deciding < digits.Length && !seen.Add($"{number[..deciding]}/{number.Length}")) shared++;
        }
        return shared;
    }
}
