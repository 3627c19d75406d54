using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// One import, between planning and running (from <see cref="CloseLeadService.BeginImport"/>): the leads it would
/// create (<see cref="Plans"/>), which the caller may decline or only preview one by one (<c>-Confirm</c>,
/// <c>-WhatIf</c>, asked on the caller's thread before anything is sent), then <see cref="RunAsync"/>.
/// <para>
/// Every input row gets exactly one result, so the summary adds up: Invalid rows, Declined rows, then for each lead
/// Created, Skipped (it exists), Failed or Unknown. Custom fields are resolved first (a missing one stops the run
/// before any lead is created); then, unless <see cref="CloseLeadImportRequest.AllowDuplicate"/>, the companies are
/// looked up by name in batches; then the missing leads are created with several requests in flight on one
/// <see cref="ServiceClient"/>, whose shared rate-limit gate holds them all when Close says to wait. A failure that
/// concerns the whole run (a refused key, a missing field, a wrong address, a bug) lets the leads in flight finish,
/// gives every row not yet done a Failed result ("not sent") and writes the failed-rows file before it is thrown.
/// </para>
/// </summary>
public sealed class CloseLeadImport
{
    private readonly ServiceClientOptions? _options;
    private readonly CloseLeadImportRequest _request;
    private readonly List<CloseLeadPlan> _plans;
    private readonly HashSet<CloseLeadPlan> _declined = [], _previewed = [];

    internal CloseLeadImport(ServiceClientOptions? options, CloseLeadImportRequest request)
    {
        _options = options;
        _request = request;
        _plans = CloseLeadPlan.Group(request.Drafts);
        Summary = new CloseLeadImportSummary(request.Drafts.Count, _plans.Count);
    }

    /// <summary>The leads to create, one per company, in order of each company's first row.</summary>
    public IReadOnlyList<CloseLeadPlan> Plans => _plans;

    /// <summary>The counts so far (complete when <see cref="RunAsync"/> ends, also when it throws).</summary>
    public CloseLeadImportSummary Summary { get; }

    /// <summary>Leaves <paramref name="plan"/> out: its rows get Declined results and go to the failed-rows file.</summary>
    public void Decline(CloseLeadPlan plan) => _declined.Add(plan);

    /// <summary>Leaves <paramref name="plan"/> out without a result (<c>-WhatIf</c>): the summary counts its rows as previewed.</summary>
    public void Preview(CloseLeadPlan plan) => _previewed.Add(plan);

    /// <summary>
    /// Runs the import, emitting one outcome per row (from any thread, as leads finish). Throws
    /// <see cref="CloseFieldNotFoundException"/> before creating anything when a custom field is missing,
    /// <see cref="ServiceException"/> when Close refuses the key or the address is wrong; other failures are the
    /// failed lead's own. On cancellation nothing more is emitted and the failed-rows file is not written.
    /// </summary>
    public async Task<CloseLeadImportSummary> RunAsync(IOperationReporter reporter, Action<CloseLeadOutcome> emit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        var clock = Stopwatch.StartNew();
        using var failedRows = _request.FailedPath is { } path ? CloseFailedRowsFile.Create(path, _request.Drafts) : null;
        var done = new HashSet<CloseLeadPlan>();
        void Emit(CloseLeadOutcome outcome)
        {
            Summary.Add(outcome.Result.Status);
            failedRows?.Add(outcome);
            emit(outcome);
        }
        void EmitPlan(CloseLeadPlan plan, string? leadId, CloseLeadStatus status, string? reason, Exception? error = null)
        {
            lock (done)
                if (!done.Add(plan)) return;
            foreach (var row in plan.Rows) Emit(new CloseLeadOutcome(row, plan.Name, leadId, status, reason, error));
        }

        foreach (var draft in _request.Drafts.Where(d => !d.IsValid))
            Emit(new CloseLeadOutcome(draft, draft.Name, null, CloseLeadStatus.Invalid, draft.Problems));
        foreach (var plan in _plans.Where(_declined.Contains))
            EmitPlan(plan, null, CloseLeadStatus.Declined, "declined at the -Confirm prompt; not sent");
        Summary.AddPreviewed(_plans.Where(p => _previewed.Contains(p) && !_declined.Contains(p)).Sum(p => p.Rows.Count));
        var todo = _plans.Where(p => !_declined.Contains(p) && !_previewed.Contains(p)).ToList();
        try
        {
            if (todo.Count > 0)
            {
                if (_options is null) throw new InvalidOperationException("An import that sends leads needs the client options of a Close account.");
                await new Run(_options, _request, reporter, EmitPlan).CreateAsync(todo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var why = failure is ServiceException or CloseFieldNotFoundException ? failure.Message : $"{failure.GetType().Name}: {failure.Message}";
            foreach (var plan in todo) EmitPlan(plan, null, CloseLeadStatus.Failed, $"not sent: the import stopped ({why})");
            Finish(failedRows, clock);
            throw;
        }
        Finish(failedRows, clock);
        return Summary;
    }

    private void Finish(CloseFailedRowsFile? failedRows, Stopwatch clock)
    {
        Summary.Elapsed = clock.Elapsed;
        if (failedRows is null) return;
        failedRows.Commit();
        Summary.FailedRowsWritten = failedRows.Count;
        Summary.FailedPath = failedRows.Path;
    }

    /// <summary>The network part of one run: custom fields, look-ups, creates.</summary>
    private sealed class Run(ServiceClientOptions options, CloseLeadImportRequest request, IOperationReporter reporter,
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
}
