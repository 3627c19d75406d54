namespace SupportTools.Calls;

/// <summary>The flask-restless operators a call filter understands (each has several spellings, see <see cref="CallFilterOperators"/>).</summary>
internal enum CallFilterOperator
{
    /// <summary><c>==, eq, equals, equal_to</c></summary>
    Equal,
    /// <summary><c>!=, ne, neq, does_not_equal, not_equal_to</c></summary>
    NotEqual,
    /// <summary><c>&gt;, gt</c></summary>
    Greater,
    /// <summary><c>&lt;, lt</c></summary>
    Less,
    /// <summary><c>&gt;=, ge, gte, geq</c></summary>
    GreaterOrEqual,
    /// <summary><c>&lt;=, le, lte, leq</c></summary>
    LessOrEqual,
    /// <summary><c>in</c> (a list of values)</summary>
    In,
    /// <summary><c>not_in</c> (a list of values)</summary>
    NotIn,
    /// <summary><c>is_null</c> (no value)</summary>
    IsNull,
    /// <summary><c>is_not_null</c> (no value)</summary>
    IsNotNull,
    /// <summary><c>like</c>: SQL pattern (<c>%</c> any run, <c>_</c> one character), case-sensitive</summary>
    Like,
    /// <summary><c>ilike</c>: as <c>like</c>, ignoring the case of ASCII letters</summary>
    ILike,
}
