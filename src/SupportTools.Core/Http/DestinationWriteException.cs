namespace SupportTools.Http;

/// <summary>
/// Writing a download to its destination failed (a full disk): carried past the client's handling of broken
/// connections, which would retry it, and rethrown as the <see cref="IOException"/> it wraps.
/// </summary>
internal sealed class DestinationWriteException(IOException inner) : Exception(inner.Message, inner)
{
    /// <summary>The write's own failure.</summary>
    public IOException Failure => (IOException)InnerException!;
}
