using System.Runtime.ExceptionServices;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// The network part of one <see cref="CloseLeadImport"/>: resolves the custom fields (a missing one stops the run before
/// any lead is created), looks the companies up by name in batches (unless duplicates are allowed), then creates the
/// missing leads with the client's concurrency. A failure that concerns the whole run (a refused key, a wrong address)
/// lets the leads in flight finish and is thrown at the end; every other failure is its lead's own result.
/// </summary>
internal sealed class CloseLeadCreation(ServiceClientOptions options, CloseLeadImportRequest request, IOperationReporter reporter,
    Action<CloseLeadPlan, string?, CloseLeadStatus, string?, Exception?> emit)
{
    private ExceptionDispatchInfo? _stopped;

    public async Task CreateAsync(IReadOnlyList<CloseLeadPlan> plans, CancellationToken cancellationToken)
    {
        using var client = new ServiceClient(options, reporter);
        var api = new CloseApi(client);
        var columns = plans.SelectMany(plan => plan.CustomValues().Keys).ToList();
        IReadOnlyDictionary<string, string> fieldIds = new Dictionary<string, string>();
        if (columns.Count > 0)
        {
            reporter.Progress("Reading the lead custom fields", 0, plans.Count);
            fieldIds = CloseCustomFields.Resolve(columns, await api.CustomFieldsAsync(cancellationToken).ConfigureAwait(false), request.CustomFieldMap);
        }
        var (existing, unverified) = request.AllowDuplicate
            ? (new Dictionary<string, string>(), new HashSet<CloseLeadPlan>())
            : await LookUpAsync(api, plans, cancellationToken).ConfigureAwait(false);

        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plans, parallel, async (plan, token) =>
        {
            if (Volatile.Read(ref _stopped) is not null) return; // the run stops: left for the "not sent" results
            if (existing.TryGetValue(plan.Name, out var id))
                emit(plan, id, CloseLeadStatus.Skipped, $"a lead named '{plan.Name}' exists ({id})", null);
            else if (unverified.Contains(plan))
                return; // its look-up failed: already reported
            else
                await CreateAsync(api, plan, fieldIds, token).ConfigureAwait(false);
            reporter.Progress($"Creating leads ({plan.Name})", Interlocked.Increment(ref done), plans.Count);
        }).ConfigureAwait(false);
        _stopped?.Throw();
    }

    /// <summary>
    /// The leads Close has by the plans' names, one search per <see cref="CloseLeadService.LookupBatch"/> names. A
    /// batch whose search fails gives its plans Failed results: creating them could duplicate a lead.
    /// </summary>
    private async Task<(Dictionary<string, string> Found, HashSet<CloseLeadPlan> Unchecked)> LookUpAsync(CloseApi api, IReadOnlyList<CloseLeadPlan> plans, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var unverified = new HashSet<CloseLeadPlan>();
        var batches = plans.Chunk(CloseLeadService.LookupBatch).ToList();
        var done = 0;
        reporter.Progress("Looking up existing leads by name", 0, plans.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            try
            {
                var ids = await api.FindLeadsAsync([.. batch.Select(p => p.Name)], token).ConfigureAwait(false);
                lock (found)
                    foreach (var plan in batch)
                        if (ids.TryGetValue(plan.Name, out var id)) found[plan.Name] = id;
            }
            catch (ServiceException failure) when (!IsFatal(failure))
            {
                lock (found) unverified.UnionWith(batch);
                foreach (var plan in batch)
                    emit(plan, null, CloseLeadStatus.Failed,
                        $"not created: looking up whether Close has a lead of this name failed, and creating it blindly could make a second one ({failure.Message})", failure);
            }
            reporter.Progress("Looking up existing leads by name", Math.Min(Interlocked.Add(ref done, batch.Length), plans.Count), plans.Count);
        }).ConfigureAwait(false);
        reporter.Verbose($"Close: {found.Count:N0} of {plans.Count:N0} companies have a lead of that name already; they are left alone (-AllowDuplicate creates them anyway).");
        return (found, unverified);
    }

    private async Task CreateAsync(CloseApi api, CloseLeadPlan plan, IReadOnlyDictionary<string, string> fieldIds, CancellationToken cancellationToken)
    {
        try
        {
            var id = await api.CreateLeadAsync(plan.Name, plan.ToJson(fieldIds, reporter.Warning), cancellationToken).ConfigureAwait(false);
            emit(plan, id, CloseLeadStatus.Created, null, null);
        }
        catch (CloseLeadOutcomeUnknownException unknown)
        {
            emit(plan, null, CloseLeadStatus.Unknown, unknown.Message, unknown);
        }
        catch (ServiceException failure) when (IsFatal(failure))
        {
            // Close refused the key or the address: nothing else can succeed. The lead was not created (a complete
            // 401/403/404 answer); it is left for the "not sent" results.
            Interlocked.CompareExchange(ref _stopped, ExceptionDispatchInfo.Capture(failure), null);
        }
        catch (ServiceException failure)
        {
            emit(plan, null, CloseLeadStatus.Failed, failure.Message, failure);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug (an exception the module has no meaning for): the lead's own, reported with its type, the rest go on.
            emit(plan, null, CloseLeadStatus.Failed, $"{failure.GetType().Name}: {failure.Message}", failure);
        }
    }

    private static bool IsFatal(ServiceException failure) =>
        failure.Failure is ServiceFailure.Authentication or ServiceFailure.PermissionDenied or ServiceFailure.NotFound;
}
