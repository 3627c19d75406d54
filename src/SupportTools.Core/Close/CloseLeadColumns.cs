namespace SupportTools.Close;

/// <summary>
/// The lead columns a file or piped object may carry (case-insensitive). Any other column is a custom field of the
/// same name. One list, so adding a column touches this file and the cleaner only.
/// </summary>
internal static class CloseLeadColumns
{
    /// <summary>The company: the lead's name.</summary>
    public const string Company = nameof(Company);
    /// <summary>The contact's full name.</summary>
    public const string Contact = nameof(Contact);
    /// <summary>The contact's job title.</summary>
    public const string Title = nameof(Title);
    /// <summary>The contact's e-mail address.</summary>
    public const string Email = nameof(Email);
    /// <summary>The contact's phone number.</summary>
    public const string Phone = nameof(Phone);
    /// <summary>The street address.</summary>
    public const string Address = nameof(Address);
    /// <summary>The city.</summary>
    public const string City = nameof(City);
    /// <summary>The US state (name or abbreviation).</summary>
    public const string State = nameof(State);
    /// <summary>The postal code.</summary>
    public const string Zip = nameof(Zip);
    /// <summary>The country.</summary>
    public const string Country = nameof(Country);
    /// <summary>The yearly revenue (a custom field in Close).</summary>
    public const string Revenue = nameof(Revenue);
    /// <summary>The founding date (a custom field in Close).</summary>
    public const string Founded = nameof(Founded);

    /// <summary>
    /// The row number a row carries from an earlier step (ConvertTo-CloseLead's drafts, the -FailedPath file): kept as
    /// the row's number, so results name the same rows as the step before. Never a custom field.
    /// </summary>
    public const string Row = nameof(Row);
    /// <summary>ConvertTo-CloseLead's verdict on a row (a draft exported to CSV): False refuses the row. Never a custom field.</summary>
    public const string IsValid = nameof(IsValid);
    /// <summary>ConvertTo-CloseLead's reasons for an invalid row. Never a custom field.</summary>
    public const string Problems = nameof(Problems);
    /// <summary>The -FailedPath file's reason for a row. Never a custom field.</summary>
    public const string Reason = nameof(Reason);

    /// <summary>The columns the module itself writes beside the lead columns (drafts, the failed-rows file): read, never sent.</summary>
    public static IReadOnlyList<string> Bookkeeping { get; } = [Row, IsValid, Problems, Reason];

    /// <summary>
    /// Other names of lead columns: the properties of <c>CloseLeadDraft</c> (<c>Name</c>, <c>ContactName</c>), so
    /// <c>ConvertTo-CloseLead | Export-Csv</c> then <c>Import-Csv | Import-CloseLead</c> works. An alias counts only when
    /// the row has no column of the standard name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = Company,
        ["ContactName"] = Contact,
    };

    /// <summary>Every standard column, in file order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Company, Contact, Title, Email, Phone, Address, City, State, Zip, Country, Revenue, Founded];

    /// <summary>The standard columns that Close stores in custom fields (the rest are lead, contact or address fields).</summary>
    public static IReadOnlyList<string> CustomFields { get; } = [Revenue, Founded];

    /// <summary>Whether <paramref name="column"/> is one of the module's own bookkeeping columns (case-insensitive).</summary>
    public static bool IsBookkeeping(string column) => Bookkeeping.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="column"/> is a standard column (case-insensitive).</summary>
    public static bool IsStandard(string column) => All.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The standard spelling of <paramref name="column"/>, or the name itself when it is not standard.</summary>
    public static string Canonical(string column) =>
        All.FirstOrDefault(name => string.Equals(name, column, StringComparison.OrdinalIgnoreCase)) ?? column;
}
