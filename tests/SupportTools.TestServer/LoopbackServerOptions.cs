namespace SupportTools.TestServer;

/// <summary>Options for <see cref="LoopbackServer.StartAsync"/>.</summary>
public sealed class LoopbackServerOptions
{
    /// <summary>A rate limit applied to every request before faults and handlers; null for none.</summary>
    public RateLimitPolicy? RateLimit { get; init; }

    /// <summary>
    /// Serves HTTPS with this certificate (with its private key) instead of HTTP: a self-signed one shows what a client
    /// does with a server it must not trust. See <see cref="SelfSignedCertificate"/>.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }
}
