using Microsoft.AspNetCore.Http;

namespace SupportTools.TestServer;

/// <summary>
/// Decides which fault, if any, each request meets: the first queued fault whose condition matches (in the order
/// enqueued, each used once), else a random one when <see cref="Random"/> is set. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<(Fault Fault, Func<HttpRequest, bool>? When)> _queue = [];
    private (double Rate, Random Random, Fault[] Kinds)? _random;

    /// <summary>Queues <paramref name="fault"/> for the next request that matches <paramref name="when"/> (any request when null).</summary>
    public void Enqueue(Fault fault, Func<HttpRequest, bool>? when = null) => Enqueue(fault, 1, when);

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> matching requests (a 429 burst).</summary>
    public void Enqueue(Fault fault, int count, Func<HttpRequest, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
            for (var i = 0; i < count; i++) _queue.Add((fault, when));
    }

    /// <summary>
    /// Gives each request that no queued fault matched, with probability <paramref name="rate"/>, one of
    /// <paramref name="kinds"/> (picked uniformly). The same seed and the same request order give the same faults.
    /// </summary>
    public void Random(double rate, int seed, params Fault[] kinds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        if (kinds.Length == 0) throw new ArgumentException("Give at least one kind of fault.", nameof(kinds));
        lock (_lock) _random = (rate, new Random(seed), kinds.ToArray());
    }

    /// <summary>Drops the queued faults and the random ones.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _random = null;
        }
    }

    /// <summary>Queued faults not yet met by a request.</summary>
    public int Pending
    {
        get { lock (_lock) return _queue.Count; }
    }

    /// <summary>The fault for this request, or null for none.</summary>
    internal Fault? Next(HttpRequest request)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(entry => entry.When is null || entry.When(request));
            if (index >= 0)
            {
                var fault = _queue[index].Fault;
                _queue.RemoveAt(index);
                return fault;
            }
            if (_random is not var (rate, random, kinds)) return null;
            // Two draws per request whatever the outcome, so one request's result never shifts the next one's.
            var hit = random.NextDouble() < rate;
            var kind = kinds[random.Next(kinds.Length)];
            return hit ? kind : null;
        }
    }
}
