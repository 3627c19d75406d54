namespace SupportTools.Http;

/// <summary>
/// The one "not before" time every request of a client waits for: set when the server says the window is used up (a
/// 429 with a reset hint, or a success with nothing remaining), so concurrent requests pause together and resume at
/// the reset instead of each collecting its own 429. That is what lets an import run as fast as the server allows
/// and no faster, with no fixed sleeps.
/// </summary>
internal sealed class RateGate(TimeProvider time)
{
    private long _notBeforeTicks;

    /// <summary>The time requests must wait for, or <see cref="DateTimeOffset.MinValue"/> when none.</summary>
    public DateTimeOffset NotBefore => new(Interlocked.Read(ref _notBeforeTicks), TimeSpan.Zero);

    /// <summary>Holds every request until <paramref name="until"/> (a later hold wins; an earlier one changes nothing).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _notBeforeTicks);
            if (current >= ticks)
                return;
        }
        while (Interlocked.CompareExchange(ref _notBeforeTicks, ticks, current) != current);
    }

    /// <summary>Waits until the hold (if any) has passed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = NotBefore - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
                return;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
