using System.Diagnostics;

namespace SupportTools.TestServer;

/// <summary>
/// Counts requests in fixed windows measured from the server's start (as Close's "for this 15 second window" does).
/// Thread-safe.
/// </summary>
internal sealed class RateLimitWindow
{
    private readonly RateLimitPolicy _policy;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Lock _lock = new();
    private long _window = -1;
    private int _count;

    public RateLimitWindow(RateLimitPolicy policy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.Requests, 1, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.Window, TimeSpan.Zero, nameof(policy));
        _policy = policy;
    }

    public RateLimitHint Hint => _policy.Hint;

    /// <summary>Counts one request, if it is within the limit, and says where the limit stands.</summary>
    public RateLimitState Take()
    {
        lock (_lock)
        {
            // The clock is read inside the lock: a request that read it earlier must not reopen a window already left.
            var elapsed = Stopwatch.GetElapsedTime(_start);
            var window = elapsed.Ticks / _policy.Window.Ticks;
            var reset = TimeSpan.FromTicks((window + 1) * _policy.Window.Ticks) - elapsed;
            if (window != _window) (_window, _count) = (window, 0);
            var allowed = _count < _policy.Requests;
            if (allowed) _count++;
            return new RateLimitState(allowed, _policy.Requests, _policy.Requests - _count, reset, _policy.Window);
        }
    }
}
