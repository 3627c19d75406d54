namespace SupportTools;

/// <summary>
/// Reports progress synchronously on the caller's thread (so a cmdlet can call <c>WriteProgress</c> from it).
/// <paramref name="total"/> is null when unknown. Callers throttle; implementations may be called often.
/// </summary>
public delegate void ProgressCallback(long completed, long? total);
