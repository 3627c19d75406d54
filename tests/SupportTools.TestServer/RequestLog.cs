using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SupportTools.TestServer;

/// <summary>The requests a server received, in arrival order; each entry is completed as its request is answered. Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _entries = [];

    /// <summary>Records a request on arrival (reading its body, which stays readable for the handler); returns its index.</summary>
    public async Task<int> AddAsync(HttpContext http)
    {
        var request = http.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
        // The target exactly as the client sent it (escaping included), which is what a signature covers.
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var entry = new RecordedRequest(request.Method, target, headers, body, null, null, DateTimeOffset.UtcNow);
        lock (_lock)
        {
            _entries.Add(entry);
            return _entries.Count - 1;
        }
    }

    public void SetStatus(int index, int status) => Update(index, entry => entry with { Status = status });

    public void SetFault(int index, string fault) => Update(index, entry => entry with { Fault = fault });

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_lock) return _entries.ToArray();
    }

    private void Update(int index, Func<RecordedRequest, RecordedRequest> change)
    {
        lock (_lock) _entries[index] = change(_entries[index]);
    }
}
