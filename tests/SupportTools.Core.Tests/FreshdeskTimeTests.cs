using SupportTools.Tickets;

namespace SupportTools.Tests;

public class FreshdeskTimeTests
{
    [Theory]
    [InlineData("21-04-2017 09:33:38 +0000", 2017, 4, 21, 9, 33, 38, 0)]
    [InlineData("01-01-2020 00:00:00 +0530", 2020, 1, 1, 0, 0, 0, 330)]
    [InlineData("29-02-2024 23:59:59 -0800", 2024, 2, 29, 23, 59, 59, -480)]
    public void Parses_and_formats_the_export_format(string text, int y, int mo, int d, int h, int mi, int s, int offsetMinutes)
    {
        Assert.True(FreshdeskTime.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
        Assert.Equal(text, FreshdeskTime.ToString(value));
    }

    [Theory]
    [InlineData("2017-04-21 09:33:38 +0000")]
    [InlineData("21/04/2017 09:33:38 +0000")]
    [InlineData("31-04-2017 09:33:38 +0000")]
    [InlineData("21-04-2017 24:00:00 +0000")]
    [InlineData("21-04-2017 09:33:38")]
    [InlineData("")]
    public void Rejects_other_formats_and_impossible_dates(string text) =>
        Assert.False(FreshdeskTime.TryParse(text, out _));
}
