namespace SupportTools.Http;

/// <summary>
/// A request that failed for good: which request (service, method, URL with secret-looking query values redacted),
/// how it ended (status, attempts) and why. Never carries credentials: the message is built from the URL and the
/// server's own error text only.
/// </summary>
public sealed class ServiceException : Exception
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

    private static string Describe(string serviceName, HttpMethod method, Uri uri, int? status, int attempts, string reason, string? serviceMessage)
    {
        var outcome = status is { } code ? $"HTTP {code}" : "no answer";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        var said = serviceMessage is null ? "" : $" The server said: {serviceMessage}";
        return $"{serviceName} {method.Method} {RequestTarget.ForDisplay(uri)} failed ({outcome}, {tries}): {reason}.{said}";
    }
}
