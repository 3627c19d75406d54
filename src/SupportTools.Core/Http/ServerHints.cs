using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SupportTools.Http;

/// <summary>
/// What a server says about when to come back, in any of the forms services use: <c>Retry-After</c> (seconds or an HTTP
/// date), <c>X-Rate-Limit-Reset</c> (seconds; Desk), the IETF draft's <c>RateLimit: limit=…, remaining=…, reset=…</c>
/// (Close), and a JSON body's <c>rate_reset</c> (Close's 429). <see cref="RetryAfter"/> is the wait before a retry of this
/// request; <see cref="HoldAll"/> says whether every request must wait (a 429, or a window with nothing remaining).
/// </summary>
internal readonly record struct ServerHints(TimeSpan? RetryAfter, bool HoldAll)
{
    public static ServerHints None => default;

    public static ServerHints From(int status, HttpResponseHeaders headers, byte[]? body, DateTimeOffset now)
    {
        var retryAfter = RetryAfterHeader(headers, now);
        if (status >= 500)
            // A 503's Retry-After speaks for the whole service, not this request alone.
            return new ServerHints(retryAfter, retryAfter is not null);
        var rateLimit = RateLimitHeader(headers);
        var vendorReset = Reset(First(headers, "X-Rate-Limit-Reset") ?? First(headers, "X-RateLimit-Reset"), now);
        var vendorRemaining = First(headers, "X-Rate-Limit-Remaining") ?? First(headers, "X-RateLimit-Remaining");
        TimeSpan? wait;
        if (status == 429)
            wait = retryAfter ?? vendorReset ?? RateReset(body) ?? rateLimit.Reset;
        else if (rateLimit.Remaining == 0 || vendorRemaining == "0")
            // A success that used up the window: every request waits for the reset instead of collecting a 429.
            wait = retryAfter ?? vendorReset ?? rateLimit.Reset;
        else
            return None;
        return new ServerHints(wait, wait is not null);
    }

    private static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary><c>RateLimit: limit=100, remaining=0, reset=3</c> (also as separate <c>RateLimit-Remaining</c>/<c>-Reset</c> headers).</summary>
    private static (long? Remaining, TimeSpan? Reset) RateLimitHeader(HttpResponseHeaders headers)
    {
        long? remaining = null;
        TimeSpan? reset = null;
        if (First(headers, "RateLimit") is { } combined)
            foreach (var part in combined.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                if (equals < 0)
                    continue;
                var (name, value) = (part[..equals].Trim(), part[(equals + 1)..].Trim());
                if (name.Equals("remaining", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                    remaining = r;
                else if (name.Equals("reset", StringComparison.OrdinalIgnoreCase))
                    reset = Seconds(value);
            }
        if (First(headers, "RateLimit-Remaining") is { } separate && long.TryParse(separate, NumberStyles.None, CultureInfo.InvariantCulture, out var rem))
            remaining ??= rem;
        reset ??= Seconds(First(headers, "RateLimit-Reset"));
        return (remaining, reset);
    }

    private static TimeSpan? RateReset(byte[]? body)
    {
        if (body is not { Length: > 0 and < 65536 })
            return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            // Close has sent it at the top level and inside an "error" object; read both.
            var root = json.RootElement;
            var holder = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? error
                : root;
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("rate_reset", out var reset))
                return null;
            // A number (0.734), or the same as text ("0.59": closeio-api reads it with float(), so Close has sent both);
            // anything else, or a wait no server means (1e12 s), is unreadable and the retry falls back to backoff.
            return reset.ValueKind switch
            {
                JsonValueKind.Number when reset.TryGetDouble(out var seconds) => Plausible(seconds),
                JsonValueKind.String => Seconds(reset.GetString()),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Seconds until the reset, or (services that send a Unix time, as GitHub does) the time of the reset.</summary>
    private static TimeSpan? Reset(string? text, DateTimeOffset now) => Seconds(text) switch
    {
        { TotalSeconds: > 1e9 } epoch => DateTimeOffset.FromUnixTimeMilliseconds((long)epoch.TotalMilliseconds) is var at && at > now ? at - now : TimeSpan.Zero,
        var seconds => seconds,
    };

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? Plausible(seconds) : null;

    /// <summary>
    /// A wait in seconds that can be a wait or a reset time: finite, not negative, below 1e11 (3,000 years; a Unix time in
    /// seconds is about 1.8e9). Anything else is no hint at all, rather than an overflow.
    /// </summary>
    private static TimeSpan? Plausible(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds < 1e11 ? TimeSpan.FromSeconds(seconds) : null;

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
