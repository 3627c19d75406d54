using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.TestServer;

namespace SupportTools.Tests.Http;

/// <summary>The loopback test server, through a plain HttpClient: what each fault and each rate-limit hint does on the wire.</summary>
public sealed class LoopbackServerTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private HttpClient _client = null!;
    private int _handled;

    public async Task InitializeAsync() => await StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A mock with a side effect to observe: each POST /lead "creates" a lead (counts) and answers 201 with it.</summary>
    private async Task StartAsync(LoopbackServerOptions? options = null)
    {
        if (_server is not null) await DisposeAsync();
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/lead", () => Results.Json(new { id = "lead_" + Interlocked.Increment(ref _handled), name = new string('x', 1000) }, statusCode: 201));
            app.MapGet("/ping", () => Interlocked.Increment(ref _handled).ToString(CultureInfo.InvariantCulture));
        }, options);
        _client = new HttpClient { BaseAddress = _server.BaseUri };
    }

    private Task<HttpResponseMessage> PostLead() => _client.PostAsync("/lead", new StringContent("""{"name":"Acme"}"""));

    [Fact]
    public async Task Records_each_request_with_its_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/lead?dry=1%202") { Content = new StringContent("""{"name":"Acme"}""") };
        request.Headers.Add("X-Trace", ["a", "b"]);
        using var response = await _client.SendAsync(request);
        using var missing = await _client.GetAsync("/missing");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var first = _server.Requests[0];
        Assert.Equal(("POST", "/lead?dry=1%202", """{"name":"Acme"}""", 201, (string?)null), (first.Method, first.PathAndQuery, first.Body, first.Status, first.Fault));
        Assert.Equal("a, b", first.Headers["x-trace"]);
        Assert.InRange(first.Received, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(("GET", "/missing", "", 404), (_server.Requests[1].Method, _server.Requests[1].PathAndQuery, _server.Requests[1].Body, _server.Requests[1].Status));
    }

    [Fact]
    public async Task Records_concurrent_requests_without_losing_any()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => _client.GetStringAsync($"/ping?i={i}")));

        Assert.Equal(40, _handled);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"/ping?i={i}").Order(), _server.Requests.Select(r => r.PathAndQuery).Order());
        Assert.All(_server.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task A_status_fault_answers_instead_of_the_handler_and_then_the_handler_answers()
    {
        _server.Faults.Enqueue(Fault.Status(503));

        using var failed = await PostLead();
        using var created = await PostLead();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created), (failed.StatusCode, created.StatusCode));
        Assert.Equal(1, _handled);
        Assert.Equal(("Status(503)", 503), (_server.Requests[0].Fault, _server.Requests[0].Status));
        Assert.Equal("Service Unavailable", JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Queued_faults_go_to_the_first_matching_request_in_order()
    {
        _server.Faults.Enqueue(Fault.Status(500), request => request.Method == "POST");
        _server.Faults.Enqueue(Fault.Status(502), 2);
        Assert.Equal(3, _server.Faults.Pending);

        var statuses = new List<int>();
        statuses.Add((int)(await _client.GetAsync("/ping")).StatusCode);
        statuses.Add((int)(await PostLead()).StatusCode);
        statuses.Add((int)(await PostLead()).StatusCode);
        statuses.Add((int)(await _client.GetAsync("/ping")).StatusCode);

        Assert.Equal([502, 500, 502, 200], statuses);
        Assert.Equal(0, _server.Faults.Pending);
    }

    [Fact]
    public async Task Clear_drops_queued_and_random_faults()
    {
        _server.Faults.Enqueue(Fault.Status(500));
        _server.Faults.Random(1.0, 1, Fault.Status(502));
        _server.Faults.Clear();

        using var response = await _client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reset_aborts_the_connection_before_the_handler()
    {
        await _client.GetStringAsync("/ping"); // the next request goes over a reused connection, as in a real run
        _server.Faults.Enqueue(Fault.Reset());

        await Assert.ThrowsAsync<HttpRequestException>(PostLead);

        Assert.Equal(1, _handled);
        Assert.Equal(("Reset", (int?)null), (_server.Requests[1].Fault, _server.Requests[1].Status));
    }

    [Fact]
    public async Task DropAfterHandling_runs_the_handler_but_the_client_hears_nothing()
    {
        _server.Faults.Enqueue(Fault.DropAfterHandling());

        await Assert.ThrowsAsync<HttpRequestException>(PostLead);

        Assert.Equal(1, _handled);
        Assert.Equal(("DropAfterHandling", (int?)201), (_server.Requests[0].Fault, _server.Requests[0].Status));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Truncated_sends_the_headers_and_part_of_the_body_then_the_read_fails()
    {
        _server.Faults.Enqueue(Fault.Truncated());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/lead") { Content = new StringContent("{}") };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead); // headers arrive
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1000);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
        Assert.True(error is IOException or HttpRequestException, error.ToString());
        Assert.Equal(1, _handled);

        _server.Faults.Enqueue(Fault.Truncated());
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetStringAsync("/ping")); // a one-byte body, read buffered
    }

    [Fact]
    public async Task NotJson_answers_200_html_without_the_handler()
    {
        _server.Faults.Enqueue(Fault.NotJson());

        using var response = await PostLead();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _handled);
    }

    [Fact]
    public async Task Delay_beyond_the_client_timeout_times_out_after_the_handler_ran()
    {
        _server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(30)));
        _client.Timeout = TimeSpan.FromSeconds(1);

        var error = await Assert.ThrowsAsync<TaskCanceledException>(PostLead);

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(await Eventually(() => _handled == 1), "the handler did not run");
        Assert.Equal("Delay(30000 ms)", _server.Requests[0].Fault);
    }

    [Fact]
    public async Task Delay_within_the_client_timeout_answers_normally_after_the_delay()
    {
        _server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMilliseconds(300)));
        var clock = Stopwatch.StartNew();

        using var response = await PostLead();

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("lead_1", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Random_faults_repeat_for_a_seed_and_differ_for_another()
    {
        async Task<string> Run(int seed)
        {
            await StartAsync();
            _server.Faults.Random(0.3, seed, Fault.Status(500), Fault.Status(503));
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++) statuses.Add((int)(await _client.GetAsync("/ping")).StatusCode);
            return string.Join(",", statuses);
        }

        var first = await Run(7);
        var again = await Run(7);
        var other = await Run(8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("500", first);
        Assert.Contains("503", first);
        Assert.Contains("200", first);
    }

    [Fact]
    public async Task Rate_limit_allows_the_limit_per_window_then_429s()
    {
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(3, TimeSpan.FromMinutes(1), RateLimitHint.RetryAfterSeconds) });

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++) statuses.Add((int)(await _client.GetAsync("/ping")).StatusCode);

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.Equal(3, _handled);
        Assert.Equal("RateLimit", _server.Requests[3].Fault);
    }

    [Fact]
    public async Task Rate_limit_holds_under_concurrent_requests()
    {
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(10, TimeSpan.FromMinutes(1), RateLimitHint.None) });

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _client.GetAsync("/ping")));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(40, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, _handled);
    }

    [Fact]
    public async Task Rate_limit_lets_requests_through_again_once_the_stated_reset_has_passed()
    {
        // A 3 s window: long enough that a loaded machine does not let a window pass between two requests.
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(2, TimeSpan.FromSeconds(3), RateLimitHint.RateLimitHeader) });

        HttpResponseMessage response;
        var answered = 0;
        while ((response = await _client.GetAsync("/ping")).StatusCode == HttpStatusCode.OK && answered < 20) answered++;
        var (_, remaining, reset) = ParseRateLimit(response);
        // The stated reset plus timer resolution: Task.Delay counts whole milliseconds and may end a tick early.
        await Task.Delay(TimeSpan.FromSeconds(reset) + TimeSpan.FromMilliseconds(20));
        using var after = await _client.GetAsync("/ping");

        Assert.InRange(answered, 1, 4); // 2 per window; the first window may end among them
        Assert.Equal(0, remaining);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Header_styles_state_the_limit_on_successful_responses_too()
    {
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(5, TimeSpan.FromMinutes(1), RateLimitHint.RateLimitHeader) });
        using var close = await _client.GetAsync("/ping");
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(5, TimeSpan.FromMinutes(1), RateLimitHint.XRateLimitReset) });
        using var desk = await _client.GetAsync("/ping");

        Assert.Equal((5, 4), (ParseRateLimit(close).Limit, ParseRateLimit(close).Remaining));
        Assert.Equal("5;w=60", Header(close, "RateLimit-Policy"));
        Assert.Equal(("5", "4"), (Header(desk, "X-Rate-Limit-Limit"), Header(desk, "X-Rate-Limit-Remaining")));
        Assert.InRange(int.Parse(Header(desk, "X-Rate-Limit-Reset")!, CultureInfo.InvariantCulture), 1, 60);
    }

    [Theory]
    [InlineData(RateLimitHint.RetryAfterSeconds)]
    [InlineData(RateLimitHint.RetryAfterDate)]
    [InlineData(RateLimitHint.XRateLimitReset)]
    [InlineData(RateLimitHint.RateLimitHeader)]
    [InlineData(RateLimitHint.JsonRateReset)]
    [InlineData(RateLimitHint.None)]
    public async Task Each_hint_style_states_the_reset_its_own_way(RateLimitHint hint)
    {
        _server.Faults.Enqueue(Fault.Status(429, hint, TimeSpan.FromSeconds(3)));

        var sentAt = DateTimeOffset.UtcNow;
        using var response = await _client.GetAsync("/ping");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var stated = hint switch
        {
            RateLimitHint.RetryAfterSeconds => response.Headers.RetryAfter!.Delta!.Value.TotalSeconds,
            RateLimitHint.RetryAfterDate => (response.Headers.RetryAfter!.Date!.Value - sentAt).TotalSeconds,
            RateLimitHint.XRateLimitReset => double.Parse(Header(response, "X-Rate-Limit-Reset")!, CultureInfo.InvariantCulture),
            RateLimitHint.RateLimitHeader => ParseRateLimit(response).Reset,
            RateLimitHint.JsonRateReset => JsonDocument.Parse(body).RootElement.GetProperty("rate_reset").GetDouble(),
            _ => (double?)null,
        };
        if (hint == RateLimitHint.None) Assert.Null(stated);
        else if (hint == RateLimitHint.RetryAfterDate) Assert.InRange(stated!.Value, 3.0, 14.0); // whole seconds, rounded up, made after sentAt
        else Assert.Equal(3.0, stated!.Value);
        // Each style alone: no other hint leaks in.
        Assert.Equal(hint is RateLimitHint.RetryAfterSeconds or RateLimitHint.RetryAfterDate, response.Headers.RetryAfter is not null);
        Assert.Equal(hint == RateLimitHint.RateLimitHeader, response.Headers.Contains("RateLimit"));
        Assert.Equal(hint == RateLimitHint.XRateLimitReset, response.Headers.Contains("X-Rate-Limit-Reset"));
        Assert.Equal(hint == RateLimitHint.JsonRateReset, body.Contains("rate_reset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_style_429_body_has_its_fields()
    {
        await StartAsync(new LoopbackServerOptions { RateLimit = new RateLimitPolicy(1, TimeSpan.FromSeconds(15), RateLimitHint.JsonRateReset) });
        await _client.GetAsync("/ping");

        using var response = await _client.GetAsync("/ping");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("API call count exceeded for this 15 second window", body.GetProperty("error").GetString());
        Assert.InRange(body.GetProperty("rate_reset").GetDouble(), 0.001, 15);
        Assert.Equal((1, 15.0), (body.GetProperty("rate_limit").GetInt32(), body.GetProperty("rate_window").GetDouble()));
    }

    [Fact]
    public async Task Dispose_is_prompt_with_requests_in_flight()
    {
        var stuck = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            // A handler that ignores cancellation entirely, as careless mock code might.
            app.MapGet("/stuck", async () => { await stuck.Task; return "late"; });
            app.MapGet("/ok", () => "ok");
        });
        server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMinutes(5)), request => request.Path == "/ok");
        using var client = new HttpClient { BaseAddress = server.BaseUri };
        var inFlight = new[] { client.GetAsync("/stuck"), client.GetAsync("/ok") };
        Assert.True(await Eventually(() => server.Requests.Count == 2), "the requests did not arrive");

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();
        clock.Stop();

        // Not a speed target: the point is that disposal does not wait for the 5-minute delay or the stuck handler.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"disposal took {clock.Elapsed}");
        foreach (var request in inFlight) await Assert.ThrowsAsync<HttpRequestException>(() => request);
        stuck.SetResult();
    }

    /// <summary>Whether <paramref name="condition"/> holds within 10 s: for effects on the server side of a request the client gave up on.</summary>
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(10))
            if (condition()) return true;
        return condition();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static (int Limit, int Remaining, double Reset) ParseRateLimit(HttpResponseMessage response)
    {
        var match = Regex.Match(Header(response, "RateLimit") ?? "", @"^limit=(\d+), remaining=(\d+), reset=([\d.]+)$");
        Assert.True(match.Success, "RateLimit header: " + Header(response, "RateLimit"));
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }
}
