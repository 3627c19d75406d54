using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SupportTools.TestServer;

/// <summary>
/// An HTTP server on 127.0.0.1 (a port the system assigns) for tests: the endpoints <c>map</c> gives, behind an
/// optional rate limit and the faults queued on <see cref="Faults"/>; every request is recorded in <see cref="Requests"/>.
/// </summary>
/// <example><code>
/// await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/ping", () => "pong"));
/// server.Faults.Enqueue(Fault.Status(503));
/// var response = await client.GetAsync(new Uri(server.BaseUri, "/ping"));   // 503, then "pong" on the next call
/// </code></example>
public sealed class LoopbackServer : IAsyncDisposable
{
    // How long disposal lets in-flight requests finish before their connections are aborted.
    private static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(500);

    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private LoopbackServer(WebApplication app, Uri baseUri, FaultInjector faults, RequestLog log, CancellationTokenSource stopping)
    {
        _app = app;
        BaseUri = baseUri;
        Faults = faults;
        _log = log;
        _stopping = stopping;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:&lt;port&gt;/</c> (<c>https</c> with a certificate).</summary>
    public Uri BaseUri { get; }

    /// <summary>The faults the next requests meet.</summary>
    public FaultInjector Faults { get; }

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Starts a server whose endpoints <paramref name="map"/> adds (minimal API: <c>app.MapGet(...)</c>).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<IEndpointRouteBuilder> map, LoopbackServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options?.Certificate is { } certificate) listen.UseHttps(certificate);
        }));
        var app = builder.Build();

        var faults = new FaultInjector();
        var log = new RequestLog();
        var stopping = new CancellationTokenSource();
        var rateLimit = options?.RateLimit is { } policy ? new RateLimitWindow(policy) : null;
        app.Use(new LoopbackPipeline(log, faults, rateLimit, stopping.Token).InvokeAsync);
        map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address), faults, log, stopping);
    }

    /// <summary>Stops the server promptly: waiting faults end at once, in-flight requests get a short grace period, then their connections are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        using (var grace = new CancellationTokenSource(GracePeriod))
            await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
