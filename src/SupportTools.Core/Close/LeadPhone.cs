using PhoneNumbers;

namespace SupportTools.Close;

/// <summary>
/// Phone numbers to E.164 with libphonenumber: numbers without a country code are read in the default region
/// (<c>-DefaultRegion</c>, US unless given). A number libphonenumber cannot parse, or one that is not a valid number
/// for its region (wrong length, unassigned area code), is a problem. An extension is kept after the number
/// (<c>+14155550123;ext=12</c>, RFC 3966 style) rather than silently dropped.
/// </summary>
internal static class LeadPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The two-letter ISO codes libphonenumber knows, sorted.</summary>
    public static IReadOnlyList<string> SupportedRegions { get; } = Util.GetSupportedRegions().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether libphonenumber knows <paramref name="region"/> (a two-letter ISO code).</summary>
    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The E.164 number, or null with <paramref name="problem"/> saying why.</summary>
    public static string? Parse(string text, string region, out string? problem)
    {
        problem = null;
        PhoneNumber number;
        try
        {
            number = Util.Parse(text.Trim(), region.ToUpperInvariant());
        }
        catch (NumberParseException)
        {
            problem = $"Phone '{text}' is not a phone number";
            return null;
        }
        if (!Util.IsValidNumber(number))
        {
            problem = $"Phone '{text}' is not a valid number (read in region {region.ToUpperInvariant()})";
            return null;
        }
        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        return number.HasExtension ? $"{e164};ext={number.Extension}" : e164;
    }
}
