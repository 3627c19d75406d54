namespace SupportTools.Http;

/// <summary>Why an attempt gave no usable answer.</summary>
internal enum AttemptFault
{
    None,
    Timeout,
    /// <summary>No connection could be made: the request was certainly not sent.</summary>
    NotConnected,
    /// <summary>The TLS handshake refused the server (its certificate): the request was not sent, and trying again cannot help.</summary>
    NotTrusted,
    /// <summary>The connection broke after the request went out, or the answer was cut off.</summary>
    Broken,
    /// <summary>The answer was larger than allowed (on the wire or decompressed): reading stopped at the limit.</summary>
    TooLarge,
    /// <summary>The server redirected to another origin, or too many times: the redirect was not followed.</summary>
    RedirectRefused,
}
