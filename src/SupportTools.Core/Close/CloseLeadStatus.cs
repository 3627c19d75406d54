namespace SupportTools.Close;

/// <summary>What <c>Import-CloseLead</c> did with a row.</summary>
public enum CloseLeadStatus
{
    /// <summary>The row is part of a lead that was created now (once, also when a request had to be repeated).</summary>
    Created,
    /// <summary>A lead with exactly this name existed and <c>-SkipExisting</c> was given: nothing was sent.</summary>
    Skipped,
    /// <summary>The row could not be cleaned (see the reason): it was not sent.</summary>
    Invalid,
    /// <summary>Creating the row's lead failed (see the reason): the lead was not created.</summary>
    Failed,
}
