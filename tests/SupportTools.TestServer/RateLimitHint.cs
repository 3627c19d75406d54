namespace SupportTools.TestServer;

/// <summary>How a rate-limited (or injected) response tells the client when to try again: one style per real service.</summary>
public enum RateLimitHint
{
    /// <summary><c>Retry-After: &lt;seconds&gt;</c> (whole seconds, rounded up).</summary>
    RetryAfterSeconds,

    /// <summary><c>Retry-After: &lt;HTTP date&gt;</c> (RFC 9110 IMF-fixdate, rounded up to the next second).</summary>
    RetryAfterDate,

    /// <summary>Desk's style: <c>X-Rate-Limit-Limit</c>, <c>X-Rate-Limit-Remaining</c>, <c>X-Rate-Limit-Reset</c> (seconds), on every response.</summary>
    XRateLimitReset,

    /// <summary>Close's style: <c>RateLimit: limit=N, remaining=M, reset=S</c> and <c>RateLimit-Policy: N;w=W</c>, on every response.</summary>
    RateLimitHeader,

    /// <summary>Close's 429 body: <c>{"error": "API call count exceeded for this 15 second window", "rate_reset": 1.23, "rate_limit": N, "rate_window": W}</c>, no headers.</summary>
    JsonRateReset,

    /// <summary>A bare 429: no hint at all, so the client must fall back on its own backoff.</summary>
    None,
}
