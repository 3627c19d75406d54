namespace SupportTools.Calls;

/// <summary>A field value that cannot be read; the file reader turns it into an <see cref="InputFormatException"/> saying where.</summary>
internal sealed class CallFieldException(string reason, CallField field = CallField.None) : Exception(reason)
{
    /// <summary>The field at fault, when the builder knows it better than the reader (a missing field).</summary>
    public CallField Field { get; } = field;
}
