using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>Zones from the numbers themselves: the service's names, and ids that never change.</summary>
public sealed class CallGeocoderTests
{
    [Theory]
    [InlineData("6434181234", "New Zealand", "New Zealand Balclutha")]
    [InlineData("6493031234", "New Zealand", "New Zealand Auckland")]
    [InlineData("6421234567", "New Zealand", "New Zealand Mobile")]
    [InlineData("61390123456", "Australia", "Australia Melbourne")]
    [InlineData("61298765432", "Australia", "Australia Sydney")]
    [InlineData("61412345678", "Australia", "Australia Mobile")]
    [InlineData("12125551234", "United States", "United States New York, NY")]
    [InlineData("442071234567", "United Kingdom", "United Kingdom London")]
    [InlineData("447912345678", "United Kingdom", "United Kingdom Mobile")]
    [InlineData("18005551234", "United States", "United States Toll-free")]
    [InlineData("64800123456", "New Zealand", "New Zealand Toll-free")]
    public void Regions_are_named_country_then_place_or_mobile(string digits, string country, string region)
    {
        var zone = CallGeocoder.ZoneOf(System.Text.Encoding.ASCII.GetBytes(digits));
        Assert.NotNull(zone);
        Assert.Equal((country, region), (zone.Value.Country, zone.Value.Region));
    }

    [Theory]
    [InlineData("6441234567")]   // too short for a Wellington number
    [InlineData("1001")]
    [InlineData("999")]
    public void Invalid_numbers_have_no_zone(string digits) => Assert.Null(CallGeocoder.ZoneOf(System.Text.Encoding.ASCII.GetBytes(digits)));

    [Fact]
    public void Zone_ids_are_fixed_by_the_calling_code_and_the_region_name()
    {
        // Pinned: the same on every machine, in every import, and in every version of this module.
        Assert.Equal(64, CallGeocoder.IdOf(64, "New Zealand Balclutha") / 1_000_000_000_000); // the calling code leads
        Assert.Equal(PinnedBalclutha, CallGeocoder.IdOf(64, "New Zealand Balclutha"));
        var a = CallGeocoder.ZoneOf("6434181234"u8)!.Value.Id;
        var b = CallGeocoder.ZoneOf("6434189999"u8)!.Value.Id;
        Assert.Equal(a, b);
        Assert.Equal(PinnedBalclutha, a);
        Assert.NotEqual(a, CallGeocoder.ZoneOf("6493031234"u8)!.Value.Id);
        Assert.InRange(a, 0, 1L << 53); // exact in JSON readers that use doubles
    }

    private const long PinnedBalclutha = 64_110_780_541_378;
}
