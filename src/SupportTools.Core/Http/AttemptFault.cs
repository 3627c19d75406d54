namespace SupportTools.Http;

/// <summary>Why an attempt gave no usable answer.</summary>
internal enum AttemptFault
{
    None,
    Timeout,
    /// <summary>No connection could be made: the request was certainly not sent.</summary>
    NotConnected,
    /// <summary>The connection broke after the request went out, or the answer was cut off.</summary>
    Broken,
}
