using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace SupportTools.TestServer;

/// <summary>Writes a <see cref="RateLimitHint"/> the way the real services do: on refusals, and on every response for the header styles.</summary>
internal static class RateLimitHeaders
{
    /// <summary>The headers a service of this style sends on every response, so a client can pace itself.</summary>
    public static void AddStanding(HttpResponse response, RateLimitHint hint, RateLimitState state)
    {
        var headers = response.Headers;
        switch (hint)
        {
            case RateLimitHint.XRateLimitReset:
                headers["X-Rate-Limit-Limit"] = Invariant(state.Limit);
                headers["X-Rate-Limit-Remaining"] = Invariant(state.Remaining);
                headers["X-Rate-Limit-Reset"] = Invariant(WholeSeconds(state.Reset));
                break;
            case RateLimitHint.RateLimitHeader:
                // Decimal seconds as Close sends them (a client parsing a double reads whole seconds too).
                headers["RateLimit"] = $"limit={Invariant(state.Limit)}, remaining={Invariant(state.Remaining)}, reset={Seconds(state.Reset)}";
                headers["RateLimit-Policy"] = $"{Invariant(state.Limit)};w={Seconds(state.Window)}";
                break;
        }
    }

    /// <summary>Answers with <paramref name="status"/> and the hint: headers, or Close's JSON body.</summary>
    public static Task WriteRefusalAsync(HttpResponse response, int status, RateLimitHint hint, RateLimitState state)
    {
        response.StatusCode = status;
        AddStanding(response, hint, state with { Remaining = 0 });
        switch (hint)
        {
            case RateLimitHint.RetryAfterSeconds:
                response.Headers.RetryAfter = Invariant(WholeSeconds(state.Reset));
                break;
            case RateLimitHint.RetryAfterDate:
                // An HTTP date has whole seconds: round the reset moment up, never down.
                var at = DateTimeOffset.UtcNow + state.Reset;
                at = at.AddTicks((TimeSpan.TicksPerSecond - at.Ticks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond);
                response.Headers.RetryAfter = at.ToString("R", CultureInfo.InvariantCulture);
                break;
            case RateLimitHint.JsonRateReset:
                return response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["error"] = $"API call count exceeded for this {Seconds(state.Window)} second window",
                    ["rate_reset"] = Milliseconds(state.Reset),
                    ["rate_limit"] = state.Limit,
                    ["rate_window"] = state.Window.TotalSeconds,
                });
        }
        return response.WriteAsJsonAsync(new Dictionary<string, object> { ["error"] = ReasonPhrases.GetReasonPhrase(status) });
    }

    // Header seconds round up: a client that waits the stated whole seconds must find the window reset.
    private static long WholeSeconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);

    // Decimal seconds round up to the millisecond for the same reason: a reset stated early lets a client in too soon.
    private static double Milliseconds(TimeSpan span) => Math.Ceiling(span.TotalMilliseconds) / 1000;

    private static string Seconds(TimeSpan span) => Milliseconds(span).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
