using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests;

/// <summary>
/// Answers are read as they stream in and capped (issue 14: a 1 GiB body took 2.4 GB and a 4 MB gzip bomb 4.3 GB, each
/// retried 6 times): an oversized answer fails at once as <see cref="ServiceFailure.ResponseTooLarge"/>, naming the URL
/// and the limit, after one request, having read no more than about the limit.
/// </summary>
public class BoundedAnswerTests
{
    private const long Limit = 1024 * 1024;
    private const long OneGiB = 1024L * 1024 * 1024;

    private static ServiceClient Client(LoopbackServer server, RecordingReporter log, long limit = Limit, HttpMessageHandler? handler = null) =>
        new(new ServiceClientOptions
        {
            Handler = handler,
            BaseUri = server.BaseUri,
            ServiceName = "Test",
            MaxAttempts = 6,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(60),
            MaxResponseBytes = limit,
        }, log);

    private static Task<LoopbackServer> Items() =>
        LoopbackServer.StartAsync(app => app.MapGet("/api/items", () => Results.Json(new { items = new[] { 1, 2, 3 } })));

    [Fact]
    public async Task An_answer_declaring_more_than_the_limit_is_refused_before_its_body_is_read_and_not_retried()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.HugeBody(OneGiB, declareLength: true));
        var log = new RecordingReporter();
        using var wire = new ReadCountingHandler();
        using var client = Client(server, log, handler: wire);

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        Assert.Equal((ServiceFailure.ResponseTooLarge, 1, 200), (error.Failure, error.Attempts, error.StatusCode));
        Assert.Single(server.Requests);
        Assert.Contains($"{server.BaseUri}api/items", error.Message);
        Assert.Contains("declares 1 GiB (Content-Length), more than the 1 MiB allowed", error.Message);
        Assert.Contains("not retried", error.Message);
        Assert.Contains(log.VerboseLines, line => line.Contains("answer too large (over 1 MiB)", StringComparison.Ordinal));
        Assert.Equal(0, wire.BytesRead); // refused on the header alone
    }

    [Fact]
    public async Task A_chunked_answer_that_grows_past_the_limit_stops_being_read_at_the_limit()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.HugeBody(OneGiB, declareLength: false));
        using var wire = new ReadCountingHandler();
        using var client = Client(server, new RecordingReporter(), handler: wire);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal((ServiceFailure.ResponseTooLarge, 1), (error.Failure, error.Attempts));
        Assert.Contains("larger than the 1 MiB allowed per answer", error.Message);
        Assert.Single(server.Requests);
        // The client stopped reading one read past the limit (the whole 1 GiB before), and the process allocated far
        // less than the body (a loose bound: other tests run alongside).
        Assert.InRange(wire.BytesRead, Limit + 1, Limit + 128 * 1024);
        Assert.True(allocated < OneGiB / 4, $"{allocated} bytes allocated");
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_limit_once_decompressed_and_is_not_retried()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.GzipBomb(OneGiB)); // about 1 MiB on the wire, under the limit there
        using var wire = new ReadCountingHandler();
        using var client = Client(server, new RecordingReporter(), limit: 4 * Limit, handler: wire);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.GetJsonAsync("/api/items", CancellationToken.None));

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal((ServiceFailure.ResponseTooLarge, 1), (error.Failure, error.Attempts));
        Assert.Contains("grew past the 4 MiB allowed per answer when decompressed", error.Message);
        Assert.Contains($"{server.BaseUri}api/items", error.Message);
        Assert.Single(server.Requests);
        Assert.True(allocated < OneGiB / 4, $"{allocated} bytes allocated for a 1 GiB bomb");
        Assert.True(wire.BytesRead < Limit / 4, $"{wire.BytesRead} compressed bytes read"); // 4 MiB of zeros is ~4 KiB of gzip
    }

    [Fact]
    public async Task The_default_limit_is_64_MiB_and_ordinary_compressed_answers_are_decoded()
    {
        Assert.Equal(64L * 1024 * 1024, new ServiceClientOptions { BaseUri = new("http://x/"), ServiceName = "x" }.MaxResponseBytes);
        var json = """{"items":[1,2,3],"name":"Société Générale"}""";
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/gzip", () => Encoded("gzip", json, stream => new GZipStream(stream, CompressionLevel.Fastest)));
            app.MapGet("/br", () => Encoded("br", json, stream => new BrotliStream(stream, CompressionLevel.Fastest)));
            app.MapGet("/deflate", () => Encoded("deflate", json, stream => new ZLibStream(stream, CompressionLevel.Fastest)));
        });
        using var client = Client(server, new RecordingReporter(), limit: 64L * 1024 * 1024);

        foreach (var path in new[] { "/gzip", "/br", "/deflate" })
        {
            using var document = await client.GetJsonAsync(path, CancellationToken.None);
            Assert.Equal("Société Générale", document.RootElement.GetProperty("name").GetString());
        }
        Assert.All(server.Requests, r => Assert.Equal("gzip, deflate, br", r.Headers["Accept-Encoding"]));
    }

    [Fact]
    public async Task An_answer_exactly_at_the_limit_is_read()
    {
        await using var server = await Items();
        server.Faults.Enqueue(Fault.HugeBody(Limit, declareLength: false));
        using var client = Client(server, new RecordingReporter());

        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Get, "/api/items"), CancellationToken.None);

        Assert.Equal(Limit, response.Body.Length);
    }

    private static IResult Encoded(string encoding, string json, Func<Stream, Stream> compressor)
    {
        using var packed = new MemoryStream();
        using (var stream = compressor(packed))
            stream.Write(Encoding.UTF8.GetBytes(json));
        return new EncodedResult(encoding, packed.ToArray());
    }

    private sealed class EncodedResult(string encoding, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.Headers.ContentEncoding = encoding;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
