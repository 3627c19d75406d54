namespace SupportTools.Storage;

/// <summary>How long to wait for another process's lock on the database, and when to warn that we are waiting.</summary>
/// <param name="Timeout">After this, the operation fails with <see cref="StoreFailure.Busy"/>.</param>
/// <param name="WarnAfter">After this, a warning says we are still waiting (a verbose line says so at once).</param>
internal sealed record BusyPolicy(TimeSpan Timeout, TimeSpan WarnAfter)
{
    /// <summary>30 s, warning after 5 s: long enough to outlast another import's commit, short enough not to look hung.</summary>
    public static BusyPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
}
