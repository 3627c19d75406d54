using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using PhoneNumbers;

namespace SupportTools.Calls;

/// <summary>
/// Zones from the numbers themselves, when no zone table was imported, through libphonenumber's offline geocoder
/// (its own data, the same on every platform and culture):
/// <list type="bullet">
/// <item>country: the English name of the number's region (<c>New Zealand</c>, <c>United Kingdom</c>);</item>
/// <item>region: <c>&lt;country&gt; Mobile</c> for mobile numbers (and pagers); else <c>&lt;country&gt; &lt;place&gt;</c>
/// with the geocoder's place (<c>New Zealand Balclutha</c>, <c>Australia Sydney</c>, <c>United States New York, NY</c>);
/// else, when the geocoder knows no place, <c>&lt;country&gt; &lt;kind&gt;</c> for the number's kind (Landline,
/// Toll-free, Premium rate, Shared cost, VoIP, Personal, UAN, Voicemail, Other);</item>
/// <item>zone id: the country calling code × 10^12 + (XxHash64 of the region's UTF-8 name mod 10^12), e.g.
/// 64_xxxxxxxxxxxx for New Zealand: the same for the same region on every machine and in every import, without a table,
/// and below 2^53 so JSON readers keep it exact.</item>
/// </list>
/// Invalid numbers have no zone.
/// </summary>
internal static class CallGeocoder
{
    private const long IdSpace = 1_000_000_000_000;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberOfflineGeocoder Geocoder = PhoneNumberOfflineGeocoder.GetInstance();

    /// <summary>
    /// Answers by the digits that decide them (see <see cref="CallGeocodePrefix"/>): a number costs libphonenumber a few
    /// microseconds, and a carrier's CDRs carry millions of distinct numbers in far fewer prefixes. Bounded: cleared when
    /// full; the key packs the deciding digits' value (at most 15 digits), their count and the number's length in one long.
    /// </summary>
    private static readonly Dictionary<long, Shared> ByPrefix = [];
    private const int PrefixLimit = 1 << 18; // about 10 MB at most; a run of millions of numbers meets tens of thousands of prefixes

    /// <summary>The zone of the international digits <paramref name="digits"/>, or null for an invalid number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CallZone? ZoneOf(ReadOnlySpan<byte> digits)
    {
        var deciding = CallGeocodePrefix.DecidingLength(digits, out var codeLength);
        // A prefix shared by fewer than 100 numbers (one free digit) is not worth an entry: it would crowd out the rest.
        if (deciding > digits.Length - 2 || deciding > 15) return ByNumber(digits);
        long value = 0;
        foreach (var digit in digits[..deciding]) value = value * 10 + (digit - '0');
        var key = (value * 32 + deciding) * 32 + digits.Length; // below 10^15 * 1024: fits; digits.Length is at most 20
        Shared known;
        bool found;
        lock (ByPrefix) found = ByPrefix.TryGetValue(key, out known);
        if (found) return known.Strips ? ByNumber(digits) : known.Zone;
        var strips = CallGeocodePrefix.MayStrip(CodeOf(digits[..codeLength]), digits[codeLength..deciding]);
        var zone = Exact(digits);
        lock (ByPrefix)
        {
            if (ByPrefix.Count >= PrefixLimit) ByPrefix.Clear();
            ByPrefix[key] = new Shared(strips, strips ? null : zone);
        }
        return zone;
    }

    /// <summary>
    /// The geocoder's answers for numbers no prefix decides, by number key, shared by every import in the process: its
    /// data never changes, and a number costs it microseconds, so a session importing file after file asks it once per
    /// number it keeps. Bounded: past the limit new numbers are asked each time.
    /// </summary>
    private static readonly ConcurrentDictionary<long, CallZone?> Numbers = new();
    private const int NumberLimit = 1 << 16;
    private static int _numbersCount;

    private static CallZone? ByNumber(ReadOnlySpan<byte> digits)
    {
        var key = CallNumber.Key(digits, digits.Length);
        if (key >= 0 && Numbers.TryGetValue(key, out var known)) return known;
        var zone = Exact(digits);
        if (key >= 0 && Volatile.Read(ref _numbersCount) < NumberLimit && Numbers.TryAdd(key, zone)) Interlocked.Increment(ref _numbersCount);
        return zone;
    }

    /// <summary>An answer shared by a prefix, or (<see cref="Strips"/>) a prefix whose numbers must each be asked.</summary>
    private readonly record struct Shared(bool Strips, CallZone? Zone);

    private static int CodeOf(ReadOnlySpan<byte> digits)
    {
        var code = 0;
        foreach (var digit in digits) code = code * 10 + (digit - '0');
        return code;
    }

    /// <summary>Forgets the answers shared by prefix (tests compare fresh answers).</summary>
    internal static void ClearPrefixCache()
    {
        lock (ByPrefix) ByPrefix.Clear();
    }

    /// <summary>The geocoder's own answer for <paramref name="digits"/>, asked of libphonenumber every time.</summary>
    internal static CallZone? Exact(ReadOnlySpan<byte> digits)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse("+" + Encoding.ASCII.GetString(digits), null);
        }
        catch (NumberParseException)
        {
            return null;
        }
        // A number is valid exactly when its type is known: IsValidNumber asks the same patterns of the same region's
        // metadata as GetNumberType, so asking both matched every pattern twice.
        var type = Util.GetNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) return null;
        // With a user region that is no number's, the geocoder names the country rather than a place.
        var country = Geocoder.GetDescriptionForValidNumber(number, Locale.English, "ZZ");
        if (country.Length == 0) country = Util.GetRegionCodeForNumber(number);
        string region;
        if (type is PhoneNumberType.MOBILE or PhoneNumberType.PAGER) region = $"{country} Mobile";
        else
        {
            var place = Geocoder.GetDescriptionForValidNumber(number, Locale.English);
            region = place.Length > 0 && place != country ? $"{country} {place}" : $"{country} {Kind(type)}";
        }
        return new CallZone(IdOf(number.CountryCode, region), country, region);
    }

    /// <summary>The stable id of <paramref name="region"/> in the country with calling code <paramref name="countryCode"/>.</summary>
    public static long IdOf(int countryCode, string region) =>
        countryCode * IdSpace + (long)(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(region)) % IdSpace);

    private static string Kind(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE => "Landline",
        PhoneNumberType.TOLL_FREE => "Toll-free",
        PhoneNumberType.PREMIUM_RATE => "Premium rate",
        PhoneNumberType.SHARED_COST => "Shared cost",
        PhoneNumberType.VOIP => "VoIP",
        PhoneNumberType.PERSONAL_NUMBER => "Personal",
        PhoneNumberType.UAN => "UAN",
        PhoneNumberType.VOICEMAIL => "Voicemail",
        _ => "Other",
    };
}
