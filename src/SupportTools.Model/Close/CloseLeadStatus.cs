namespace SupportTools.Close;

/// <summary>What <c>Import-CloseLead</c> did with a row.</summary>
public enum CloseLeadStatus
{
    /// <summary>The row is part of a lead that was created now (once, also when a request had to be repeated).</summary>
    Created,
    /// <summary>A lead with exactly this name exists in Close (looked up before creating, unless <c>-AllowDuplicate</c>): nothing was sent.</summary>
    Skipped,
    /// <summary>The row could not be cleaned (see the reason): it was not sent.</summary>
    Invalid,
    /// <summary>Creating the row's lead failed (see the reason): the lead was not created.</summary>
    Failed,
    /// <summary>
    /// The create reached Close but its answer was lost, and the look-up by name failed too: the lead may or may not
    /// exist. Running the import again settles it (the lead is looked up by name first and created only if missing).
    /// </summary>
    Unknown,
    /// <summary>The user answered No to <c>-Confirm</c> for the row's lead: it was not sent.</summary>
    Declined,
}
