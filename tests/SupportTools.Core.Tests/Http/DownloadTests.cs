using System.Text;
using SupportTools.Http;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

/// <summary>
/// <see cref="ServiceRequest.Destination"/>: a successful answer streams into the caller's file instead of memory, a
/// retried download starts the file again, error answers are still read for their text, and a failing disk is the
/// disk's error at once, never retried as a broken connection.
/// </summary>
public sealed class DownloadTests
{
    private static ServiceClient Client(ScriptedHandler handler) => new(new ServiceClientOptions
    {
        BaseUri = new Uri("http://127.0.0.1:9/"),
        ServiceName = "Files",
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        Handler = handler,
    }, new RecordingReporter());

    private static ServiceRequest Download(Stream destination) => new(HttpMethod.Get, "/files/day.json") { Destination = destination };

    [Fact]
    public async Task A_successful_answer_goes_to_the_destination_and_not_into_the_response()
    {
        var text = "{\"export\":[" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => i.ToString())) + "]}";
        using var client = Client(new ScriptedHandler(ScriptedHandler.Answer(200, text)));
        using var file = new MemoryStream();

        var response = await client.SendAsync(Download(file), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Body);
        Assert.Equal(text, Encoding.UTF8.GetString(file.ToArray()));
    }

    [Fact]
    public async Task A_retried_download_starts_the_destination_again()
    {
        // The first attempt's bytes (a busy server's page) must not stay in front of the second's.
        using var client = Client(new ScriptedHandler(ScriptedHandler.Answer(503, "busy, try later"), ScriptedHandler.Answer(200, "{\"ok\":1}")));
        using var file = new MemoryStream();
        file.Write("stale bytes from before"u8);

        var response = await client.SendAsync(Download(file), CancellationToken.None);

        Assert.Equal(2, response.Attempts);
        Assert.Equal("{\"ok\":1}", Encoding.UTF8.GetString(file.ToArray()));
    }

    [Fact]
    public async Task An_error_answer_keeps_its_text_for_the_message_and_leaves_the_destination_alone()
    {
        using var client = Client(new ScriptedHandler(ScriptedHandler.Answer(403, """{"message":"link expired"}""")));
        using var file = new MemoryStream();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.SendAsync(Download(file), CancellationToken.None));

        Assert.Equal(ServiceFailure.PermissionDenied, error.Failure);
        Assert.Contains("link expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, file.Length);
    }

    [Fact]
    public async Task A_destination_that_cannot_be_written_fails_at_once_with_its_own_error()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(200, "{}"), ScriptedHandler.Answer(200, "{}"), ScriptedHandler.Answer(200, "{}"));
        using var client = Client(handler);
        using var full = new FullDisk();

        var error = await Assert.ThrowsAsync<IOException>(() => client.SendAsync(Download(full), CancellationToken.None));

        Assert.Equal("No space left on device", error.Message);
        Assert.Single(handler.Sent);
    }

    /// <summary>A seekable stream whose writes fail as a full disk's do.</summary>
    private sealed class FullDisk : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("No space left on device"));
    }
}
