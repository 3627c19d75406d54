using SupportTools.Close;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Close;

namespace SupportTools.Tests.Close;

/// <summary>A Close mock on a loopback server, and clients for it with short timeouts and backoff so fault tests run fast.</summary>
internal sealed class CloseServer : IAsyncDisposable
{
    private CloseServer(CloseMock mock, LoopbackServer server)
    {
        Mock = mock;
        Server = server;
    }

    public CloseMock Mock { get; }

    public LoopbackServer Server { get; }

    public static async Task<CloseServer> StartAsync(RateLimitPolicy? rateLimit = null)
    {
        var mock = new CloseMock();
        var server = await LoopbackServer.StartAsync(mock.Map, new LoopbackServerOptions { RateLimit = rateLimit });
        return new CloseServer(mock, server);
    }

    public ServiceClientOptions Options(string? key = null, TimeSpan? attemptTimeout = null, int maxAttempts = 6) => new()
    {
        BaseUri = Server.BaseUri,
        ServiceName = "Close",
        Signer = new BasicAuthSigner(key ?? Mock.ApiKey, ""),
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromSeconds(5),
        MaxAttempts = maxAttempts,
        MaxConcurrency = CloseLeadService.Concurrency,
    };

    /// <summary>Runs an import of <paramref name="drafts"/> through <see cref="CloseLeadService"/> (as the cmdlet does) and returns the outcomes.</summary>
    public async Task<List<CloseLeadOutcome>> ImportAsync(IEnumerable<CloseLeadDraft> drafts, ServiceClientOptions? options = null,
        IReadOnlyDictionary<string, string>? customFieldMap = null, bool allowDuplicate = false, IOperationReporter? reporter = null, string? failedPath = null)
    {
        var outcomes = new List<CloseLeadOutcome>();
        var request = new CloseLeadImportRequest { Drafts = drafts.ToList(), CustomFieldMap = customFieldMap, AllowDuplicate = allowDuplicate, FailedPath = failedPath };
        LastSummary = await new CloseLeadService(options ?? Options()).ImportAsync(request, reporter ?? NullReporter.Instance, o => { lock (outcomes) outcomes.Add(o); },
            CancellationToken.None);
        return outcomes;
    }

    /// <summary>The summary of the last <see cref="ImportAsync"/>.</summary>
    public CloseLeadImportSummary? LastSummary { get; private set; }

    public static bool IsLeadPost(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Method == "POST" && request.Path == "/api/v1/lead/";

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
