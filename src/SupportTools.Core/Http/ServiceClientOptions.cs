namespace SupportTools.Http;

/// <summary>
/// How one <see cref="ServiceClient"/> talks to one service: where, as whom, and how patiently. A record, so a use case
/// that needs a variant (another signer, another origin, a larger answer) derives it with <c>with</c> and keeps every
/// other setting the cmdlet chose, instead of copying them one by one.
/// </summary>
public sealed record ServiceClientOptions
{
    /// <summary>The service's address: scheme, host and port; request targets are relative to it.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>The service's name ("Desk", "Close") for verbose lines and error messages.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Adds the credentials to every attempt (OAuth 1.0a needs a fresh nonce each time); null for none.</summary>
    public IRequestSigner? Signer { get; init; }

    /// <summary>Attempts per request, the first included: after that many, the request fails with a <see cref="ServiceException"/>.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>How long one attempt may take, headers and body together, before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's delay when the server gives no hint; doubled per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before a retry, for backoff and for server hints alike: a server that asks for longer fails the
    /// request at once (waiting an hour in a pipeline helps nobody) and the error says how long it asked for.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many requests may be in flight at once (an import sends several; a pager one).</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>
    /// The most bytes one answer may have, on the wire and again once decompressed (64 MiB by default: a page of 100
    /// Desk cases is well under 1 MiB). A larger answer fails at once as <see cref="ServiceFailure.ResponseTooLarge"/>,
    /// without being retried, and memory never holds more than this per answer. At most <see cref="Array.MaxLength"/>.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// How many redirects one attempt follows, each only within the service's origin (the credentials are signed again
    /// for the new URL); a redirect elsewhere, or one too many, fails as <see cref="ServiceFailure.RedirectRefused"/>.
    /// </summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The handler under the client: tests only (the default is a pooled <see cref="SocketsHttpHandler"/>).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
