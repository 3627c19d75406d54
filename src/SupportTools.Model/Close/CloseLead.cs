namespace SupportTools.Close;

/// <summary>A lead as <c>Get-CloseLead</c> reads it from Close: the fields the segmentation and a report need.</summary>
public sealed class CloseLead
{
    internal CloseLead() { }

    /// <summary>The Close lead id (<c>lead_…</c>).</summary>
    public string LeadId { get; internal init; } = "";
    /// <summary>The lead's name.</summary>
    public string? Name { get; internal init; }
    /// <summary>The state (USPS code) of the lead's first address.</summary>
    public string? State { get; internal init; }
    /// <summary>The city of the lead's first address.</summary>
    public string? City { get; internal init; }
    /// <summary>The revenue custom field.</summary>
    public decimal? Revenue { get; internal init; }
    /// <summary>The founding-date custom field, <c>yyyy-MM-dd</c>.</summary>
    public string? Founded { get; internal init; }
}
