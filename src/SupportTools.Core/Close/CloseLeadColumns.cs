namespace SupportTools.Close;

/// <summary>
/// The lead columns a file or piped object may carry (case-insensitive). Any other column is a custom field of the
/// same name. One list, so adding a column touches this file and the cleaner only.
/// </summary>
public static class CloseLeadColumns
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

    /// <summary>Every standard column, in file order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Company, Contact, Title, Email, Phone, Address, City, State, Zip, Country, Revenue, Founded];

    /// <summary>The standard columns that Close stores in custom fields (the rest are lead, contact or address fields).</summary>
    public static IReadOnlyList<string> CustomFields { get; } = [Revenue, Founded];

    /// <summary>Whether <paramref name="column"/> is a standard column (case-insensitive).</summary>
    public static bool IsStandard(string column) => All.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The standard spelling of <paramref name="column"/>, or the name itself when it is not standard.</summary>
    public static string Canonical(string column) =>
        All.FirstOrDefault(name => string.Equals(name, column, StringComparison.OrdinalIgnoreCase)) ?? column;
}
