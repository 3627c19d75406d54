namespace SupportTools.Calls.Kazoo;

/// <summary>
/// Keeps the body of the last refusal (4xx other than 429) that crossbar sent. Crossbar says why in its own envelope
/// (<c>"error":"400"</c>, <c>"message"</c>, and the validation errors under <c>data</c>) which the generic HTTP layer
/// does not read, so the Kazoo session reads it here to say what was wrong (the range error above all).
/// </summary>
internal sealed class KazooErrorBodies : DelegatingHandler
{
    private byte[]? _last;

    public KazooErrorBodies(HttpMessageHandler inner) : base(inner) { }

    /// <summary>The last refusal's body, forgotten once taken; null when none came since.</summary>
    public byte[]? Take() => Interlocked.Exchange(ref _last, null);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 and not 429)
        {
            // Buffered, so the client reads the same bytes after this.
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            Volatile.Write(ref _last, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        return response;
    }
}
