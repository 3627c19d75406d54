using System.Diagnostics;
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
internal sealed class CloseLeadImport
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
                await new CloseLeadCreation(_options, _request, reporter, EmitPlan).CreateAsync(todo, cancellationToken).ConfigureAwait(false);
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
}
