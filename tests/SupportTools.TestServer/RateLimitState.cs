namespace SupportTools.TestServer;

/// <summary>Where a rate limit stands for one request: what the hint headers and bodies report.</summary>
/// <param name="Allowed">Whether this request is within the limit.</param>
/// <param name="Limit">Requests allowed per window.</param>
/// <param name="Remaining">Requests still allowed in the current window after this one.</param>
/// <param name="Reset">Time until the current window ends.</param>
/// <param name="Window">The window's length.</param>
internal readonly record struct RateLimitState(bool Allowed, int Limit, int Remaining, TimeSpan Reset, TimeSpan Window)
{
    /// <summary>The state an injected fault reports when no policy is configured: its own reset as a one-request window.</summary>
    public static RateLimitState Exhausted(TimeSpan reset) => new(false, 1, 0, reset, reset);
}
