using System.Globalization;
using System.Text;

namespace SupportTools.Close;

/// <summary>
/// Cleans lead rows into <see cref="CloseLeadDraft"/>s (one implementation for <c>ConvertTo-CloseLead</c> and
/// <c>Import-CloseLead</c>): names upper-cased with whitespace collapsed, dates to ISO, states to USPS codes, phones
/// to E.164, e-mails validated, revenue to a number. Every value that cannot be cleaned becomes a problem of its row.
/// </summary>
internal sealed class CloseLeadCleaner
{
    private static readonly string[] UnitedStates =
        ["US", "USA", "U S", "U S A", "UNITED STATES", "UNITED STATES OF AMERICA", "AMERICA"];

    private readonly IReadOnlyList<string>? _dateFormats;
    private readonly string _region;

    /// <summary>
    /// Creates a cleaner. <paramref name="dateFormats"/> (.NET custom formats such as <c>d/M/yyyy</c>) replace the
    /// numeric guesses for founding dates; <paramref name="defaultRegion"/> (ISO 3166 two-letter code) reads phone
    /// numbers that have no country code. Throws <see cref="InvalidRequestException"/> for an unknown region.
    /// </summary>
    public CloseLeadCleaner(IReadOnlyList<string>? dateFormats = null, string defaultRegion = "US")
    {
        if (!LeadPhone.IsKnownRegion(defaultRegion))
            throw new InvalidRequestException($"'{defaultRegion}' is not a region libphonenumber knows: give a two-letter ISO 3166 code such as US, GB or DE.", defaultRegion);
        if (dateFormats?.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
            throw new InvalidRequestException("A -DateFormat is empty.");
        _dateFormats = dateFormats;
        _region = defaultRegion.ToUpperInvariant();
    }

    /// <summary>The cleaned row.</summary>
    public CloseLeadDraft Clean(LeadRow row)
    {
        var problems = new List<string>();
        if (row.Problem is not null) problems.Add(row.Problem);
        if (row.Refused is not null) problems.Add(row.Refused);
        // U+FFFD is what a decoder leaves for bytes it could not read: the value is not what the file meant.
        foreach (var (column, value) in row.Cells)
            if (value?.Contains('\uFFFD', StringComparison.Ordinal) == true)
                problems.Add($"{column} '{Text(value)}' has an unreadable character (U+FFFD): the file's encoding is not what it was read as; give -Encoding");
        string? Checked<T>(T? value, string? problem)
        {
            if (problem is not null) problems.Add(problem);
            return value?.ToString();
        }

        var name = Upper(row[CloseLeadColumns.Company]);
        if (name is null) problems.Add("Company is missing");
        var country = Country(row[CloseLeadColumns.Country]);
        var isUs = country is null or "US";

        string? state = Text(row[CloseLeadColumns.State]);
        if (state is not null && isUs)
        {
            var code = UsStates.Code(state);
            if (code is null) problems.Add($"State '{state}' is not a US state or territory");
            state = code;
        }

        string? zip = Text(row[CloseLeadColumns.Zip]);
        if (zip is not null && isUs)
        {
            var code = UsZip(zip);
            if (code is null) problems.Add($"Zip '{zip}' is not a US ZIP code");
            zip = code;
        }

        string? email = null, phone = null, founded = null;
        decimal? revenue = null;
        string? problem;
        if (Text(row[CloseLeadColumns.Email]) is { } emailText) email = Checked(LeadEmail.Parse(emailText, out problem), problem);
        if (Text(row[CloseLeadColumns.Phone]) is { } phoneText) phone = Checked(LeadPhone.Parse(phoneText, _region, out problem), problem);
        if (Text(row[CloseLeadColumns.Founded]) is { } date) founded = Checked(LeadDate.Parse(date, _dateFormats, out problem), problem is null ? null : $"Founded {problem}");
        if (Text(row[CloseLeadColumns.Revenue]) is { } amount)
        {
            revenue = LeadRevenue.Parse(amount, out problem);
            if (problem is not null) problems.Add(problem);
        }

        var custom = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, value) in row.Cells)
            if (!CloseLeadColumns.IsStandard(column) && Text(value) is { } text)
                custom[column] = text;

        return new CloseLeadDraft
        {
            Row = row.Row,
            Name = name,
            ContactName = Upper(row[CloseLeadColumns.Contact]),
            Title = Text(row[CloseLeadColumns.Title]),
            Email = email,
            Phone = phone,
            Address = Text(row[CloseLeadColumns.Address]),
            City = Text(row[CloseLeadColumns.City]),
            State = state,
            Zip = zip,
            Country = country,
            Revenue = revenue,
            Founded = founded,
            Problems = string.Join("; ", problems),
            CustomValues = custom,
            SourceCells = row.Cells,
        };
    }

    /// <summary>Trimmed, runs of whitespace (also non-breaking spaces, tabs, line breaks) as one space; null when empty.</summary>
    internal static string? Text(string? value)
    {
        if (value is null) return null;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u00a0')
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        var text = builder.ToString().TrimEnd();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A lead or contact name: <see cref="Text"/>, upper-cased (culture-invariant).</summary>
    internal static string? Upper(string? value) => Text(value)?.ToUpperInvariant();

    private static string? Country(string? value)
    {
        var text = Text(value);
        if (text is null) return null;
        var key = Text(text.Replace('.', ' '))!.ToUpperInvariant();
        return UnitedStates.Contains(key, StringComparer.Ordinal) ? "US" : text;
    }

    /// <summary>
    /// A US ZIP (<c>12345</c>, <c>12345-6789</c>, nine digits); three or four digits are taken as a ZIP whose leading
    /// zeros a spreadsheet removed (<c>2139</c> → <c>02139</c>).
    /// </summary>
    private static string? UsZip(string value)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal);
        if (digits.All(char.IsAsciiDigit))
            return digits.Length switch
            {
                3 or 4 or 5 => digits.PadLeft(5, '0'),
                9 => $"{digits[..5]}-{digits[5..]}",
                _ => null,
            };
        return digits.Length == 10 && digits[5] == '-' && digits.Remove(5, 1).All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Culture-invariant text of a value for a cell (numbers with a dot, dates as ISO).</summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
