using System.Net.Http.Headers;
using SupportTools.Http;

namespace SupportTools.Tests;

public class ServerHintsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static ServerHints Hints(int status, string? body, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return ServerHints.From(status, response.Headers, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), Now);
    }

    [Theory]
    [InlineData("Retry-After", "7", 7.0)]
    [InlineData("Retry-After", "Sun, 29 Nov 2026 12:00:09 GMT", 9.0)]
    [InlineData("X-Rate-Limit-Reset", "12", 12.0)]
    [InlineData("X-RateLimit-Reset", "2.5", 2.5)]
    [InlineData("X-Rate-Limit-Reset", "1795953605", 5.0)] // a Unix time (2026-11-29 12:00:05Z)
    [InlineData("RateLimit", "limit=100, remaining=0, reset=3", 3.0)]
    [InlineData("RateLimit", "limit=100;remaining=5;reset=4", 4.0)]
    [InlineData("RateLimit-Reset", "6", 6.0)]
    public void A_429s_wait_comes_from_any_header_style_and_holds_every_request(string header, string value, double seconds)
    {
        var hints = Hints(429, null, (header, value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), hints.RetryAfter);
        Assert.True(hints.HoldAll);
    }

    [Fact]
    public void A_429s_json_rate_reset_counts_when_no_header_says_more()
    {
        Assert.Equal(TimeSpan.FromSeconds(1.25), Hints(429, """{"error":"API call count exceeded","rate_reset":1.25}""").RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1.5), Hints(429, """{"error":{"message":"API call count exceeded","rate_reset":1.5}}""").RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), Hints(429, """{"rate_reset":1.25}""", ("Retry-After", "2")).RetryAfter);
    }

    [Fact]
    public void A_bare_429_has_no_hint_so_backoff_applies() => Assert.Equal(ServerHints.None, Hints(429, "not json"));

    [Fact]
    public void A_success_holds_requests_only_when_the_window_is_used_up()
    {
        Assert.Equal(ServerHints.None, Hints(200, "{}", ("RateLimit", "limit=100, remaining=3, reset=3")));
        Assert.Equal(new ServerHints(TimeSpan.FromSeconds(3), true), Hints(200, "{}", ("RateLimit", "limit=100, remaining=0, reset=3")));
        Assert.Equal(new ServerHints(TimeSpan.FromSeconds(8), true), Hints(200, "{}", ("X-Rate-Limit-Remaining", "0"), ("X-Rate-Limit-Reset", "8")));
    }

    [Fact]
    public void A_5xx_counts_only_retry_after()
    {
        Assert.Equal(new ServerHints(TimeSpan.FromSeconds(4), true), Hints(503, null, ("Retry-After", "4")));
        Assert.Equal(ServerHints.None, Hints(502, null, ("X-Rate-Limit-Reset", "8")));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Unreadable_hints_are_ignored(string value) => Assert.Null(Hints(429, null, ("X-Rate-Limit-Reset", value)).RetryAfter);
}
