using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

/// <summary>
/// A server that echoes the credential (issue 14: <c>bad credentials: Basic …</c> ended up in errors and failed.csv):
/// the signer's secrets, as given and encoded, are blanked out of every ServiceException.
/// </summary>
public class SecretScrubTests
{
    private const string User = "agent@example.com", Password = "Echoed-pa55word";
    private const string ApiKey = "api_6kQpZ3xVbN8mW2rT";

    private static Task<LoopbackServer> Items() =>
        LoopbackServer.StartAsync(app => app.MapGet("/api/items", () => Results.Json(new { items = new[] { 1 } })));

    private static ServiceClient Client(LoopbackServer server, IRequestSigner signer) =>
        new(new ServiceClientOptions { BaseUri = server.BaseUri, ServiceName = "Test", Signer = signer, BaseDelay = TimeSpan.FromMilliseconds(10) },
            new RecordingReporter());

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_echoed_basic_credential_is_scrubbed_from_the_message_and_the_server_words(bool decoded)
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.EchoCredential(decoded));
        using var client = Client(server, new BasicAuthSigner(User, Password));

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        foreach (var text in new[] { error.Message, error.ServiceMessage! })
        {
            Assert.DoesNotContain(Password, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Base64(User + ":" + Password), text, StringComparison.Ordinal);
            Assert.Contains("bad credentials: ", text);
            Assert.Contains("***", text);
        }
    }

    [Fact]
    public async Task An_echoed_api_key_used_as_the_basic_user_is_scrubbed()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.EchoCredential(decoded: true));
        using var client = Client(server, new BasicAuthSigner(ApiKey, ""));

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.DoesNotContain(ApiKey, error.Message);
        Assert.Equal("bad credentials: user and password ***", error.ServiceMessage);
    }

    [Fact]
    public async Task An_echoed_OAuth_header_loses_the_token_and_a_server_repeating_the_secrets_loses_them_too()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/api/items", () =>
            Results.Json(new { message = "consumer secret Consumer-secret-9 and token secret Token-secret-7 do not match" }, statusCode: 401)));
        server.Faults.Enqueue(Fault.EchoCredential());
        using var client = Client(server, new OAuth1Signer("consumer-key", "Consumer-secret-9", "Access-token-5", "Token-secret-7"));

        var echoed = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));
        var repeated = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Contains("oauth_token=\"***\"", echoed.Message);
        Assert.DoesNotContain("Access-token-5", echoed.Message);
        Assert.Equal("consumer secret *** and token secret *** do not match", repeated.ServiceMessage);
    }

    [Fact]
    public void Every_form_of_a_secret_is_blanked_and_short_or_absent_secrets_leave_the_text_alone()
    {
        var scrubber = new SecretScrubber(["p@ss word/1", "abc", ""]);

        Assert.Equal("raw *** b64 *** url *** upper ***", scrubber.Scrub(
            $"raw p@ss word/1 b64 {Base64("p@ss word/1")} url {Uri.EscapeDataString("p@ss word/1")} upper P@SS WORD/1"));
        Assert.Equal("abc stays: too short to scrub without garbling text", scrubber.Scrub("abc stays: too short to scrub without garbling text"));
        Assert.Equal("nothing here", SecretScrubber.None.Scrub("nothing here"));
    }

    [Fact]
    public void A_signer_without_secrets_compiles_and_lists_none()
    {
        IRequestSigner signer = new NoSecrets();
        Assert.Empty(signer.Secrets);
    }

    private sealed class NoSecrets : IRequestSigner
    {
        public void Sign(HttpRequestMessage request) { }
    }
}
