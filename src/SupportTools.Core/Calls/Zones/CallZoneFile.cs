using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SupportTools.Calls;

/// <summary>
/// A zone table: CSV with the header <c>zone_id,country,region,prefix</c> (any order and case; other columns ignored),
/// one prefix per row, so a zone with several prefixes has several rows (a prefix cell may also list several,
/// separated by <c>;</c>). Prefixes are normalised as numbers are (<see cref="CallNumber"/>: <c>+64 3</c>,
/// <c>00643</c> and <c>643</c> are one prefix). Every row of a zone must name the same country and region, and a
/// prefix may belong to one zone only; each problem is an <see cref="InputFormatException"/> with the line.
/// </summary>
internal sealed class CallZoneFile
{
    private static readonly string[] Columns = ["zone_id", "country", "region", "prefix"];

    private CallZoneFile(IReadOnlyList<CallZone> zones, IReadOnlyList<(string Prefix, long ZoneId)> prefixes)
    {
        Zones = zones;
        Prefixes = prefixes;
    }

    /// <summary>The zones, in file order.</summary>
    public IReadOnlyList<CallZone> Zones { get; }

    /// <summary>The prefixes (international digits) and their zones.</summary>
    public IReadOnlyList<(string Prefix, long ZoneId)> Prefixes { get; }

    /// <summary>Reads and checks the whole table (zone tables are small).</summary>
    public static CallZoneFile Read(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (text.Peek() is ' ' or '\t' or '\r' or '\n') text.Read();
        if (text.Peek() is '[' or '{')
            throw new InputFormatException("the file is JSON (call records?), not a zone table (CSV with zone_id,country,region,prefix); import CDRs with Import-CallRecord", path, 1);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Mode = CsvMode.RFC4180 });
        if (!Read(parser, path)) throw new InputFormatException("the file is empty; expected a zone table (CSV with zone_id,country,region,prefix)", path, 1);
        var headers = Enumerable.Range(0, parser.Count).Select(i => Value(parser, i, path)).ToArray();
        var index = Columns.Select(c => Array.FindIndex(headers, h => CallFields.HeaderIs(h, c))).ToArray();
        if (index.Any(i => i < 0))
            throw new InputFormatException(
                $"the header must name {string.Join(", ", Columns)}; it lacks {string.Join(", ", Columns.Where((_, i) => index[i] < 0))}" +
                (headers.Any(h => CallFields.HeaderIs(h, "call_id")) ? " (this looks like call records: import them with Import-CallRecord)" : ""), path, 1);
        var zones = new Dictionary<long, (CallZone Zone, long Line)>();
        var order = new List<CallZone>();
        var prefixes = new Dictionary<string, (long ZoneId, long Line)>(StringComparer.Ordinal);
        var prefixList = new List<(string, long)>();
        long row = 0;
        while (Read(parser, path))
        {
            row++;
            var line = parser.RawRow;
            if (parser.Count != headers.Length)
                throw new InputFormatException($"the row has {parser.Count} values, the header names {headers.Length} columns", path, line, record: row);
            string Cell(int column) => Value(parser, index[column], path).Trim();
            if (!long.TryParse(Cell(0), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
                throw new InputFormatException($"expected a whole number, found '{Cell(0)}'", path, line, field: "zone_id", record: row);
            var country = Cell(1);
            var region = Cell(2);
            if (country.Length == 0) throw new InputFormatException("the country is empty", path, line, field: "country", record: row);
            if (region.Length == 0) throw new InputFormatException("the region is empty", path, line, field: "region", record: row);
            if (zones.TryGetValue(id, out var known))
            {
                if (known.Zone.Country != country || known.Zone.Region != region)
                    throw new InputFormatException($"zone {id} is '{known.Zone.Country}' / '{known.Zone.Region}' on line {known.Line}, here '{country}' / '{region}'",
                        path, line, field: "zone_id", record: row);
            }
            else
            {
                var zone = new CallZone(id, country, region);
                zones[id] = (zone, line);
                order.Add(zone);
            }
            foreach (var written in Cell(3).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var prefix = CallNumber.Normalize(written);
                if (prefix is null || prefix.Length > 17)
                    throw new InputFormatException($"expected a number prefix (digits, optionally with + or 00), found '{written}'", path, line, field: "prefix", record: row);
                if (prefixes.TryGetValue(prefix, out var owner))
                {
                    if (owner.ZoneId != id)
                        throw new InputFormatException($"prefix {prefix} is zone {owner.ZoneId}'s on line {owner.Line}, here zone {id}'s", path, line, field: "prefix", record: row);
                    continue;
                }
                prefixes[prefix] = (id, line);
                prefixList.Add((prefix, id));
            }
        }
        if (order.Count == 0) throw new InputFormatException("the zone table has a header but no zones", path, 2);
        if (prefixList.Count == 0) throw new InputFormatException("the zone table has no prefixes: no number could be given a zone", path, 2, field: "prefix");
        return new CallZoneFile(order, prefixList);
    }

    /// <summary>The table as a resolver's longest-prefix lookup.</summary>
    public CallZoneTable ToTable()
    {
        var table = new CallZoneTable();
        foreach (var (prefix, zoneId) in Prefixes) table.Add(Encoding.ASCII.GetBytes(prefix), zoneId);
        return table;
    }

    private static bool Read(CsvParser parser, string path)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException exception)
        {
            throw Malformed(parser, path, exception);
        }
    }

    /// <summary>A value of the current row (CsvHelper checks it when asked for it).</summary>
    private static string Value(CsvParser parser, int column, string path)
    {
        try
        {
            return parser[column];
        }
        catch (CsvHelperException exception)
        {
            throw Malformed(parser, path, exception);
        }
    }

    private static InputFormatException Malformed(CsvParser parser, string path, CsvHelperException exception) =>
        new("the CSV is malformed (a quote inside an unquoted value, or a quoted value that never ends)", path, parser.Row, inner: exception);
}
