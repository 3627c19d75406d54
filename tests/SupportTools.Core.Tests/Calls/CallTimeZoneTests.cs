using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>Time zone ids: IANA through NodaTime's tz database, any case, Windows ids, UTC by default, helpful errors.</summary>
public sealed class CallTimeZoneTests
{
    [Theory]
    [InlineData(null, "UTC")]
    [InlineData(" ", "UTC")]
    [InlineData("Pacific/Auckland", "Pacific/Auckland")]
    [InlineData("pacific/auckland", "Pacific/Auckland")]
    [InlineData("New Zealand Standard Time", "Pacific/Auckland")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    public void Ids_resolve(string? id, string expected) => Assert.Equal(expected, CallTimeZone.Resolve(id).Id);

    [Theory]
    [InlineData("Pacific/Auckand", "'Pacific/Auckland'")]
    [InlineData("Auckland", "'Pacific/Auckland'")]
    [InlineData("Mars/Olympus_Mons", "[NodaTime.DateTimeZoneProviders]::Tzdb.Ids")]
    public void Unknown_ids_say_how_to_find_one(string id, string hint)
    {
        var error = Assert.Throws<UnknownTimeZoneException>(() => CallTimeZone.Resolve(id));
        Assert.Equal(id, error.ZoneId);
        Assert.StartsWith($"Unknown time zone '{id}'.", error.Message);
        Assert.Contains(hint, error.Message);
        Assert.Contains("press Tab after -TimeZone", error.Message);
    }
}
