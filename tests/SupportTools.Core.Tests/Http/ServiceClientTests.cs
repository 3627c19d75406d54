using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportTools.Http;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

public class ServiceClientTests
{
    private const string Secret = "s3cr3t-Key-0042";
    private static readonly Uri Base = new("http://127.0.0.1:9/");

    private static (ServiceClient Client, RecordingReporter Log) Client(ScriptedHandler handler, int attempts = 4, double timeoutSeconds = 5, double maxDelaySeconds = 5, int concurrency = 1)
    {
        var log = new RecordingReporter();
        var client = new ServiceClient(new ServiceClientOptions
        {
            BaseUri = Base,
            ServiceName = "Test",
            Signer = new BasicAuthSigner(Secret, ""),
            MaxAttempts = attempts,
            AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromSeconds(maxDelaySeconds),
            MaxConcurrency = concurrency,
            Handler = handler,
        }, log);
        return (client, log);
    }

    private static Task<ServiceResponse> Get(ServiceClient client, string target = "/api/items?page=1") =>
        client.SendAsync(new ServiceRequest(HttpMethod.Get, target), CancellationToken.None);

    [Fact]
    public async Task A_success_is_one_attempt_with_one_verbose_line_naming_method_path_status_and_attempt()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200, """{"ok":true}"""));
        var (client, log) = Client(handler);
        var response = await Get(client);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.True(response.ParseJson().RootElement.GetProperty("ok").GetBoolean());
        var line = Assert.Single(log.VerboseLines);
        Assert.Matches(@"^Test GET /api/items\?page=1: 200 OK in \d+ ms \(attempt 1 of 4\)$", line);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried_until_success(int status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(status), ScriptedHandler.Answer(status), ScriptedHandler.Answer(200));
        var (client, log) = Client(handler);
        var response = await Get(client);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, handler.Sent.Count);
        Assert.Equal(2, log.VerboseLines.Count(line => line.Contains("retrying in", StringComparison.Ordinal)));
        Assert.Contains(log.VerboseLines, line => line.EndsWith("(attempt 3 of 4)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_error_names_the_request()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(502));
        var (client, _) = Client(handler, attempts: 3);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client, "/api/items?page=7"));
        Assert.Equal(ServiceFailure.ServerError, error.Failure);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, handler.Sent.Count);
        Assert.Contains("Test GET http://127.0.0.1:9/api/items?page=7 failed (HTTP 502, 3 attempts)", error.Message);
    }

    [Theory]
    [InlineData(401, ServiceFailure.Authentication)]
    [InlineData(403, ServiceFailure.PermissionDenied)]
    [InlineData(404, ServiceFailure.NotFound)]
    [InlineData(400, ServiceFailure.Rejected)]
    [InlineData(422, ServiceFailure.Rejected)]
    public async Task Client_errors_fail_at_once_without_a_retry(int status, ServiceFailure failure)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(status, """{"error":"nope"}"""));
        var (client, _) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Equal(failure, error.Failure);
        Assert.Equal(1, error.Attempts);
        Assert.Single(handler.Sent);
        Assert.Equal("nope", error.ServiceMessage);
    }

    [Fact]
    public async Task A_400_carries_the_servers_field_errors()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(400, """{"error":"Invalid lead","field-errors":{"name":"This field is required.","contacts":["bad email"]}}"""));
        var (client, _) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.PostJsonAsync("/api/v1/lead/", new JsonObject(), CancellationToken.None));
        Assert.Equal(ServiceFailure.Rejected, error.Failure);
        Assert.Equal("Invalid lead; name: This field is required.; contacts: bad email", error.ServiceMessage);
        Assert.Contains("The server said: Invalid lead", error.Message);
    }

    [Fact]
    public async Task An_error_object_gives_its_message()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(429, """{"error":{"message":"API call count exceeded","rate_reset":120}}"""));
        var (client, _) = Client(handler, maxDelaySeconds: 60);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Equal("API call count exceeded", error.ServiceMessage);
    }

    // Waits are checked twice: the delay the client chose (its verbose line, exact) and the time that really passed
    // (at least that long). No upper bound on elapsed time: a loaded test machine makes any wait longer, never shorter.
    [Theory]
    [InlineData("Retry-After", "1", "1.0 s")]
    [InlineData("X-Rate-Limit-Reset", "0.4", "0.4 s")]
    [InlineData("RateLimit", "limit=10, remaining=0, reset=0.4", "0.4 s")]
    public async Task A_429_waits_as_long_as_the_server_asks(string header, string value, string wait)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(429, "{}", (header, value)), ScriptedHandler.Answer(200));
        var (client, log) = Client(handler);
        await Get(client);
        Assert.Contains(log.VerboseLines, line => line.EndsWith($": retrying in {wait} (as the server asked).", StringComparison.Ordinal));
        AssertWaitedAtLeast(handler, double.Parse(wait[..^2], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_429_body_rate_reset_is_honoured()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(429, """{"error":"API call count exceeded","rate_reset":0.4}"""), ScriptedHandler.Answer(200));
        var (client, log) = Client(handler);
        await Get(client);
        Assert.Contains(log.VerboseLines, line => line.EndsWith(": retrying in 0.4 s (as the server asked).", StringComparison.Ordinal));
        AssertWaitedAtLeast(handler, 0.4);
    }

    /// <summary>The second request followed the first after at least <paramref name="seconds"/> (less 50 ms of timer resolution).</summary>
    private static void AssertWaitedAtLeast(ScriptedHandler handler, double seconds)
    {
        var sent = handler.Sent.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.True((sent[1].At - sent[0].At).TotalSeconds >= seconds - 0.05, $"the retry followed after {sent[1].At - sent[0].At}");
    }

    [Fact]
    public async Task A_retry_after_http_date_is_honoured()
    {
        // The date is made when the request arrives, two to three seconds ahead (HTTP dates have whole seconds).
        var handler = new ScriptedHandler(
            (request, token) =>
            {
                var now = DateTimeOffset.UtcNow;
                var at = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(3);
                return ScriptedHandler.Answer(503, "{}", ("Retry-After", at.ToString("R")))(request, token);
            },
            ScriptedHandler.Answer(200));
        var (client, log) = Client(handler);
        await Get(client);
        var chosen = log.VerboseLines.Select(line => Regex.Match(line, @"retrying in ([\d.]+) s \(as the server asked\)")).Single(match => match.Success);
        Assert.InRange(double.Parse(chosen.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1.5, 3.0);
        AssertWaitedAtLeast(handler, 1.5);
    }

    [Fact]
    public async Task A_server_asking_for_longer_than_allowed_fails_at_once_saying_how_long()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(429, "{}", ("Retry-After", "120")));
        var (client, log) = Client(handler, maxDelaySeconds: 60);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Single(handler.Sent);
        Assert.DoesNotContain(log.VerboseLines, line => line.Contains("retrying", StringComparison.Ordinal));
        Assert.Equal(ServiceFailure.RateLimited, error.Failure);
        Assert.Contains("wait 120 s, longer than the 60 s allowed", error.Message);
    }

    [Fact]
    public async Task A_used_up_window_holds_every_request_until_the_reset()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200, "{}", ("RateLimit", "limit=2, remaining=0, reset=0.5")), ScriptedHandler.Answer(200));
        var (client, _) = Client(handler, concurrency: 4);
        await Get(client);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Get(client)));
        var sent = handler.Sent.ToArray();
        Assert.All(sent.Skip(1), later => Assert.True((later.At - sent[0].At).TotalSeconds >= 0.45, $"sent {later.At - sent[0].At} after the first"));
    }

    [Fact]
    public async Task Concurrent_requests_pause_together_after_a_429_with_a_reset()
    {
        var gate = 0;
        var handler = new ScriptedHandler((request, token) =>
            ScriptedHandler.Answer(Interlocked.Exchange(ref gate, 1) == 0 ? 429 : 200, "{}", ("RateLimit", "limit=5, remaining=0, reset=0.6"))(request, token));
        var (client, _) = Client(handler, concurrency: 1);
        var all = Enumerable.Range(0, 3).Select(_ => Get(client)).ToArray();
        await Task.WhenAll(all);
        var sent = handler.Sent.ToArray();
        // Every request after the 429 waited for its reset (each 200 also said remaining=0, holding the next one).
        for (var i = 1; i < sent.Length; i++)
            Assert.True((sent[i].At - sent[i - 1].At).TotalSeconds >= 0.55, $"request {i} followed after {sent[i].At - sent[i - 1].At}");
    }

    [Fact]
    public async Task A_slow_answer_is_a_timeout_after_the_attempts()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Hang());
        var (client, log) = Client(handler, attempts: 2, timeoutSeconds: 0.2);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Equal(ServiceFailure.Timeout, error.Failure);
        Assert.Equal(2, error.Attempts);
        Assert.Contains(log.VerboseLines, line => line.Contains("no answer within 0.2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_ends_a_request_promptly_even_while_it_waits_to_retry()
    {
        // Cancelled 200 ms after the first answer, so always while the client waits the 30 s asked for.
        using var cancel = new CancellationTokenSource();
        var handler = new ScriptedHandler((request, token) =>
        {
            cancel.CancelAfter(200);
            return ScriptedHandler.Answer(503, "{}", ("Retry-After", "30"))(request, token);
        });
        var (client, _) = Client(handler, maxDelaySeconds: 60);
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(new ServiceRequest(HttpMethod.Get, "/x"), cancel.Token));
        // Well short of the 30 s asked for, with room for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"cancelled after {watch.Elapsed}");
        Assert.Single(handler.Sent);
    }

    [Fact]
    public async Task A_refused_certificate_fails_at_once_saying_so()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.SecureConnectionError,
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")));
        var (client, log) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Equal(ServiceFailure.NotTrusted, error.Failure);
        Assert.Equal(1, error.Attempts);
        Assert.Single(handler.Sent);
        Assert.Contains("certificate was refused (The remote certificate is invalid", error.Message);
        Assert.Contains(log.VerboseLines, line => line.Contains(": certificate refused in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_server_at_the_address_is_tried_a_few_times_not_all_six()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.ConnectionError));
        var (client, _) = Client(handler, attempts: 6);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client));
        Assert.Equal(ServiceFailure.Network, error.Failure);
        Assert.Equal(ServiceClient.NotConnectedAttempts, error.Attempts);
        Assert.Equal(ServiceClient.NotConnectedAttempts, handler.Sent.Count);
        Assert.Contains("could not connect", error.Message);
    }

    [Fact]
    public async Task A_server_that_comes_back_within_the_few_attempts_is_reached()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.ConnectionError), ScriptedHandler.Throw(HttpRequestError.NameResolutionError),
            ScriptedHandler.Answer(200));
        var (client, _) = Client(handler, attempts: 6);
        Assert.Equal(3, (await Get(client)).Attempts);
    }

    [Fact]
    public async Task A_handshake_that_broke_off_is_tried_again()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.SecureConnectionError, new IOException("connection reset during the handshake")),
            ScriptedHandler.Answer(200));
        var (client, _) = Client(handler);
        Assert.Equal(2, (await Get(client)).Attempts);
    }

    [Fact]
    public async Task A_create_that_could_not_connect_is_sent_again()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.ConnectionError), ScriptedHandler.Answer(200, """{"id":"lead_1"}"""));
        var (client, _) = Client(handler);
        using var json = await client.PostJsonAsync("/api/v1/lead/", new JsonObject { ["name"] = "ACME" }, CancellationToken.None);
        Assert.Equal("lead_1", json.RootElement.GetProperty("id").GetString());
        Assert.Equal(2, handler.Sent.Count(s => s.Method == "POST"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_the_server_refused_is_sent_again(int status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(status), ScriptedHandler.Answer(200));
        var (client, _) = Client(handler);
        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Post, "/api/v1/lead/") { Body = new JsonObject() }, CancellationToken.None);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task A_create_that_may_have_taken_effect_is_not_sent_again_without_a_check()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.ResponseEnded), ScriptedHandler.Answer(200));
        var (client, _) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.PostJsonAsync("/api/v1/lead/", new JsonObject(), CancellationToken.None));
        Assert.Equal(ServiceFailure.Ambiguous, error.Failure);
        Assert.Single(handler.Sent);
        Assert.Contains("may or may not have taken effect", error.Message);
    }

    [Fact]
    public async Task After_an_ambiguous_failure_the_check_finds_the_earlier_effect_and_nothing_is_sent_again()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(504), ScriptedHandler.Answer(200));
        var (client, log) = Client(handler);
        var checks = 0;
        var found = ServiceResponse.Synthetic(HttpMethod.Get, new Uri(Base, "/api/v1/lead/?query=x"), 200, """{"id":"lead_found"}"""u8.ToArray());
        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Post, "/api/v1/lead/")
        {
            Body = new JsonObject(),
            Reconcile = _ => { checks++; return Task.FromResult<ServiceResponse?>(found); },
        }, CancellationToken.None);
        Assert.Same(found, response);
        Assert.Equal(1, checks);
        Assert.Single(handler.Sent);
        Assert.Contains(log.VerboseLines, line => line.Contains("checking whether the earlier attempt took effect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_an_ambiguous_failure_a_check_that_finds_nothing_sends_again()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Throw(HttpRequestError.ResponseEnded), ScriptedHandler.Answer(200, """{"id":"lead_2"}"""));
        var (client, _) = Client(handler);
        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Post, "/api/v1/lead/")
        {
            Body = new JsonObject(),
            Reconcile = _ => Task.FromResult<ServiceResponse?>(null),
        }, CancellationToken.None);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, handler.Sent.Count);
    }

    [Fact]
    public async Task A_success_that_is_not_json_is_an_invalid_response_naming_the_url()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200, "<html><body>maintenance</body></html>"));
        var (client, _) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/v2/cases?page=3", CancellationToken.None));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("http://127.0.0.1:9/api/v2/cases?page=3", error.Message);
        Assert.Contains("not JSON", error.Message);
    }

    [Theory]
    [InlineData("http://example.com/api/v2/cases?page=2")]
    [InlineData("https://127.0.0.1:9/api/v2/cases?page=2")]
    [InlineData("http://127.0.0.1:10/api/v2/cases?page=2")]
    public async Task A_link_to_another_origin_is_refused_before_credentials_travel(string target)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200));
        var (client, _) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client, target));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Empty(handler.Sent);
    }

    [Fact]
    public async Task A_same_origin_absolute_link_is_followed()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200));
        var (client, _) = Client(handler);
        await Get(client, "http://127.0.0.1:9/api/v2/cases?page=2");
        Assert.Equal("/api/v2/cases?page=2", Assert.Single(handler.Sent).Uri.PathAndQuery);
    }

    [Fact]
    public async Task Credentials_go_on_every_attempt_and_never_into_verbose_lines_or_errors()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(503), ScriptedHandler.Answer(401, """{"error":"bad key"}"""));
        var (client, log) = Client(handler);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Get(client, $"/api/items?api_key={Secret}&page=2"));
        Assert.All(handler.Sent, sent => Assert.StartsWith("Basic ", sent.Authorization));
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret + ":"));
        var everything = string.Join("\n", log.VerboseLines.Concat(log.Warnings).Append(error.ToString()));
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain(encoded, everything);
        Assert.Contains("api_key=***&page=2", everything);
    }
}
