namespace SupportTools.Http;

/// <summary>
/// A request that failed for good: which request (service, method, URL with secret-looking query values redacted),
/// how it ended (status, attempts) and why. Never carries credentials: the message is built from the URL and the
/// server's own error text only.
/// </summary>
public sealed class ServiceException : SupportToolsException
{
    internal ServiceException(ServiceFailure failure, string serviceName, HttpMethod method, Uri requestUri, int? statusCode,
        int attempts, string reason, string? serviceMessage = null, Exception? inner = null)
        : this(SecretScrubber.None, failure, serviceName, method, requestUri, statusCode, attempts, reason, serviceMessage, inner)
    {
    }

    /// <summary>
    /// As the other constructor, with the module's own secrets (<paramref name="scrubber"/>) blanked out of the whole
    /// message and the server's words: a server that echoes a credential back never gets it into an error or a file.
    /// </summary>
    internal ServiceException(SecretScrubber scrubber, ServiceFailure failure, string serviceName, HttpMethod method, Uri requestUri,
        int? statusCode, int attempts, string reason, string? serviceMessage = null, Exception? inner = null)
        : base(scrubber.Scrub(Describe(serviceName, method, requestUri, statusCode, attempts, reason, serviceMessage)), inner)
    {
        Scrubber = scrubber;
        serviceMessage = scrubber.ScrubOrNull(serviceMessage);
        Failure = failure;
        Method = method.Method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        Attempts = attempts;
        ServiceMessage = serviceMessage;
    }

    /// <summary>Why it failed.</summary>
    public ServiceFailure Failure { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The URL requested.</summary>
    public Uri RequestUri { get; }

    /// <summary>The last HTTP status received, or null when none was (timeout, network).</summary>
    public int? StatusCode { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>The server's own explanation from the error body (its <c>error</c>, <c>message</c> or field errors), shortened.</summary>
    public string? ServiceMessage { get; }

    /// <summary>
    /// The last answer's body, for a service that explains refusals in an envelope of its own (Kazoo's
    /// <c>data</c> errors): read it through <see cref="Scrubber"/> before showing any of it. Null when no answer came.
    /// </summary>
    internal byte[]? AnswerBody { get; set; }

    /// <summary>The secrets of the request's signer, to blank out of anything derived from this failure.</summary>
    internal SecretScrubber Scrubber { get; }

    /// <inheritdoc />
    public override string ErrorId => Failure switch
    {
        ServiceFailure.Authentication => ErrorIds.HttpAuthenticationFailed,
        ServiceFailure.PermissionDenied => ErrorIds.HttpPermissionDenied,
        ServiceFailure.NotFound => ErrorIds.HttpNotFound,
        ServiceFailure.Rejected => ErrorIds.HttpRequestRejected,
        ServiceFailure.Timeout => ErrorIds.HttpTimeout,
        ServiceFailure.InvalidResponse => ErrorIds.HttpInvalidResponse,
        ServiceFailure.NotTrusted => ErrorIds.HttpCertificateRefused,
        ServiceFailure.ResponseTooLarge => ErrorIds.HttpResponseTooLarge,
        ServiceFailure.RedirectRefused => ErrorIds.HttpRedirectRefused,
        _ => ErrorIds.HttpServiceUnavailable,
    };

    /// <inheritdoc />
    public override ErrorKind Kind => Failure switch
    {
        ServiceFailure.Authentication => ErrorKind.AuthenticationError,
        ServiceFailure.PermissionDenied => ErrorKind.PermissionDenied,
        ServiceFailure.NotFound => ErrorKind.ObjectNotFound,
        ServiceFailure.Rejected => ErrorKind.InvalidArgument,
        ServiceFailure.Timeout => ErrorKind.OperationTimeout,
        ServiceFailure.InvalidResponse => ErrorKind.InvalidResult,
        ServiceFailure.NotTrusted => ErrorKind.SecurityError,
        ServiceFailure.ResponseTooLarge => ErrorKind.InvalidResult,
        ServiceFailure.RedirectRefused => ErrorKind.SecurityError,
        _ => ErrorKind.ResourceUnavailable,
    };

    /// <summary>The URL requested (a cmdlet that was sending an item reports the item instead).</summary>
    public override object? Target => RequestUri;

    /// <inheritdoc />
    public override string RecommendedAction => Failure switch
    {
        ServiceFailure.Authentication => "Check the credentials (user and password, or API key) and run the command again.",
        ServiceFailure.Ambiguous => "Check in the service whether the item exists before running the command again.",
        ServiceFailure.NotTrusted => "Check the host name in -BaseUri; if the certificate is your organisation's own, add its issuer to this machine's trusted roots.",
        ServiceFailure.ResponseTooLarge => "Ask for smaller pages (e.g. -PerPage), or check that -BaseUri points at the service's API and not at another site.",
        ServiceFailure.RedirectRefused => "Give the address the service redirects to as -BaseUri if you trust it.",
        ServiceFailure.Network => "Check the address in -BaseUri (host name and port) and the network connection, then try again.",
        ServiceFailure.RateLimited or ServiceFailure.ServerError or ServiceFailure.Timeout => "The service is busy or unreachable: try again later.",
        _ => "",
    };

    private static string Describe(string serviceName, HttpMethod method, Uri uri, int? status, int attempts, string reason, string? serviceMessage)
    {
        var outcome = status is { } code ? $"HTTP {code}" : "no answer";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        var said = serviceMessage is null ? "" : $" The server said: {serviceMessage}";
        return $"{serviceName} {method.Method} {RequestTarget.ForDisplay(uri)} failed ({outcome}, {tries}): {reason}.{said}";
    }
}
