namespace SupportTools.Calls;

/// <summary>
/// A call filter that cannot be used: malformed JSON, an unknown field or operator, a value of the wrong type. The
/// message starts with where (the filter's path in the list, e.g. <c>filter [1].or[0]</c>) and says why.
/// </summary>
public sealed class CallFilterException : SupportToolsException
{
    /// <summary>Creates the exception for the filter at <paramref name="path"/> (null: the filter as a whole).</summary>
    public CallFilterException(string? path, string reason, Exception? inner = null)
        : base(path is null ? $"filter: {reason}" : $"filter {path}: {reason}", inner)
    {
        FilterPath = path;
        Reason = reason;
    }

    /// <summary>Where in the filter list, e.g. <c>[1].or[0]</c>; null for the list as a whole (e.g. malformed JSON).</summary>
    public string? FilterPath { get; }

    /// <summary>Why, without the location.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ErrorId => ErrorIds.InvalidCallFilter;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidArgument;

    /// <inheritdoc />
    public override object? Target => FilterPath;
}
