using SupportTools.TestServer.Faults;

namespace SupportTools.TestServer;

/// <summary>What happens to one request instead of (or around) its handler. Enqueue faults on <see cref="LoopbackServer.Faults"/>.</summary>
public abstract record Fault
{
    private protected Fault() { }

    /// <summary>
    /// Answers <paramref name="status"/> without running the handler (the service did not act), with the
    /// <paramref name="hint"/> saying the window resets after <paramref name="reset"/> (default 1 s).
    /// </summary>
    public static Fault Status(int status, RateLimitHint hint = RateLimitHint.None, TimeSpan? reset = null) =>
        new StatusFault(status, hint, reset ?? TimeSpan.FromSeconds(1));

    /// <summary>
    /// A slow answer: the handler runs at once (its side effects happen), its response is sent after
    /// <paramref name="delay"/>. A client that times out first cannot know whether the request took effect.
    /// Server shutdown does not wait for it.
    /// </summary>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Aborts the connection before the handler runs: no effect, no response.</summary>
    public static Fault Reset() => new ResetFault();

    /// <summary>Runs the handler (a lead IS created), then aborts the connection without sending its response.</summary>
    public static Fault DropAfterHandling() => new DropAfterHandlingFault();

    /// <summary>Runs the handler, sends its status, headers and the first half of its body with the full Content-Length, then closes the connection.</summary>
    public static Fault Truncated() => new TruncatedFault();

    /// <summary>A 200 <c>text/html</c> page (as a proxy or a login portal answers) instead of running the handler.</summary>
    public static Fault NotJson() => new NotJsonFault();

    /// <summary>
    /// A 200 JSON answer of <paramref name="bytes"/> bytes (a list, then blanks), with its Content-Length declared or
    /// chunked; writing stops when the client goes.
    /// </summary>
    public static Fault HugeBody(long bytes, bool declareLength) => new HugeBodyFault(bytes, declareLength);

    /// <summary>
    /// A 200 answer with <c>Content-Encoding: gzip</c> that expands to <paramref name="expandedBytes"/> bytes of zeros
    /// from about a thousandth of that on the wire (1 MiB gzip members back to back): a compression bomb.
    /// </summary>
    public static Fault GzipBomb(long expandedBytes) => new GzipBombFault(expandedBytes);

    /// <summary>Answers <paramref name="status"/> (301, 302, 303, 307, 308) with <c>Location: <paramref name="location"/></c>.</summary>
    public static Fault Redirect(string location, int status = 302) => new RedirectFault(status, location);

    /// <summary>
    /// A 401 whose JSON message repeats the request's <c>Authorization</c> header (<c>bad credentials: Basic …</c>), or,
    /// with <paramref name="decoded"/>, the decoded <c>user:password</c> of a Basic header: a server that echoes secrets.
    /// </summary>
    public static Fault EchoCredential(bool decoded = false) => new EchoCredentialFault(decoded);

    /// <summary>
    /// A refusal (<paramref name="status"/>, default 403) whose JSON message and <c>data</c> repeat the request's
    /// <paramref name="header"/> value (e.g. <c>X-Auth-Token</c>): a server that echoes a session token back.
    /// </summary>
    public static Fault EchoHeader(string header, int status = 403) => new EchoHeaderFault(header, status);

    /// <summary>The name recorded in <see cref="RecordedRequest.Fault"/>: <c>Status(503)</c>, <c>Delay(5000 ms)</c>, <c>Reset</c>, …</summary>
    public abstract string Name { get; }

    /// <summary>Handles the request in this fault's way.</summary>
    internal abstract Task ApplyAsync(FaultTarget target);

    /// <inheritdoc/>
    public sealed override string ToString() => Name;
}
