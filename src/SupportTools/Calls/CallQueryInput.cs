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

    /// <summary>Writes to -Verbose whether calls or legs are counted (-Leg).</summary>
    public static void Counting(Cmdlet cmdlet, bool legs) =>
        cmdlet.WriteVerbose(legs ? "Counting call legs, one per CDR (-Leg)." : "Counting calls: the legs of one interaction count once (-Leg counts the legs).");

    /// <summary>The filter from -Filter (none when not given); writes its SQL condition (never its values) to -Verbose.</summary>
    public static CallFilter Filter(Cmdlet cmdlet, object[]? filter, CallTimeZone zone)
    {
        var parsed = CallFilter.From((filter ?? []).Select(Neutral), zone);
        cmdlet.WriteVerbose(parsed.Where == "1" ? "Filter: none (every call)." : $"Filter: WHERE {parsed.Where}");
        return parsed;
    }

    /// <summary>A PowerShell value in Core's neutral form.</summary>
    internal static object? Neutral(object? value)
    {
        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject)
            {
                var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in wrapped.Properties) properties[property.Name] = Neutral(property.Value);
                return properties;
            }
            value = wrapped.BaseObject;
        }
        switch (value)
        {
            case null or string:
                return value;
            case IDictionary dictionary:
                var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry entry in dictionary) result[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Neutral(entry.Value);
                return result;
            case IEnumerable items:
                return items.Cast<object?>().Select(Neutral).ToList();
            default:
                return value;
        }
    }
}
