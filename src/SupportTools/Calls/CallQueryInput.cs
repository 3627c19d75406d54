using System.Collections;
using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// What the reading call cmdlets share: -TimeZone resolved, and -Filter (JSON strings, hashtables, PSCustomObjects,
/// arrays of them) turned into the neutral form Core checks (dictionaries, lists, plain values), so Core never sees a
/// PowerShell type.
/// </summary>
internal static class CallQueryInput
{
    /// <summary>The zone; writes which one (and the tz database version) to -Verbose.</summary>
    public static CallTimeZone Zone(Cmdlet cmdlet, string? timeZone)
    {
        var zone = CallTimeZone.Resolve(timeZone);
        cmdlet.WriteVerbose($"Time zone: {zone.Id} (tz database {CallTimeZone.DatabaseVersion}).");
        return zone;
    }

    /// <summary>The filter from -Filter (none when not given); writes its SQL condition (never its values) to -Verbose.</summary>
    public static CallFilter Filter(Cmdlet cmdlet, object[]? filter, CallTimeZone zone)
    {
        var parsed = CallFilter.From((filter ?? []).Select((item, i) => Neutral(item, $"[{i}]")), zone);
        cmdlet.WriteVerbose(parsed.Where == "1" ? "Filter: none (every call)." : $"Filter: WHERE {parsed.Where}");
        return parsed;
    }

    /// <summary>
    /// A PowerShell value in Core's neutral form. Hashtables and lists may refer to themselves (<c>$h.or = @($h)</c>) or
    /// nest without end: a container met again on its own path, or nesting deeper than
    /// <see cref="CallFilterLimits.MaxDepth"/>, is a <see cref="CallFilterException"/> instead of a stack overflow.
    /// </summary>
    internal static object? Neutral(object? value, string path = "") => Neutral(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static object? Neutral(object? value, string path, HashSet<object> open)
    {
        if (value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject) value = wrapped.BaseObject;
        if (value is null or string || (value is not PSObject && value is not IEnumerable)) return value;
        if (open.Count >= CallFilterLimits.MaxDepth)
            throw new CallFilterException(path.Length == 0 ? null : path,
                $"the hashtables and lists nest deeper than the limit of {CallFilterLimits.MaxDepth} ({CallFilterLimits.MaxNesting} or/and levels).");
        if (!open.Add(value))
            throw new CallFilterException(path.Length == 0 ? null : path, "a hashtable or list contains itself (directly or further down), so the filter has no end.");
        try
        {
            switch (value)
            {
                case PSObject custom:
                    var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in custom.Properties) properties[property.Name] = Neutral(property.Value, $"{path}.{property.Name}", open);
                    return properties;
                case IDictionary dictionary:
                    var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                        result[key] = Neutral(entry.Value, $"{path}.{key}", open);
                    }
                    return result;
                default:
                    var items = new List<object?>();
                    foreach (var item in (IEnumerable)value) items.Add(Neutral(item, $"{path}[{items.Count}]", open));
                    return items;
            }
        }
        finally
        {
            open.Remove(value);
        }
    }
}
