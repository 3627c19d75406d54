namespace SupportTools.Calls;

/// <summary>
/// A flask-restless filter list on call records, checked and translated to parameterised SQL. Build it from JSON
/// (<see cref="Parse"/>) or from filter objects in a neutral form (<see cref="From"/>: dictionaries with string keys
/// for objects, lists for arrays, and plain values) so that PowerShell hashtables and JSON text are checked by the same
/// code. Values of <c>call_time</c> without an offset are read in <see cref="Zone"/>.
/// </summary>
public sealed class CallFilter
{
    private CallFilter(CallTimeZone zone, string where, IReadOnlyList<object> parameters, long? lower, long? upper)
    {
        Zone = zone;
        Where = where;
        Parameters = parameters;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>No condition: every record.</summary>
    public static CallFilter None { get; } = new(CallTimeZone.Utc, "1", [], null, null);

    /// <summary>The zone the filter's local times were read in.</summary>
    public CallTimeZone Zone { get; }

    /// <summary>The SQL condition on <c>call_records</c>, with <c>?N</c> placeholders (for -Verbose: values are not in it).</summary>
    public string Where { get; }

    /// <summary>The values bound to the placeholders, in order (longs and strings).</summary>
    internal IReadOnlyList<object> Parameters { get; }

    /// <summary>The earliest call_time (Unix seconds) the top-level conditions allow; null when unbounded.</summary>
    internal long? Lower { get; }

    /// <summary>The latest call_time (Unix seconds, inclusive) the top-level conditions allow; null when unbounded.</summary>
    internal long? Upper { get; }

    /// <summary>A filter from JSON: a list of filter objects (or one filter object). Throws <see cref="CallFilterException"/>.</summary>
    public static CallFilter Parse(string json, CallTimeZone zone) => From([json], zone);

    /// <summary>
    /// A filter from <paramref name="items"/>, all of which must hold: each is a JSON string (a list of filters or one
    /// filter) or a filter object (<see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value, lists as
    /// <see cref="IReadOnlyList{T}"/>). Throws <see cref="CallFilterException"/> naming the offending filter.
    /// </summary>
    public static CallFilter From(IEnumerable<object?> items, CallTimeZone zone)
    {
        var filters = new List<object?>();
        foreach (var item in items)
        {
            if (item is string json) filters.AddRange(FilterJson.Read(json));
            else filters.Add(item);
        }
        if (filters.Count == 0) return zone == CallTimeZone.Utc ? None : new(zone, "1", [], null, null);
        var parser = new CallFilterParser(zone.Zone);
        var where = parser.Translate(filters);
        return new(zone, where, parser.Parameters, parser.Lower, parser.Upper);
    }

    /// <inheritdoc />
    public override string ToString() => Where;
}
