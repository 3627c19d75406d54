namespace SupportTools.Http;

/// <summary>Why a request failed, in the terms a caller acts on (and the cmdlet layer maps to error ids).</summary>
public enum ServiceFailure
{
    /// <summary>401: the credentials were refused. Never retried.</summary>
    Authentication,
    /// <summary>403: the credentials are valid but may not do this.</summary>
    PermissionDenied,
    /// <summary>404: no such resource.</summary>
    NotFound,
    /// <summary>Another 4xx (a 400 with field errors…): the request itself is wrong. Never retried.</summary>
    Rejected,
    /// <summary>429 on every attempt, or a server asking to wait longer than allowed.</summary>
    RateLimited,
    /// <summary>5xx on every attempt.</summary>
    ServerError,
    /// <summary>No complete answer within the attempt timeout, on every attempt.</summary>
    Timeout,
    /// <summary>No connection, or the connection broke, on every attempt.</summary>
    Network,
    /// <summary>The server's certificate was refused (untrusted, expired, another host's). Never retried.</summary>
    NotTrusted,
    /// <summary>An answer that is not what the service sends: not JSON, or a link to another site.</summary>
    InvalidResponse,
    /// <summary>
    /// A request that must not be repeated blindly (a create) failed after the server may have acted on it, and the
    /// caller gave no way to check: whether it took effect is unknown.
    /// </summary>
    Ambiguous,
    /// <summary>
    /// The answer is larger than <c>ServiceClientOptions.MaxResponseBytes</c> on the wire or once decompressed.
    /// Never retried: the same request would bring the same answer.
    /// </summary>
    ResponseTooLarge,
    /// <summary>
    /// The server redirected to another origin (scheme, host or port), or redirected more than
    /// <c>ServiceClientOptions.MaxRedirects</c> times: not followed, so credentials never leave the address given.
    /// </summary>
    RedirectRefused,
}
