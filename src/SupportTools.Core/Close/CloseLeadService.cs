using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// The Close leads capability's one entry point (what the cmdlets, the tests and the bench call): checking a key
/// (<c>Connect-Close</c>), importing cleaned rows as leads (<c>Import-CloseLead</c>) and reading the leads founded in
/// a range (<c>Get-CloseLead</c>). Each use case takes its request, an <see cref="IOperationReporter"/> and a
/// cancellation token; results are emitted as they come. Cleaning (<see cref="CloseLeadCleaner"/>,
/// <see cref="CloseLeadFile"/>) and segmenting (<see cref="CloseLeadSegmenter"/>) need no account and stand alone.
/// </summary>
public sealed class CloseLeadService
{
    /// <summary>
    /// Requests in flight that the import uses (give it as the options' <c>MaxConcurrency</c>). Close allows a key some
    /// tens of requests a second; at 50–200 ms a request, six in flight reach that, and more would only queue on the
    /// client's shared rate gate.
    /// </summary>
    public const int Concurrency = 6;

    /// <summary>Company names looked up in one search before an import creates anything (one request per batch).</summary>
    public const int LookupBatch = 20;

    private readonly ServiceClientOptions? _options;

    /// <summary>
    /// The service for the Close account at <paramref name="options"/> (address and signer with the key; its
    /// <c>MaxConcurrency</c> is how many requests an import keeps in flight, see <see cref="Concurrency"/>). Null
    /// options serve only imports that send nothing (every lead previewed or declined).
    /// </summary>
    public CloseLeadService(ServiceClientOptions? options) => _options = options;

    /// <summary>The user the key belongs to (their e-mail address), which proves the key and the address work.</summary>
    public async Task<string> ConnectAsync(IOperationReporter reporter, CancellationToken cancellationToken)
    {
        using var client = new ServiceClient(Options, reporter);
        return await new CloseApi(client).MeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans the import of <paramref name="request"/> (groups the valid rows into leads): the caller may decline or
    /// preview leads on its own thread (<c>-Confirm</c>, <c>-WhatIf</c>), then runs it with
    /// <see cref="CloseLeadImport.RunAsync"/>.
    /// </summary>
    internal CloseLeadImport BeginImport(CloseLeadImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CloseLeadImport(_options, request);
    }

    /// <summary>Imports <paramref name="request"/> without asking about any lead: <see cref="BeginImport"/>, then run.</summary>
    public Task<CloseLeadImportSummary> ImportAsync(CloseLeadImportRequest request, IOperationReporter reporter, Action<CloseLeadOutcome> emit,
        CancellationToken cancellationToken) => BeginImport(request).RunAsync(reporter, emit, cancellationToken);

    /// <summary>
    /// Emits the leads founded between <paramref name="from"/> and <paramref name="to"/> (inclusive; either may be open),
    /// with state and revenue, from one Advanced Filtering search (no request per lead).
    /// </summary>
    public Task GetLeadsAsync(DateOnly? from, DateOnly? to, IReadOnlyDictionary<string, string>? customFieldMap, IOperationReporter reporter,
        Action<CloseLead> emit, CancellationToken cancellationToken) =>
        CloseLeadQuery.RunAsync(Options, customFieldMap, from, to, reporter, emit, cancellationToken);

    private ServiceClientOptions Options => _options ?? throw new InvalidOperationException("This use case needs the client options of a Close account.");
}
