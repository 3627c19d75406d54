namespace SupportTools.Close;

/// <summary>One input row's outcome in <c>Import-CloseLead</c>: which lead it went to and what happened.</summary>
public sealed class CloseLeadImportResult
{
    internal CloseLeadImportResult(long row, string? name, string? leadId, CloseLeadStatus status, string? reason)
    {
        Row = row;
        Name = name;
        LeadId = leadId;
        Status = status;
        Reason = reason;
    }

    /// <summary>The row number (the file line where the row starts, or the position of a piped object).</summary>
    public long Row { get; }
    /// <summary>The lead's name (the cleaned company).</summary>
    public string? Name { get; }
    /// <summary>The Close lead id (<c>lead_…</c>) of a created or existing lead.</summary>
    public string? LeadId { get; }
    /// <summary>What happened.</summary>
    public CloseLeadStatus Status { get; }
    /// <summary>Why a row was skipped, invalid, failed, unknown or declined; null for created rows.</summary>
    public string? Reason { get; }
}
