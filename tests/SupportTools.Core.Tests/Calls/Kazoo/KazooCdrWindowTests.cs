using SupportTools.Calls.Kazoo;

namespace SupportTools.Tests.Calls.Kazoo;

/// <summary>Ranges split into crossbar windows (inclusive Gregorian seconds) and crossbar's refusals read from its envelope.</summary>
public sealed class KazooCdrWindowTests
{
    private const long Epoch = 62_167_219_200;

    [Theory]
    [InlineData(0, 100, 1000, 1)]
    [InlineData(0, 100, 99, 1)]
    [InlineData(0, 100, 49, 2)]
    [InlineData(0, 5_356_800, 2_678_400, 2)] // 62 days at 31
    [InlineData(0, 5_356_803, 2_678_400, 3)]
    [InlineData(10, 11, 1, 1)]
    public void Windows_cover_the_range_exactly_without_overlap_and_within_the_maximum(long from, long to, long max, int count)
    {
        var windows = KazooCdrWindow.Split(from, to, max);

        Assert.Equal(count, windows.Count);
        Assert.Equal(from + Epoch, windows[0].CreatedFrom);
        Assert.Equal(to - 1 + Epoch, windows[^1].CreatedTo);
        Assert.All(windows, w => Assert.InRange(w.Span, 0, max));
        for (var i = 1; i < windows.Count; i++) Assert.Equal(windows[i - 1].CreatedTo + 1, windows[i].CreatedFrom);
    }

    [Fact]
    public void An_empty_range_has_no_windows() => Assert.Empty(KazooCdrWindow.Split(100, 100, 10));

    [Fact]
    public void A_range_refusal_is_found_by_its_date_range_key_and_its_stated_limit_read()
    {
        // crossbar_view:time_range/5 via cb_context:add_validation_error/4 (2600hz/kazoo 4.3)
        var body = """{"auth_token":"","data":{"created_from":{"date_range":{"message":"created_to 63919238400 is more than 2682000 seconds from created_from 63913190400","cause":63919238400}}},"error":"400","message":"validation error","request_id":"r","status":"error"}"""u8.ToArray();

        var refusal = KazooRefusal.Read(body);

        Assert.True(refusal.IsRangeError);
        Assert.Equal(2_682_000, refusal.MaxRangeSeconds);
        Assert.Equal("validation error; created_from (date_range): created_to 63919238400 is more than 2682000 seconds from created_from 63913190400", refusal.Text);
    }

    [Theory]
    [InlineData("""{"data":{"message":"invalid credentials"},"error":"401","message":"invalid_credentials","status":"error"}""", "invalid_credentials; message: invalid credentials")]
    [InlineData("""{"data":{"account_name":{"required":{"message":"Field is required but missing"}}},"error":"400","message":"validation error"}""", "validation error; account_name (required): Field is required but missing")]
    [InlineData("<html>Bad Gateway</html>", null)]
    [InlineData("", null)]
    public void Other_refusals_keep_crossbars_words_and_are_not_range_errors(string body, string? text)
    {
        var refusal = KazooRefusal.Read(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.False(refusal.IsRangeError);
        Assert.Null(refusal.MaxRangeSeconds);
        Assert.Equal(text, refusal.Text);
    }
}
