namespace SupportTools.TestServer;

/// <summary>One request as the server received it, and what became of it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query string as sent (<c>/api/v1/lead/?x=1</c>).</param>
/// <param name="Headers">A copy of the request headers (case-insensitive names; repeated values joined with ", ").</param>
/// <param name="Body">The request body as UTF-8 text ("" when none).</param>
/// <param name="Status">
/// The status the response had, or would have had when a fault held or cut it off after the handler ran (Delay,
/// DropAfterHandling, Truncated); null while the request is in flight or when nothing was answered (Reset).
/// </param>
/// <param name="Fault">The injected fault's name (<c>Status(503)</c>, <c>Reset</c>, …), "RateLimit" for a request the rate limit refused, else null.</param>
/// <param name="Received">When the request arrived.</param>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int? Status,
    string? Fault,
    DateTimeOffset Received);
