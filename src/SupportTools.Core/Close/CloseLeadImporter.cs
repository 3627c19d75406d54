using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// Creates Close leads from planned companies (the use case behind <c>Import-CloseLead</c>, also run by the tests and
/// the bench): resolves the custom fields first (a missing one fails the run before any lead is created), then
/// creates the leads with <see cref="Concurrency"/> requests in flight on one <see cref="ServiceClient"/>, whose shared
/// rate-limit gate holds them all when Close says to wait: as fast as the limit allows, no fixed sleeps. Each lead is
/// created at most once (see <see cref="CloseApi.CreateLeadAsync"/>). Emits one result per row, as each lead finishes.
/// </summary>
public sealed class CloseLeadImporter
{
    /// <summary>
    /// Requests in flight. Close allows a key some tens of requests a second; at 50–200 ms a request, six in flight
    /// reach that, and more would only queue on the shared rate gate.
    /// </summary>
    public const int Concurrency = 6;

    private readonly ServiceClientOptions _options;
    private readonly IReadOnlyDictionary<string, string>? _customFieldMap;
    private readonly bool _skipExisting;

    /// <summary>
    /// An importer for the Close at <paramref name="options"/> (its <c>MaxConcurrency</c> is raised to
    /// <see cref="Concurrency"/>). <paramref name="customFieldMap"/>: column → Close field name where they differ.
    /// <paramref name="skipExisting"/>: leave a company alone when a lead with exactly its name exists.
    /// </summary>
    public CloseLeadImporter(ServiceClientOptions options, IReadOnlyDictionary<string, string>? customFieldMap, bool skipExisting)
    {
        _options = new ServiceClientOptions
        {
            BaseUri = options.BaseUri,
            ServiceName = options.ServiceName,
            Signer = options.Signer,
            MaxAttempts = options.MaxAttempts,
            AttemptTimeout = options.AttemptTimeout,
            BaseDelay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            MaxConcurrency = Math.Max(options.MaxConcurrency, Concurrency),
            Handler = options.Handler,
        };
        _customFieldMap = customFieldMap;
        _skipExisting = skipExisting;
    }

    /// <summary>
    /// Creates the leads of <paramref name="plans"/>, emitting a result per row. Throws
    /// <see cref="CloseFieldNotFoundException"/> before creating anything when a custom field is missing, and
    /// <see cref="ServiceException"/> when Close refuses the key or the address is wrong (nothing else could succeed);
    /// other failures are the failed lead's own.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<CloseLeadPlan> plans, IOperationReporter reporter, Action<CloseLeadOutcome> emit, CancellationToken cancellationToken)
    {
        if (plans.Count == 0) return;
        using var client = new ServiceClient(_options, reporter);
        var api = new CloseApi(client);
        var columns = plans.SelectMany(plan => plan.CustomValues().Keys).ToList();
        IReadOnlyDictionary<string, string> fieldIds = new Dictionary<string, string>();
        if (columns.Count > 0)
        {
            reporter.Progress("Reading the lead custom fields", 0, plans.Count);
            fieldIds = CloseCustomFields.Resolve(columns, await api.CustomFieldsAsync(cancellationToken).ConfigureAwait(false), _customFieldMap);
        }

        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plans, parallel, async (plan, token) =>
        {
            foreach (var result in await ImportAsync(api, plan, fieldIds, reporter, token).ConfigureAwait(false))
                emit(result);
            reporter.Progress($"Creating leads ({plan.Name})", Interlocked.Increment(ref done), plans.Count);
        }).ConfigureAwait(false);
    }

    private async Task<IEnumerable<CloseLeadOutcome>> ImportAsync(CloseApi api, CloseLeadPlan plan, IReadOnlyDictionary<string, string> fieldIds,
        IOperationReporter reporter, CancellationToken cancellationToken)
    {
        IEnumerable<CloseLeadOutcome> All(string? leadId, CloseLeadStatus status, string? reason, Exception? error = null) =>
            plan.Rows.Select(row => new CloseLeadOutcome(row, plan.Name, leadId, status, reason, error)).ToList();
        try
        {
            if (_skipExisting && await api.FindLeadAsync(plan.Name, cancellationToken).ConfigureAwait(false) is { } existing)
                return All(existing, CloseLeadStatus.Skipped, $"a lead named '{plan.Name}' exists ({existing})");
            var id = await api.CreateLeadAsync(plan.Name, plan.ToJson(fieldIds, reporter.Warning), cancellationToken).ConfigureAwait(false);
            return All(id, CloseLeadStatus.Created, null);
        }
        catch (ServiceException exception) when (exception.Failure is not (ServiceFailure.Authentication or ServiceFailure.PermissionDenied or ServiceFailure.NotFound))
        {
            return All(null, CloseLeadStatus.Failed, exception.Message, exception);
        }
        catch (InvalidDataException exception)
        {
            return All(null, CloseLeadStatus.Failed, exception.Message, exception);
        }
    }

    /// <summary>Results for invalid drafts: one per row, with its problems as the reason.</summary>
    public static IEnumerable<CloseLeadOutcome> Invalid(IEnumerable<CloseLeadDraft> drafts) =>
        drafts.Where(d => !d.IsValid).Select(d => new CloseLeadOutcome(d, d.Name, null, CloseLeadStatus.Invalid, d.Problems));
}
