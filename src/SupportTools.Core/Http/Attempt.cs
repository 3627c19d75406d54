namespace SupportTools.Http;

/// <summary>How one attempt ended: an answer (any status, body read completely), or no usable answer and why.</summary>
internal sealed class Attempt
{
    public required int Number { get; init; }
    public int? Status { get; init; }
    public byte[]? Body { get; init; }
    public AttemptFault Fault { get; init; }
    /// <summary>
    /// Whether the server may have acted on the request: it was sent and no complete answer said otherwise. Not after a
    /// refused connection, nor after a complete 429 or 503 (the service refused the work).
    /// </summary>
    public bool MaybeActed => Fault switch
    {
        AttemptFault.NotConnected or AttemptFault.NotTrusted => false,
        AttemptFault.None => Status is not (429 or 503),
        _ => true,
    };
    public ServerHints Hints { get; init; }
    public Exception? Error { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>A response a <see cref="ServiceRequest.Reconcile"/> callback returned for an earlier attempt's effect.</summary>
    public ServiceResponse? Reconciled { get; init; }

    public bool Succeeded => Reconciled is not null || (Fault == AttemptFault.None && Status is >= 200 and < 300);
}
