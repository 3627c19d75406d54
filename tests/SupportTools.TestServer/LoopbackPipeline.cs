using Microsoft.AspNetCore.Http;
using SupportTools.TestServer.Faults;

namespace SupportTools.TestServer;

/// <summary>The middleware in front of every handler: records the request, applies the rate limit, then a fault or the handler.</summary>
internal sealed class LoopbackPipeline(RequestLog log, FaultInjector faults, RateLimitWindow? rateLimit, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var entry = await log.AddAsync(http);
        FaultTarget? faulted = null;
        // Recorded before the headers leave, so a client that got its answer finds the status in Requests. Kestrel also
        // starts the response of an aborted request (Reset) on the way out; nothing is sent then, so nothing is recorded.
        http.Response.OnStarting(() =>
        {
            if (faulted is not { Aborted: true }) log.SetStatus(entry, http.Response.StatusCode);
            return Task.CompletedTask;
        });

        RateLimitState? standing = null;
        if (rateLimit is not null)
        {
            // The limiter stands in front of the service, as a real one does: a refused request reaches no fault or handler.
            var state = rateLimit.Take();
            if (!state.Allowed)
            {
                log.SetFault(entry, "RateLimit");
                await RateLimitHeaders.WriteRefusalAsync(http.Response, StatusCodes.Status429TooManyRequests, rateLimit.Hint, state);
                return;
            }
            RateLimitHeaders.AddStanding(http.Response, rateLimit.Hint, state);
            standing = state;
        }

        var fault = faults.Next(http.Request);
        if (fault is null)
        {
            await next(http);
            return;
        }
        log.SetFault(entry, fault.Name);
        faulted = new FaultTarget(http, next, standing, status => log.SetStatus(entry, status), stopping);
        await fault.ApplyAsync(faulted);
    }
}
