namespace SupportTools;

/// <summary>
/// A failure the module reports to its users: each derived exception decides its own stable error id (scripts and
/// tests match on it through <c>FullyQualifiedErrorId</c>), its kind, what it is about (a file, a URL, an item) and,
/// where one helps, what to do about it. The cmdlet layer turns any of them into an error record without knowing the
/// capability it comes from; an exception that is not one of these (an <see cref="ArgumentException"/> from a guard)
/// is a bug and is reported as such.
/// </summary>
public abstract class SupportToolsException : Exception
{
    /// <summary>Creates the exception with its message and cause.</summary>
    protected SupportToolsException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The stable error id (see <see cref="ErrorIds"/>).</summary>
    public abstract string ErrorId { get; }

    /// <summary>What kind of failure it is.</summary>
    public abstract ErrorKind Kind { get; }

    /// <summary>What the error is about (a file, a URL, an item), when the exception knows.</summary>
    public virtual object? Target => null;

    /// <summary>What the user can do about it; null when the message says all.</summary>
    public virtual string? RecommendedAction => null;

    /// <summary>
    /// The target to report, given the caller's (the item or file it was working on, or null): the caller's by
    /// default, since it knows what the user handed in; else <see cref="Target"/>. Exceptions whose own target is
    /// always the better one (the database file, a page's URL) override this.
    /// </summary>
    public virtual object? TargetFor(object? callerTarget) => callerTarget ?? Target;
}
