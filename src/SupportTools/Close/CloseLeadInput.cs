using System.Collections;
using System.Management.Automation;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// Turns what users pipe into lead rows: objects with lead columns (<c>Import-Csv</c> rows, <c>Select-Object</c>
/// output, hashtables) by property name, case-insensitive, with <c>-Map</c> applied. Values are taken as
/// culture-invariant text (dates as ISO), so a <c>[datetime]</c> Founded or a numeric Revenue works too.
/// </summary>
internal static class CloseLeadInput
{
    /// <summary>The row <paramref name="input"/> stands for, numbered <paramref name="row"/>.</summary>
    public static LeadRow From(PSObject input, long row, IReadOnlyDictionary<string, string>? map)
    {
        IEnumerable<KeyValuePair<string, string?>> cells = input.BaseObject is IDictionary dictionary
            ? dictionary.Keys.Cast<object>().Select(key => new KeyValuePair<string, string?>(key.ToString() ?? "", Text(dictionary[key])))
            : input.Properties.Where(p => p.IsGettable).Select(p => new KeyValuePair<string, string?>(p.Name, Text(SafeValue(p))));
        return LeadRow.Create(row, cells, map);
    }

    /// <summary><c>-Map</c>: lead column → source column, both as text; <see cref="InvalidRequestException"/> for a bad entry.</summary>
    public static Dictionary<string, string>? Map(Hashtable? map)
    {
        if (map is null) return null;
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in map)
        {
            var column = entry.Key?.ToString();
            var source = entry.Value?.ToString();
            if (string.IsNullOrWhiteSpace(column) || string.IsNullOrWhiteSpace(source))
                throw new InvalidRequestException($"-Map entries are @{{LeadColumn='SourceColumn'}}; '{entry.Key}' = '{entry.Value}' is not.");
            if (!CloseLeadColumns.IsStandard(column))
                throw new InvalidRequestException($"-Map: '{column}' is not a lead column ({string.Join(", ", CloseLeadColumns.All)}); other columns are custom fields, named with -CustomFieldMap.");
            result[column] = source;
        }
        return result;
    }

    /// <summary>
    /// The cleaner and map for the cleaning parameters (<c>-Map</c>, <c>-DateFormat</c>, <c>-DefaultRegion</c>) that
    /// ConvertTo-CloseLead and Import-CloseLead share; <see cref="InvalidRequestException"/> for a bad one.
    /// </summary>
    public static (CloseLeadCleaner Cleaner, Dictionary<string, string>? Map) Cleaning(Hashtable? map, string[]? dateFormats, string defaultRegion) =>
        (new CloseLeadCleaner(dateFormats, defaultRegion), Map(map));

    /// <summary>A hashtable of names (e.g. <c>-CustomFieldMap</c>) as a case-insensitive dictionary.</summary>
    public static Dictionary<string, string> Names(Hashtable? table)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in table ?? [])
            result[entry.Key?.ToString() ?? ""] = entry.Value?.ToString() ?? "";
        return result;
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null; // a property whose getter throws (some .NET objects) is no lead column
        }
    }

    private static string? Text(object? value) => CloseLeadCleaner.CellText(value is PSObject wrapped ? wrapped.BaseObject : value);
}
