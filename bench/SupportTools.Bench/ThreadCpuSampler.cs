using System.Diagnostics;

namespace SupportTools.Bench;

/// <summary>
/// Samples this process's threads' CPU time while a step runs, so the bench can say how the work split between
/// threads (the import's writer and its background parser): on a busy shared machine wall time mostly measures the
/// neighbours, while the busiest thread's CPU time bounds what the step takes on two idle cores.
/// </summary>
internal sealed class ThreadCpuSampler : IDisposable
{
    private readonly Dictionary<int, TimeSpan> _start = [], _last = [];
    private readonly Timer _timer;

    public ThreadCpuSampler()
    {
        Sample(_start);
        _timer = new Timer(_ => { lock (_last) Sample(_last); }, null, 0, 100);
    }

    /// <summary>The CPU time each thread used since the sampler started, busiest first.</summary>
    public IReadOnlyList<TimeSpan> Busiest()
    {
        _timer.Dispose();
        lock (_last)
        {
            Sample(_last);
            return [.. _last.Select(t => t.Value - _start.GetValueOrDefault(t.Key)).OrderDescending()];
        }
    }

    public void Dispose() => _timer.Dispose();

    private static void Sample(Dictionary<int, TimeSpan> into)
    {
        using var process = Process.GetCurrentProcess();
        foreach (ProcessThread thread in process.Threads)
        {
            try
            {
                var cpu = thread.TotalProcessorTime;
                if (!into.TryGetValue(thread.Id, out var known) || cpu > known) into[thread.Id] = cpu;
            }
            catch (InvalidOperationException)
            {
                // the thread ended between listing and reading
            }
        }
    }
}
