using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

/// <summary>The client against a real server on 127.0.0.1: what only sockets show (resets, cut-off bodies, drops after the work, limits).</summary>
public class ServiceClientOverSocketsTests
{
    private static ServiceClient Client(LoopbackServer server, RecordingReporter log, int attempts = 4, double timeoutSeconds = 5, int concurrency = 1) =>
        new(new ServiceClientOptions
        {
            BaseUri = server.BaseUri,
            ServiceName = "Test",
            MaxAttempts = attempts,
            AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(10),
            MaxConcurrency = concurrency,
        }, log);

    private static Task<LoopbackServer> Items() =>
        LoopbackServer.StartAsync(app => app.MapGet("/api/items", () => Results.Json(new { items = new[] { 1, 2, 3 } })));

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_get_survives_each_transient_fault(string name)
    {
        await using var server = await Items();
        server.Faults.Enqueue(TransientFault(name));
        var log = new RecordingReporter();
        using var client = Client(server, log, timeoutSeconds: 2);
        using var json = await client.GetJsonAsync("/api/items", CancellationToken.None);
        Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(log.VerboseLines, line => line.Contains("(attempt 2 of 4)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_with_an_untrusted_certificate_is_refused_once_before_anything_is_sent()
    {
        using var certificate = SelfSignedCertificate.For127001();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/items", () => "secret data"),
            new LoopbackServerOptions { Certificate = certificate });
        Assert.Equal("https", server.BaseUri.Scheme);
        using var client = Client(server, new RecordingReporter());
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));
        Assert.Equal((ServiceFailure.NotTrusted, 1), (error.Failure, error.Attempts));
        Assert.Contains("certificate", error.Message);
        Assert.Empty(server.Requests); // the handshake failed: no request, and no credentials, went out
    }

    [Fact]
    public async Task A_port_where_nothing_listens_fails_after_a_few_attempts()
    {
        // A port bound but not listening: connections are refused, and no other test's server can take it meanwhile.
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)bound.LocalEndPoint!).Port;
        using var client = new ServiceClient(new ServiceClientOptions
        {
            BaseUri = new Uri($"http://127.0.0.1:{port}/"),
            ServiceName = "Test",
            BaseDelay = TimeSpan.FromMilliseconds(20),
        }, new RecordingReporter());
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));
        Assert.Equal((ServiceFailure.Network, ServiceClient.NotConnectedAttempts), (error.Failure, error.Attempts));
        Assert.Contains($"http://127.0.0.1:{port}/api/items", error.Message);
    }

    public static TheoryData<string> TransientFaults => ["reset", "truncated", "slow", "503", "502", "500", "429"];

    private static Fault TransientFault(string name) => name switch
    {
        "reset" => Fault.Reset(),
        "truncated" => Fault.Truncated(),
        "slow" => Fault.Delay(TimeSpan.FromSeconds(5)),
        "429" => Fault.Status(429, RateLimitHint.RetryAfterSeconds, TimeSpan.FromSeconds(1)),
        _ => Fault.Status(int.Parse(name)),
    };

    [Fact]
    public async Task A_non_json_page_is_an_invalid_response_naming_the_url_without_retries()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.NotJson());
        using var client = Client(server, new RecordingReporter());
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items?page=4", CancellationToken.None));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains($"{server.BaseUri}api/items?page=4", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_create_dropped_after_the_server_acted_is_found_by_the_check_and_made_once()
    {
        var created = new ConcurrentDictionary<string, int>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v1/lead/", async (HttpRequest request) =>
            {
                var name = (await JsonNode.ParseAsync(request.Body))!["name"]!.GetValue<string>();
                created.AddOrUpdate(name, 1, (_, n) => n + 1);
                return Results.Json(new { id = "lead_" + name, name });
            });
        });
        server.Faults.Enqueue(Fault.DropAfterHandling());
        using var client = Client(server, new RecordingReporter());
        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Post, "/api/v1/lead/")
        {
            Body = new JsonObject { ["name"] = "ACME" },
            Reconcile = _ => Task.FromResult(created.ContainsKey("ACME")
                ? ServiceResponse.Synthetic(HttpMethod.Get, server.BaseUri, 200, """{"id":"lead_ACME"}"""u8.ToArray())
                : null),
        }, CancellationToken.None);
        Assert.Equal("lead_ACME", response.ParseJson().RootElement.GetProperty("id").GetString());
        Assert.Equal(1, created["ACME"]);
    }

    [Fact]
    public async Task A_create_dropped_after_the_server_acted_is_not_repeated_without_a_check()
    {
        var creates = 0;
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapPost("/api/v1/lead/", () => { Interlocked.Increment(ref creates); return Results.Json(new { id = "lead_1" }); }));
        server.Faults.Enqueue(Fault.DropAfterHandling());
        using var client = Client(server, new RecordingReporter());
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.PostJsonAsync("/api/v1/lead/", new JsonObject(), CancellationToken.None));
        Assert.Equal(ServiceFailure.Ambiguous, error.Failure);
        Assert.Equal(1, creates);
    }

    [Theory]
    [InlineData(RateLimitHint.RetryAfterSeconds)]
    [InlineData(RateLimitHint.RetryAfterDate)]
    [InlineData(RateLimitHint.XRateLimitReset)]
    [InlineData(RateLimitHint.RateLimitHeader)]
    [InlineData(RateLimitHint.JsonRateReset)]
    public async Task Concurrent_requests_under_a_rate_limit_all_succeed_pacing_themselves_by_the_hints(RateLimitHint hint)
    {
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapGet("/api/items", () => Results.Json(new { ok = true })),
            new LoopbackServerOptions { RateLimit = new RateLimitPolicy(5, TimeSpan.FromSeconds(1), hint) });
        using var client = Client(server, new RecordingReporter(), attempts: 6, concurrency: 4);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetJsonAsync("/api/items", CancellationToken.None)));
        // 12 requests at 5 a second need at least two window changes; the hints keep the 429s few.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"done in {watch.Elapsed}");
        var refused = server.Requests.Count(r => r.Status == 429);
        Assert.Equal(12, server.Requests.Count(r => r.Status == 200));
        Assert.True(refused <= 8, $"{refused} requests were refused");
    }
}
