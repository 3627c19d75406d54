namespace SupportTools.TestServer;

/// <summary>Options for <see cref="LoopbackServer.StartAsync"/>.</summary>
public sealed class LoopbackServerOptions
{
    /// <summary>A rate limit applied to every request before faults and handlers; null for none.</summary>
    public RateLimitPolicy? RateLimit { get; init; }
}
