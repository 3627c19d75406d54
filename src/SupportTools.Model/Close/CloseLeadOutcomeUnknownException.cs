namespace SupportTools.Close;

/// <summary>
/// A lead's creation may or may not have taken effect: the request reached Close, then the answer was lost (a
/// connection reset, a timeout, a 502) and the look-up by name that would have told failed too. The row is reported
/// as <see cref="CloseLeadStatus.Unknown"/>; a rerun looks the lead up by name before creating it, so it is not
/// created twice.
/// </summary>
public sealed class CloseLeadOutcomeUnknownException : SupportToolsException
{
    internal CloseLeadOutcomeUnknownException(string leadName, Exception? createFailure, Exception lookupFailure)
        : base($"Close may or may not have created the lead '{leadName}': " +
               (createFailure is null ? "an attempt to create it was cut off" : $"creating it failed after the request was sent ({createFailure.Message})") +
               $", and looking it up by name failed too ({lookupFailure.Message}).", lookupFailure)
    {
        LeadName = leadName;
        CreateFailure = createFailure;
    }

    /// <summary>The lead's name.</summary>
    public string LeadName { get; }

    /// <summary>Why the creation's answer was lost, when the create failed for good (else the look-up failed between attempts).</summary>
    public Exception? CreateFailure { get; }

    /// <inheritdoc />
    public override string ErrorId => ErrorIds.CloseLeadOutcomeUnknown;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.OperationTimeout;

    /// <inheritdoc />
    public override object? Target => LeadName;

    /// <inheritdoc />
    public override string RecommendedAction =>
        "Run the import again for these rows (-FailedPath collects them): the lead is looked up by name first and created only if Close has none.";
}
