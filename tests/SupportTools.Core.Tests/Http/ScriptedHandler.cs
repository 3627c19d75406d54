using System.Collections.Concurrent;
using System.Diagnostics;

namespace SupportTools.Tests;

/// <summary>
/// An HTTP handler that answers from a script, one step per request in order (the last step repeats), and records
/// what was sent and when: fast, deterministic tests of the client's decisions. Real sockets (resets, cut-off bodies,
/// slow servers) are tested against the loopback server.
/// </summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) : HttpMessageHandler
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _next = -1;

    public ConcurrentQueue<(string Method, Uri Uri, string? Authorization, string? Body, TimeSpan At)> Sent { get; } = new();

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(int status, string body = "{}", params (string Name, string Value)[] headers) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body) };
            foreach (var (name, value) in headers)
                response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Throw(HttpRequestError error, Exception? inner = null) =>
        (_, _) => throw new HttpRequestException(error, "scripted failure", inner);

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue((request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, _clock.Elapsed));
        var step = steps[Math.Min(Interlocked.Increment(ref _next), steps.Length - 1)];
        return await step(request, cancellationToken);
    }
}
