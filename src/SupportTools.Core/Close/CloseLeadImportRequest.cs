namespace SupportTools.Close;

/// <summary>What <c>Import-CloseLead</c> is asked to do: the cleaned rows and how to treat them.</summary>
public sealed class CloseLeadImportRequest
{
    /// <summary>The cleaned rows (valid and invalid), in input order.</summary>
    public required IReadOnlyList<CloseLeadDraft> Drafts { get; init; }

    /// <summary>Column → Close custom field name where they differ (<c>-CustomFieldMap</c>), case-insensitive.</summary>
    public IReadOnlyDictionary<string, string>? CustomFieldMap { get; init; }

    /// <summary>
    /// Create leads without looking up first whether Close has one of the same name (<c>-AllowDuplicate</c>). By default
    /// each company is looked up (in batches: one search per <see cref="CloseLeadService.LookupBatch"/> names) and an
    /// existing lead leaves it alone, so running the same file twice creates nothing the second time.
    /// </summary>
    public bool AllowDuplicate { get; init; }

    /// <summary>The CSV to write every row that was not imported to (<c>-FailedPath</c>), or null.</summary>
    public string? FailedPath { get; init; }
}
