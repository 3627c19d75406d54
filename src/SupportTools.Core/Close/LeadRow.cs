namespace SupportTools.Close;

/// <summary>
/// One input row before cleaning: its number (the file line for a CSV, the position in the pipeline otherwise) and its
/// cells by column name, case-insensitive, with <c>-Map</c> already applied (so <c>Organisation</c> arrives as
/// <c>Company</c>). Cells outside the standard columns are kept: they are custom fields.
/// </summary>
internal sealed class LeadRow
{
    private readonly Dictionary<string, string?> _cells;

    private LeadRow(long row, Dictionary<string, string?> cells, string? problem)
    {
        Row = row;
        _cells = cells;
        Problem = problem;
    }

    /// <summary>The row number: the file line where the row starts, or the 1-based position of a piped object.</summary>
    public long Row { get; }

    /// <summary>The cells, by canonical column name (the bookkeeping columns Row, IsValid, Problems and Reason not among them).</summary>
    public IReadOnlyDictionary<string, string?> Cells => _cells;

    /// <summary>What is wrong with the row as a whole (e.g. more cells than the header has columns), or null.</summary>
    internal string? Problem { get; }

    /// <summary>
    /// Why an earlier step refused the row: a draft exported with <c>IsValid</c> False (its <c>Problems</c>), or null.
    /// Such a row stays invalid, whatever its cells say now (the values that could not be cleaned are empty in it).
    /// </summary>
    internal string? Refused { get; private init; }

    /// <summary>The text of <paramref name="column"/>, or null when the row has no such column.</summary>
    public string? this[string column] => _cells.GetValueOrDefault(column);

    /// <summary>
    /// Builds a row from its cells. <paramref name="map"/> names the source column of a lead column
    /// (<c>Company → Organisation</c>, case-insensitive); a mapped source column is taken as that lead column only.
    /// Throws <see cref="InvalidRequestException"/> when two cells land on the same column.
    /// </summary>
    public static LeadRow Create(long row, IEnumerable<KeyValuePair<string, string?>> cells, IReadOnlyDictionary<string, string>? map = null)
        => Create(row, cells, map, null);

    /// <summary>
    /// As <see cref="Create(long, IEnumerable{KeyValuePair{string, string}}, IReadOnlyDictionary{string, string}?)"/>, with a
    /// problem of the row as a whole. Cells escaped against formula injection (<c>'=…</c>, see
    /// <see cref="CloseCsvCell"/>) are read back as written; a <c>Row</c> cell with a positive number gives the row its
    /// number; <c>IsValid</c> False refuses it; <c>Name</c> and <c>ContactName</c> stand for Company and Contact when
    /// those are absent.
    /// </summary>
    internal static LeadRow Create(long row, IEnumerable<KeyValuePair<string, string?>> cells, IReadOnlyDictionary<string, string>? map, string? problem)
    {
        var renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (target, source) in map ?? new Dictionary<string, string>())
            renamed[source] = CloseLeadColumns.Canonical(target);
        var list = cells.ToList();
        var columns = new HashSet<string>(list.Select(c => renamed.TryGetValue(c.Key, out var t) ? t : CloseLeadColumns.Canonical(c.Key.Trim())),
            StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var bookkeeping = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in list)
        {
            var value = CloseCsvCell.Unescape(raw);
            var column = renamed.TryGetValue(name, out var target) ? target : CloseLeadColumns.Canonical(name.Trim());
            if (map is not null && !renamed.ContainsKey(name) && map.ContainsKey(column) && !string.Equals(map[column], column, StringComparison.OrdinalIgnoreCase))
                continue; // -Map named another column for this one: the same-named column is not it
            if (CloseLeadColumns.IsBookkeeping(column))
            {
                bookkeeping[column] = value;
                continue;
            }
            if (CloseLeadColumns.Aliases.TryGetValue(column, out var standard) && !columns.Contains(standard) && !renamed.ContainsKey(name))
                column = standard;
            if (!result.TryAdd(column, value))
                throw new InvalidRequestException($"Two columns give '{column}' (check -Map and the column names, which are case-insensitive).");
        }
        var number = bookkeeping.GetValueOrDefault(CloseLeadColumns.Row) is { } rowText
            && long.TryParse(rowText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var carried) && carried > 0
            ? carried
            : row;
        return new LeadRow(number, result, problem) { Refused = RefusedBy(bookkeeping) };
    }

    private static string? RefusedBy(Dictionary<string, string?> bookkeeping)
    {
        if (bookkeeping.GetValueOrDefault(CloseLeadColumns.IsValid)?.Trim() is not { Length: > 0 } verdict) return null;
        if (bool.TryParse(verdict, out var valid))
        {
            if (valid) return null;
            var why = bookkeeping.GetValueOrDefault(CloseLeadColumns.Problems)?.Trim();
            return $"ConvertTo-CloseLead found the row invalid ({(string.IsNullOrEmpty(why) ? "no reason given" : why)})";
        }
        return $"IsValid '{verdict}' is neither True nor False";
    }
}
