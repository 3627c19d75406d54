using System.Text.Json.Nodes;

namespace SupportTools.Http;

/// <summary>One request to a service, as the caller means it; the client turns it into one HTTP message per attempt.</summary>
public sealed class ServiceRequest
{
    /// <summary>
    /// A request for <paramref name="target"/>: a path and query relative to the client's base address
    /// (<c>/api/v1/lead/</c>), or an absolute URL on the same origin (a HAL <c>next</c> link). Another origin is refused,
    /// so credentials never travel to a host the user did not name.
    /// </summary>
    public ServiceRequest(HttpMethod method, string target)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Method = method;
        Target = target;
        IsIdempotent = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path and query, or a same-origin absolute URL.</summary>
    public string Target { get; }

    /// <summary>The JSON body, or null for none.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>
    /// Whether sending the request twice does no more than sending it once: such requests are retried after any
    /// transient failure. True by default for GET, HEAD, PUT, DELETE and OPTIONS; false for POST.
    /// </summary>
    public bool IsIdempotent { get; init; }

    /// <summary>
    /// For a request that is not idempotent: after a failure that leaves open whether the server acted (a timeout, a
    /// connection dropped after sending, 500/502/504), called before the request is sent again. It returns a response
    /// that stands for the earlier attempt's effect (the lead found by name) to finish with it, or null to send the
    /// request again. Without it such failures are not retried: the request fails as <see cref="ServiceFailure.Ambiguous"/>.
    /// </summary>
    public Func<CancellationToken, Task<ServiceResponse?>>? Reconcile { get; init; }

    /// <summary>
    /// Where a successful (2xx) answer's body goes, as it arrives, instead of memory (a file download): emptied at the
    /// start of each attempt, so a retried download never keeps a broken attempt's bytes. Must be seekable. The
    /// response's <see cref="ServiceResponse.Body"/> is then empty; error answers are still read into memory for their text.
    /// </summary>
    public Stream? Destination { get; init; }
}
