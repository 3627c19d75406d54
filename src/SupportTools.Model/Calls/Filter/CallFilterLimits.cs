namespace SupportTools.Calls;

/// <summary>
/// How big a call filter may be. The caps keep every filter a clear <see cref="CallFilterException"/> that names the
/// limit instead of a stack overflow (a cyclic or 10,000-deep hashtable) or an error from SQLite's own limits (32,766
/// bound values, a 50,000-byte LIKE/GLOB pattern, an expression tree 1,000 deep), and are far above what a real
/// filter needs.
/// </summary>
public static class CallFilterLimits
{
    /// <summary>The deepest nesting of <c>or</c>/<c>and</c> lists inside one another.</summary>
    public const int MaxNesting = 32;

    /// <summary>
    /// The deepest nesting of objects and lists in a filter as given (JSON or hashtables): each <c>or</c>/<c>and</c>
    /// level is an object and a list, plus the outer list and a value list.
    /// </summary>
    public const int MaxDepth = 2 * MaxNesting + 4;

    /// <summary>The most conditions (filters with a <c>name</c>) in one filter list, all levels together.</summary>
    public const int MaxConditions = 500;

    /// <summary>The most values bound in one filter, all <c>in</c>/<c>not_in</c> lists together.</summary>
    public const int MaxValues = 10_000;

    /// <summary>The longest <c>like</c>/<c>ilike</c> pattern, in characters.</summary>
    public const int MaxPatternLength = 10_000;

    /// <summary>The earliest time a <c>call_time</c> filter takes (room for a period and any offset before the calendar's start).</summary>
    public static DateTimeOffset EarliestTime { get; } = new(2, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest time a <c>call_time</c> filter takes (room for a period and any offset before the calendar's end).</summary>
    public static DateTimeOffset LatestTime { get; } = new(9998, 12, 31, 23, 59, 59, TimeSpan.Zero);
}
