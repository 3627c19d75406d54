using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SupportTools.TestServer.Faults;

/// <summary>The request a fault acts on, with the handler it may run and what it must report.</summary>
internal sealed class FaultTarget(HttpContext http, RequestDelegate handler, RateLimitState? rateLimit, Action<int> recordStatus, CancellationToken stopping)
{
    public HttpContext Http { get; } = http;

    /// <summary>The rate limit's standing for this request, when the server has a policy.</summary>
    public RateLimitState? RateLimit { get; } = rateLimit;

    /// <summary>Cancelled when the server stops: a fault that waits must not hold the shutdown.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Whether the fault aborted the connection.</summary>
    public bool Aborted { get; private set; }

    /// <summary>Aborts the connection: whatever was not sent yet never will be.</summary>
    public void Abort()
    {
        Aborted = true;
        Http.Abort();
    }

    /// <summary>
    /// Runs the handler with its body captured instead of sent (status and headers stay on the real, unstarted
    /// response), records its status and returns the body.
    /// </summary>
    public async Task<byte[]> RunHandlerCapturedAsync()
    {
        var original = Http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        // Without a prior feature, StartAsync/CompleteAsync stay local: nothing reaches the connection.
        var capture = new StreamResponseBodyFeature(buffer);
        Http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await handler(Http);
            await capture.CompleteAsync();
        }
        finally
        {
            Http.Features.Set(original);
        }
        // Recorded here: a response that never starts (DropAfterHandling) never reaches the server's OnStarting hook.
        recordStatus(Http.Response.StatusCode);
        return buffer.ToArray();
    }
}
