namespace SupportTools.Calls.Kazoo;

/// <summary>Crossbar refused a window as too long and said its limit: the pager splits finer and goes on.</summary>
internal sealed class KazooRangeRefused(long maxRangeSeconds, string? said) : Exception(said)
{
    /// <summary>The longest range (seconds) crossbar said it allows.</summary>
    public long MaxRangeSeconds { get; } = maxRangeSeconds;
}
