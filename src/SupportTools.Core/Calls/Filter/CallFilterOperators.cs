namespace SupportTools.Calls;

/// <summary>The spellings of the flask-restless operators, and the SQL each comparison becomes.</summary>
internal static class CallFilterOperators
{
    private static readonly Dictionary<string, CallFilterOperator> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["=="] = CallFilterOperator.Equal, ["eq"] = CallFilterOperator.Equal, ["equals"] = CallFilterOperator.Equal,
        ["equal_to"] = CallFilterOperator.Equal,
        ["!="] = CallFilterOperator.NotEqual, ["ne"] = CallFilterOperator.NotEqual, ["neq"] = CallFilterOperator.NotEqual,
        ["does_not_equal"] = CallFilterOperator.NotEqual, ["not_equal_to"] = CallFilterOperator.NotEqual,
        [">"] = CallFilterOperator.Greater, ["gt"] = CallFilterOperator.Greater,
        ["<"] = CallFilterOperator.Less, ["lt"] = CallFilterOperator.Less,
        [">="] = CallFilterOperator.GreaterOrEqual, ["ge"] = CallFilterOperator.GreaterOrEqual,
        ["gte"] = CallFilterOperator.GreaterOrEqual, ["geq"] = CallFilterOperator.GreaterOrEqual,
        ["<="] = CallFilterOperator.LessOrEqual, ["le"] = CallFilterOperator.LessOrEqual,
        ["lte"] = CallFilterOperator.LessOrEqual, ["leq"] = CallFilterOperator.LessOrEqual,
        ["in"] = CallFilterOperator.In, ["not_in"] = CallFilterOperator.NotIn,
        ["is_null"] = CallFilterOperator.IsNull, ["is_not_null"] = CallFilterOperator.IsNotNull,
        ["like"] = CallFilterOperator.Like, ["ilike"] = CallFilterOperator.ILike,
    };

    /// <summary>Every spelling, for error messages.</summary>
    public static string Names => string.Join(", ", ByName.Keys);

    /// <summary>The operator spelled <paramref name="name"/> (any case), or null.</summary>
    public static CallFilterOperator? Find(string name) => ByName.TryGetValue(name, out var op) ? op : null;

    /// <summary>The SQL comparison of a two-sided operator (equality and ordering).</summary>
    public static string? Comparison(CallFilterOperator op) => op switch
    {
        CallFilterOperator.Equal => "=",
        CallFilterOperator.NotEqual => "!=",
        CallFilterOperator.Greater => ">",
        CallFilterOperator.Less => "<",
        CallFilterOperator.GreaterOrEqual => ">=",
        CallFilterOperator.LessOrEqual => "<=",
        _ => null,
    };
}
