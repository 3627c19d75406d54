namespace SupportTools.Close;

/// <summary>
/// One cleaned input row (what <c>ConvertTo-CloseLead</c> emits and <c>Import-CloseLead</c> sends): the company as
/// <see cref="Name"/>, one contact, one address and the custom-field values, each normalised, with
/// <see cref="IsValid"/> and the <see cref="Problems"/> that make it invalid. A value that could not be cleaned is
/// null here and named in <see cref="Problems"/>: nothing is dropped silently.
/// </summary>
public sealed class CloseLeadDraft
{
    internal CloseLeadDraft() { }

    /// <summary>The row number: the file line where the row starts, or the position of a piped object (1-based).</summary>
    public long Row { get; internal init; }
    /// <summary>The company (the lead's name): upper case, trimmed, inner whitespace collapsed.</summary>
    public string? Name { get; internal init; }
    /// <summary>The contact's name, cleaned as <see cref="Name"/>.</summary>
    public string? ContactName { get; internal init; }
    /// <summary>The contact's job title (trimmed, whitespace collapsed).</summary>
    public string? Title { get; internal init; }
    /// <summary>The contact's e-mail address, domain lower-cased.</summary>
    public string? Email { get; internal init; }
    /// <summary>The contact's phone number in E.164 (<c>+14155550123</c>).</summary>
    public string? Phone { get; internal init; }
    /// <summary>The street address.</summary>
    public string? Address { get; internal init; }
    /// <summary>The city.</summary>
    public string? City { get; internal init; }
    /// <summary>The USPS code of the US state or territory (<c>CA</c>, <c>DC</c>, <c>PR</c>); as given for other countries.</summary>
    public string? State { get; internal init; }
    /// <summary>The postal code (US: <c>94103</c> or <c>94103-1234</c>).</summary>
    public string? Zip { get; internal init; }
    /// <summary>The country (<c>US</c> for the usual spellings of the United States; others as given).</summary>
    public string? Country { get; internal init; }
    /// <summary>The yearly revenue.</summary>
    public decimal? Revenue { get; internal init; }
    /// <summary>The founding date, <c>yyyy-MM-dd</c>.</summary>
    public string? Founded { get; internal init; }
    /// <summary>Whether the row can become (part of) a lead: no problems.</summary>
    public bool IsValid => Problems.Length == 0;
    /// <summary>Why the row is invalid, <c>; </c>-separated; empty when valid.</summary>
    public string Problems { get; internal init; } = "";

    /// <summary>Values of the columns outside the standard set, by column name: custom fields of the same name.</summary>
    internal IReadOnlyDictionary<string, string> CustomValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The row's cells as they were read (for the failed-rows file), or null for drafts made elsewhere.</summary>
    internal IReadOnlyDictionary<string, string?>? SourceCells { get; init; }
}
