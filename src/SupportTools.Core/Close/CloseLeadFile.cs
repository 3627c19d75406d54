using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SupportTools.Close;

/// <summary>
/// Reads a lead CSV with CsvHelper: the encoding detected (<see cref="LeadFileEncoding"/>: a BOM, valid UTF-8, else the
/// system's ANSI code page such as Windows-1252, as Excel writes), the delimiter
/// detected (comma, semicolon, tab, pipe: spreadsheets in some locales write semicolons), quoted cells with commas,
/// quotes and line breaks. Each row's number is the file line it starts on, so errors point at the line a user
/// opens. Blank lines are skipped. A row with more cells than the header, or with broken quoting, is kept with that
/// problem (and becomes invalid) rather than dropped.
/// </summary>
internal static class CloseLeadFile
{
    /// <summary>
    /// The rows of <paramref name="path"/>, with <paramref name="map"/> applied; <see cref="InputFormatException"/>
    /// when the file has no header, duplicate columns, or no Company column.
    /// </summary>
    public static IEnumerable<LeadRow> Read(string path, IReadOnlyDictionary<string, string>? map = null) => Read(path, map, null, null);

    /// <summary>
    /// As <see cref="Read(string, IReadOnlyDictionary{string, string}?)"/>, in <paramref name="encoding"/> (null: detected,
    /// see <see cref="LeadFileEncoding"/>); <paramref name="verbose"/> hears which encoding was used and why.
    /// </summary>
    public static IEnumerable<LeadRow> Read(string path, IReadOnlyDictionary<string, string>? map, Encoding? encoding, Action<string>? verbose)
    {
        var (chosen, how) = LeadFileEncoding.Detect(path, encoding);
        verbose?.Invoke($"Reading '{path}' as {how}.");
        return Rows(path, map, chosen, detectBom: encoding is null);
    }

    /// <summary>
    /// The encoding <paramref name="name"/> stands for (<c>utf-8</c>, <c>windows-1252</c>, <c>latin1</c>, a code page
    /// number such as <c>1252</c>); <see cref="InvalidRequestException"/> naming it when .NET knows none.
    /// </summary>
    public static Encoding EncodingNamed(string name) => LeadFileEncoding.Named(name);

    private static IEnumerable<LeadRow> Rows(string path, IReadOnlyDictionary<string, string>? map, Encoding encoding, bool detectBom)
    {
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            IgnoreBlankLines = false,
            BadDataFound = args => badData ??= args.Field,
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(path, encoding, detectBom);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read()) throw new InputFormatException("the file is empty: expected a header line with the lead columns (Company, Contact, Email, ...).", path, line: 1);
        var header = csv.Parser.Record ?? [];
        var duplicate = header.GroupBy(h => h.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InputFormatException($"the header names the column '{duplicate.Key}' twice (names are case-insensitive).", path, line: 1);
        var mapped = LeadRow.Create(0, header.Select(h => new KeyValuePair<string, string?>(h, null)), map);
        if (!mapped.Cells.ContainsKey(CloseLeadColumns.Company))
            throw new InputFormatException(
                $"the file has no Company column (its columns: {string.Join(", ", header.Select(h => $"'{h}'"))}). Name the company column with -Map @{{Company='<column>'}}.",
                path, line: 1, field: CloseLeadColumns.Company);

        long lastLine = csv.Parser.RawRow;
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            var line = lastLine + 1;
            lastLine = csv.Parser.RawRow;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                badData = null;
                continue;
            }
            var problem = record.Length > header.Length && record.Skip(header.Length).Any(c => !string.IsNullOrWhiteSpace(c))
                ? $"the row has {record.Length} cells but the header {header.Length} columns"
                : badData is not null ? "the row's quoting is broken (a quote inside an unquoted cell)" : null;
            badData = null;
            var cells = header.Select((name, i) => new KeyValuePair<string, string?>(name, i < record.Length ? record[i] : null));
            yield return LeadRow.Create(line, cells, map, problem);
        }
    }
}
