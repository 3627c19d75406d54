using System.Text.Json;

namespace SupportTools.Http;

/// <summary>A successful (2xx) answer, read completely.</summary>
public sealed class ServiceResponse
{
    internal ServiceResponse(HttpMethod method, Uri requestUri, int statusCode, byte[] body, int attempts, TimeSpan elapsed, string serviceName)
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        Body = body;
        Attempts = attempts;
        Elapsed = elapsed;
        ServiceName = serviceName;
    }

    /// <summary>The method of the request answered.</summary>
    public HttpMethod Method { get; }

    /// <summary>The URL the answer came from.</summary>
    public Uri RequestUri { get; }

    /// <summary>The HTTP status (2xx).</summary>
    public int StatusCode { get; }

    /// <summary>The body as received.</summary>
    public byte[] Body { get; }

    /// <summary>How many attempts it took (1 when the first succeeded; 0 for a synthetic response).</summary>
    public int Attempts { get; }

    /// <summary>The time from the first attempt to this answer, waits included.</summary>
    public TimeSpan Elapsed { get; }

    internal string ServiceName { get; }

    /// <summary>
    /// A response that did not come over the wire: what a <see cref="ServiceRequest.Reconcile"/> callback found, or a
    /// test's canned answer.
    /// </summary>
    public static ServiceResponse Synthetic(HttpMethod method, Uri requestUri, int statusCode, byte[] body) =>
        new(method, requestUri, statusCode, body, 0, TimeSpan.Zero, "service");

    /// <summary>The body as JSON; a <see cref="ServiceException"/> (<see cref="ServiceFailure.InvalidResponse"/>) naming the URL when it is not.</summary>
    public JsonDocument ParseJson()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException e)
        {
            var what = Body.Length == 0 ? "an empty body" : $"not JSON ({e.Message})";
            throw new ServiceException(ServiceFailure.InvalidResponse, ServiceName, Method, RequestUri, StatusCode, Attempts,
                $"the answer is {what}", null, e);
        }
    }
}
