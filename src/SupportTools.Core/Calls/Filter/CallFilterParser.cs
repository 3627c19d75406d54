using System.Text;
using NodaTime;

namespace SupportTools.Calls;

/// <summary>
/// Translates flask-restless filters (in the neutral form, see <see cref="FilterJson"/>) into an SQL condition on
/// <c>call_records</c>. Only parameterised SQL comes out: field names are replaced by whitelisted column names
/// (<see cref="CallFilterField"/>), operators by fixed SQL, and every value is bound as a parameter (<c>?1</c>, <c>?2</c>…).
/// Each problem is a <see cref="CallFilterException"/> naming the filter's path in the list.
/// </summary>
internal sealed class CallFilterParser(DateTimeZone zone)
{
    private static readonly string[] FilterKeys = ["name", "op", "val", "field"];
    private readonly List<object> _parameters = [];
    private int _conditions;

    /// <summary>The bound values, in parameter order.</summary>
    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>The earliest <c>call_time</c> (Unix seconds) the filter lets through, when its top-level conditions bound it.</summary>
    public long? Lower { get; private set; }

    /// <summary>The latest <c>call_time</c> (Unix seconds, inclusive) the filter lets through, when its top-level conditions bound it.</summary>
    public long? Upper { get; private set; }

    /// <summary>The condition for a list of filters, all of which must hold ("1" for none).</summary>
    public string Translate(IReadOnlyList<object?> filters) => Junction(filters, "", " AND ", bounding: true, nesting: 0);

    private string Junction(IReadOnlyList<object?> filters, string path, string joiner, bool bounding, int nesting)
    {
        if (filters.Count == 0) return joiner == " AND " ? "1" : "0";
        var parts = filters.Select((filter, i) => Filter(filter, $"{path}[{i}]", bounding, nesting)).ToList();
        return parts.Count == 1 ? parts[0] : "(" + string.Join(joiner, parts) + ")";
    }

