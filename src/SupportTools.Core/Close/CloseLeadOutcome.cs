namespace SupportTools.Close;

/// <summary>
/// A row's result with what the cmdlet needs besides it: the draft (the error's target, the failed-rows line) and the
/// failure behind a Failed or Unknown row. Not an output type: the cmdlet writes <see cref="Result"/>.
/// </summary>
public sealed class CloseLeadOutcome
{
    internal CloseLeadOutcome(CloseLeadDraft draft, string? name, string? leadId, CloseLeadStatus status, string? reason, Exception? error = null)
    {
        Draft = draft;
        Error = error;
        Result = new CloseLeadImportResult(draft.Row, name, leadId, status, reason);
    }

    /// <summary>What the cmdlet emits.</summary>
    public CloseLeadImportResult Result { get; }

    /// <summary>The row's draft.</summary>
    public CloseLeadDraft Draft { get; }

    /// <summary>
    /// Why a Failed or Unknown row ended so (a <c>ServiceException</c> for HTTP failures, a
    /// <see cref="CloseLeadOutcomeUnknownException"/> for an unknown outcome), or null when nothing of its own went wrong
    /// (a row that was not sent because the whole run stopped: the run's error says why).
    /// </summary>
    public Exception? Error { get; }
}
