namespace SupportTools;

/// <summary>
/// The caller asked for something that cannot be done as asked: a value out of range, parameters that contradict each
/// other, a name that means nothing. The user's mistake, reported as <see cref="ErrorIds.InvalidArgument"/>; a guard
/// against a programming error throws <see cref="ArgumentException"/> instead, which the module reports as a bug.
/// </summary>
public sealed class InvalidRequestException : SupportToolsException
{
    private readonly object? _target;

    /// <summary>Creates the exception; <paramref name="message"/> names the parameter or value and says why.</summary>
    public InvalidRequestException(string message, object? target = null, Exception? inner = null)
        : base(message, inner)
    {
        _target = target;
    }

    /// <inheritdoc />
    public override string ErrorId => ErrorIds.InvalidArgument;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidArgument;

    /// <inheritdoc />
    public override object? Target => _target;
}
