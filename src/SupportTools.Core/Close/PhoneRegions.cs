namespace SupportTools.Close;

/// <summary>The regions whose national phone numbers the cleaner reads (for <c>-DefaultRegion</c>'s completion).</summary>
internal static class PhoneRegions
{
    /// <summary>The ISO 3166-1 alpha-2 codes libphonenumber supports, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = LeadPhone.SupportedRegions;
}