    private string Filter(object? item, string path, bool bounding, int nesting)
    {
        if (item is not IReadOnlyDictionary<string, object?> given)
            throw new CallFilterException(path, $"expected a filter object such as {{\"name\":\"unanswered\",\"op\":\"eq\",\"val\":true}} or {{\"or\":[…]}}, but found {CallFilterValues.Describe(item)}.");
        var filter = IgnoringCase(given, path);
        foreach (var junction in new[] { "or", "and" })
        {
            if (!filter.TryGetValue(junction, out var list)) continue;
            if (filter.Count > 1)
                throw new CallFilterException(path, $"an '{junction}' object holds only the '{junction}' list, but it also has {string.Join(", ", filter.Keys.Where(k => !k.Equals(junction, StringComparison.OrdinalIgnoreCase)).Select(k => $"'{k}'"))}.");
            if (list is not IReadOnlyList<object?> items)
                throw new CallFilterException(path, $"'{junction}' takes a list of filters, but found {CallFilterValues.Describe(list)}.");
            if (nesting >= CallFilterLimits.MaxNesting)
                throw new CallFilterException(path, $"the or/and lists nest deeper than the limit of {CallFilterLimits.MaxNesting} levels.");
            return junction == "or"
                ? Junction(items, $"{path}.or", " OR ", bounding: false, nesting + 1)
                : Junction(items, $"{path}.and", " AND ", bounding, nesting + 1);
        }
        if (++_conditions > CallFilterLimits.MaxConditions)
            throw new CallFilterException(path, $"the filter has more than the limit of {CallFilterLimits.MaxConditions} conditions; to test one field against many values use \"op\":\"in\".");
        if (filter.Keys.FirstOrDefault(key => !FilterKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new CallFilterException(path, $"unknown key '{unknown}'; a filter has 'name', 'op' and 'val' (or 'field' to compare with another field), or is {{\"or\":[…]}} or {{\"and\":[…]}}.");
        var field = Field(filter, "name", path) ?? throw new CallFilterException(path, "has no 'name' (the field to test).");
        var op = Operator(filter, path);
        var hasValue = filter.TryGetValue("val", out var value);
        var other = Field(filter, "field", path);
        return op switch
        {
            CallFilterOperator.IsNull or CallFilterOperator.IsNotNull => Nullness(field, op, hasValue || other is not null, path),
            CallFilterOperator.In or CallFilterOperator.NotIn => List(field, op, value, hasValue, other, path),
            CallFilterOperator.Like or CallFilterOperator.ILike => Pattern(field, op, value, hasValue, other, path),
            _ => Compare(field, op, value, hasValue, other, path, bounding),
        };
    }

    /// <summary>The keys in any case (hashtables and JSON alike), a key given twice in different cases being an error.</summary>
    private static Dictionary<string, object?> IgnoringCase(IReadOnlyDictionary<string, object?> filter, string path)
    {
        var keys = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in filter)
            if (!keys.TryAdd(key, value)) throw new CallFilterException(path, $"the key '{key}' appears twice.");
        return keys;
    }

    private static CallFilterField? Field(IReadOnlyDictionary<string, object?> filter, string key, string path)
    {
        if (!filter.TryGetValue(key, out var name) || name is null) return null;
        if (name is not string text)
            throw new CallFilterException(path, $"'{key}' must be a field name, but is {CallFilterValues.Describe(name)}.");
        return CallFilterField.Find(text) ?? throw new CallFilterException(path, $"unknown field '{text}'; the fields are {CallFilterField.Names}.");
    }

    private static CallFilterOperator Operator(IReadOnlyDictionary<string, object?> filter, string path)
    {
        if (!filter.TryGetValue("op", out var op) || op is null) throw new CallFilterException(path, "has no 'op' (the operator).");
        if (op is not string text) throw new CallFilterException(path, $"'op' must be an operator name, but is {CallFilterValues.Describe(op)}.");
        return CallFilterOperators.Find(text) ?? throw new CallFilterException(path, $"unknown operator '{text}'; the operators are {CallFilterOperators.Names}.");
    }

    private static string Nullness(CallFilterField field, CallFilterOperator op, bool hasArgument, string path)
    {
        var name = op == CallFilterOperator.IsNull ? "is_null" : "is_not_null";
        if (hasArgument) throw new CallFilterException(path, $"{name} takes no 'val' or 'field'.");
        return $"{field.Column} {(op == CallFilterOperator.IsNull ? "IS NULL" : "IS NOT NULL")}";
    }

    private string List(CallFilterField field, CallFilterOperator op, object? value, bool hasValue, CallFilterField? other, string path)
    {
        var name = op == CallFilterOperator.In ? "in" : "not_in";
        if (other is not null) throw new CallFilterException(path, $"{name} tests against a list of values, not another field.");
        // One value alone is a list of one: PowerShell unrolls a one-item array into its item.
        IReadOnlyList<object?>? values = value switch
        {
            IReadOnlyList<object?> list => list,
            null or IReadOnlyDictionary<string, object?> => null,
            _ => [value],
        };
        if (!hasValue || values is null)
            throw new CallFilterException(path, $"{name} needs a list in 'val' (e.g. \"val\":[\"inbound\",\"outbound\"]), but {(hasValue ? $"'val' is {CallFilterValues.Describe(value)}" : "there is no 'val'")}.");
        if (values.Count == 0)
            return op == CallFilterOperator.In ? "0" : "1";
        if (_parameters.Count + values.Count > CallFilterLimits.MaxValues)
            throw new CallFilterException(path, $"{name} has {Count(values.Count)} values; a filter may bind at most {Count(CallFilterLimits.MaxValues)} values in all (store the values and join, or split the query).");
        var placeholders = values.Select((item, i) =>
            Add(CallFilterValues.Bind(field, NotNull(item, path, $"val[{i}]"), zone, path, $"val[{i}]", roundUp: false), path));
        return $"{field.Column} {(op == CallFilterOperator.In ? "IN" : "NOT IN")} ({string.Join(", ", placeholders)})";
    }

    private string Pattern(CallFilterField field, CallFilterOperator op, object? value, bool hasValue, CallFilterField? other, string path)
    {
        var name = op == CallFilterOperator.Like ? "like" : "ilike";
        if (field.Kind != CallFilterFieldKind.Text) throw new CallFilterException(path, $"{name} works on text fields only, and {field.Name} is not one.");
        if (other is not null) throw new CallFilterException(path, $"{name} takes a pattern in 'val', not another field.");
        if (!hasValue || value is not string pattern)
            throw new CallFilterException(path, $"{name} needs a pattern string in 'val' (% for any run of characters, _ for one), but {(hasValue ? $"'val' is {CallFilterValues.Describe(value)}" : "there is no 'val'")}.");
        if (pattern.Length > CallFilterLimits.MaxPatternLength)
            throw new CallFilterException(path, $"the {name} pattern is {Count(pattern.Length)} characters long; the limit is {Count(CallFilterLimits.MaxPatternLength)}.");
        // SQLite's LIKE ignores ASCII case, which is ilike; like (case-sensitive, as in PostgreSQL) becomes the same
        // pattern in GLOB syntax.
        return op == CallFilterOperator.ILike ? $"{field.Column} LIKE {Add(pattern, path)}" : $"{field.Column} GLOB {Add(LikeToGlob(pattern), path)}";
    }

    private string Compare(CallFilterField field, CallFilterOperator op, object? value, bool hasValue, CallFilterField? other, string path, bool bounding)
    {
        var sql = CallFilterOperators.Comparison(op)!;
        if (other is not null)
        {
            if (hasValue) throw new CallFilterException(path, "has both 'val' and 'field'; give one.");
            if (!Comparable(field.Kind, other.Kind))
                throw new CallFilterException(path, $"cannot compare {field.Name} ({Kind(field.Kind)}) with {other.Name} ({Kind(other.Kind)}).");
            return $"{field.Column} {sql} {other.Column}";
        }
        if (!hasValue) throw new CallFilterException(path, "needs a 'val' (or a 'field' to compare with).");
        if (value is IReadOnlyList<object?>)
            throw new CallFilterException(path, $"'val' is a list; to test against several values use \"op\":\"in\".");
        var bound = CallFilterValues.Bind(field, NotNull(value, path, "val"), zone, path, "val",
            roundUp: op is CallFilterOperator.GreaterOrEqual or CallFilterOperator.Less);
        if (bounding && field.Kind == CallFilterFieldKind.Time) Narrow(op, (long)bound);
        return $"{field.Column} {sql} {Add(bound, path)}";
    }

    private static object NotNull(object? value, string path, string what) =>
        value ?? throw new CallFilterException(path, $"{what} is null; comparisons never match a missing value, so test for one with \"op\":\"is_null\".");

    /// <summary>Keeps the call_time range the top-level conditions allow (for empty periods at the ends).</summary>
    private void Narrow(CallFilterOperator op, long seconds)
    {
        if (op is CallFilterOperator.GreaterOrEqual or CallFilterOperator.Greater or CallFilterOperator.Equal)
            Lower = Math.Max(Lower ?? long.MinValue, op == CallFilterOperator.Greater ? seconds + 1 : seconds);
        if (op is CallFilterOperator.LessOrEqual or CallFilterOperator.Less or CallFilterOperator.Equal)
            Upper = Math.Min(Upper ?? long.MaxValue, op == CallFilterOperator.Less ? seconds - 1 : seconds);
    }

    private string Add(object value, string path)
    {
        if (_parameters.Count >= CallFilterLimits.MaxValues)
            throw new CallFilterException(path, $"the filter binds more than the limit of {Count(CallFilterLimits.MaxValues)} values.");
        _parameters.Add(value);
        return "?" + _parameters.Count;
    }

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Comparable(CallFilterFieldKind a, CallFilterFieldKind b) =>
        a == b || a is CallFilterFieldKind.Integer or CallFilterFieldKind.Boolean && b is CallFilterFieldKind.Integer or CallFilterFieldKind.Boolean;

    private static string Kind(CallFilterFieldKind kind) => kind switch
    {
        CallFilterFieldKind.Text => "text",
        CallFilterFieldKind.Time => "a time",
        CallFilterFieldKind.Boolean => "true/false",
        _ => "a number",
    };

    /// <summary>A LIKE pattern (<c>%</c>, <c>_</c>, no escape character) as the GLOB pattern that matches the same strings.</summary>
    internal static string LikeToGlob(string like)
    {
        var glob = new StringBuilder(like.Length + 8);
        foreach (var c in like)
        {
            glob.Append(c switch
            {
                '%' => "*",
                '_' => "?",
                '*' => "[*]",
                '?' => "[?]",
                '[' => "[[]",
                _ => c.ToString(),
            });
        }
        return glob.ToString();
    }
}
