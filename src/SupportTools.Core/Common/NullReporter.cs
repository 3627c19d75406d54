namespace SupportTools;

/// <summary>Discards every report: for callers (tests, the bench) that do not watch the work.</summary>
public sealed class NullReporter : IOperationReporter
{
    /// <summary>The one instance.</summary>
    public static NullReporter Instance { get; } = new();

    private NullReporter() { }

    /// <inheritdoc />
    public void Progress(string status, long completed, long? total) { }

    /// <inheritdoc />
    public void Verbose(string message) { }

    /// <inheritdoc />
    public void Warning(string message) { }
}
