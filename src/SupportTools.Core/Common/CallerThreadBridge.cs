using System.Collections.Concurrent;

namespace SupportTools;

/// <summary>
/// Runs async Core work (HTTP pulls, uploads) on the thread pool while the calling thread — a cmdlet's pipeline
/// thread, the only one allowed to write to PowerShell's streams — performs everything the work reports or emits.
/// The work gets an <see cref="IOperationReporter"/> that may be called from any thread: each call is queued and
/// replayed on the caller's thread (or run at once when made there). Emitted items travel through a bounded queue, so a
/// slow pipeline holds the producer back and memory stays flat however much is pulled. When the caller's sink throws
/// (a downstream <c>Select-Object -First</c>, Ctrl+C), the work is cancelled and awaited before the exception goes on.
/// </summary>
internal sealed class CallerThreadBridge
{
    private const int QueueCapacity = 256;
    private readonly IOperationReporter _reporter;

    /// <summary>Creates a bridge whose reports end in <paramref name="reporter"/>, on the thread that calls <c>Run</c>.</summary>
    public CallerThreadBridge(IOperationReporter reporter) => _reporter = reporter;

    /// <summary>Runs <paramref name="work"/> and returns its result, replaying its reports on this thread meanwhile.</summary>
    public T Run<T>(Func<IOperationReporter, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        T result = default!;
        Run<T>(async (reporter, _, token) => result = await work(reporter, token).ConfigureAwait(false), static _ => { }, cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which passes items to its emit callback; <paramref name="sink"/> receives each item
    /// on this thread, in order, interleaved with the reports made before it.
    /// </summary>
    public void Run<T>(Func<IOperationReporter, Action<T>, CancellationToken, Task> work, Action<T> sink, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<Action>(QueueCapacity);
        var callerThread = Environment.CurrentManagedThreadId;
        var reporter = new QueuedReporter(_reporter, queue, callerThread, stop.Token);
        void Emit(T item) => reporter.Post(() => sink(item));

        var task = Task.Run(async () =>
        {
            try
            {
                await work(reporter, Emit, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None);

        try
        {
            foreach (var action in queue.GetConsumingEnumerable(CancellationToken.None))
                action();
        }
        catch
        {
            // The sink gave up: stop the producer (it may be blocked on a full queue) and let it finish first.
            stop.Cancel();
            try { task.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        task.GetAwaiter().GetResult(); // the work's own exception, unwrapped
    }

    /// <summary>Queues reports made off the caller's thread; runs those made on it directly.</summary>
    private sealed class QueuedReporter(IOperationReporter target, BlockingCollection<Action> queue, int callerThread, CancellationToken stopping)
        : IOperationReporter
    {
        public void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == callerThread) action();
            else queue.Add(action, stopping);
        }

        public void Progress(string status, long completed, long? total) => Post(() => target.Progress(status, completed, total));

        public void Verbose(string message) => Post(() => target.Verbose(message));

        public void Warning(string message) => Post(() => target.Warning(message));
    }
}
