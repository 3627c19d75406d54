using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

/// <summary>
/// Redirects (issue 14: followed silently to any host): followed only within the service's origin, signed again for
/// the new URL and said in -Verbose; one to another origin, or one too many, fails as RedirectRefused without sending
/// anything there.
/// </summary>
public class RedirectTests
{
    private const string User = "agent@example.com", Password = "Redirect-pa55word";

    private static ServiceClient Client(LoopbackServer server, RecordingReporter log, IRequestSigner? signer = null) =>
        new(new ServiceClientOptions
        {
            BaseUri = server.BaseUri,
            ServiceName = "Test",
            Signer = signer ?? new BasicAuthSigner(User, Password),
            BaseDelay = TimeSpan.FromMilliseconds(10),
        }, log);

    private static Task<LoopbackServer> Items() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/api/items", () => Results.Json(new { items = new[] { 1, 2, 3 } }));
        app.MapGet("/api/v3/items", () => Results.Json(new { items = new[] { 4 } }));
    });

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_within_the_origin_is_followed_signed_again_and_said_in_verbose(int status)
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.Redirect("/api/v3/items?page=1", status));
        var log = new RecordingReporter();
        using var client = Client(server, log);

        using var json = await client.GetJsonAsync("/api/items", CancellationToken.None);

        Assert.Equal(4, json.RootElement.GetProperty("items")[0].GetInt32());
        Assert.Equal(["/api/items", "/api/v3/items?page=1"], server.Requests.Select(r => r.PathAndQuery));
        Assert.All(server.Requests, r => Assert.StartsWith("Basic ", r.Headers["Authorization"]));
        Assert.Contains(log.VerboseLines, line => line.StartsWith($"Test GET /api/items: {status} ", StringComparison.Ordinal)
            && line.EndsWith("following the redirect to /api/v3/items?page=1 (same origin)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_refused_and_nothing_is_sent_there()
    {
        await using var elsewhere = await Items();
        await using var server = await Items();
        server.Faults.Enqueue(Fault.Redirect(new Uri(elsewhere.BaseUri, "/api/items?token=abc").AbsoluteUri));
        using var client = Client(server, new RecordingReporter());

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Equal((ServiceFailure.RedirectRefused, 1, 302), (error.Failure, error.Attempts, error.StatusCode));
        Assert.Contains($"{server.BaseUri}api/items", error.Message);
        Assert.Contains($"redirected to {elsewhere.BaseUri}api/items?token=***", error.Message);
        Assert.Contains("credentials are only sent to the address given", error.Message);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_port_or_scheme_of_the_same_host_is_another_origin()
    {
        await using var server = await Items();
        var https = new UriBuilder(server.BaseUri) { Scheme = "https" }.Uri;
        server.Faults.Enqueue(Fault.Redirect(new Uri(https, "/api/items").AbsoluteUri, 301));
        using var client = Client(server, new RecordingReporter());

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Equal(ServiceFailure.RedirectRefused, error.Failure);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_redirect_loop_within_the_origin_ends_after_the_allowed_redirects()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.Redirect("/api/items"), 20);
        using var client = Client(server, new RecordingReporter());

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Equal((ServiceFailure.RedirectRefused, 1), (error.Failure, error.Attempts));
        Assert.Contains("redirected more than 5 times", error.Message);
        Assert.Equal(6, server.Requests.Count);
    }
}
