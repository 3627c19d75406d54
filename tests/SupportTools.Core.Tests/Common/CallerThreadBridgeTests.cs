namespace SupportTools.Core.Tests.Common;

public sealed class CallerThreadBridgeTests
{
    /// <summary>Records each report with the thread it arrived on.</summary>
    private sealed class ThreadRecorder : IOperationReporter
    {
        public List<(string What, int Thread)> Calls { get; } = [];
        public void Progress(string status, long completed, long? total) => Calls.Add(($"progress {completed}/{total}", Environment.CurrentManagedThreadId));
        public void Verbose(string message) => Calls.Add(($"verbose {message}", Environment.CurrentManagedThreadId));
        public void Warning(string message) => Calls.Add(($"warning {message}", Environment.CurrentManagedThreadId));
    }

    [Fact]
    public void Reports_and_items_from_async_work_arrive_on_the_calling_thread_in_order()
    {
        var recorder = new ThreadRecorder();
        var received = new List<(int Item, int Thread)>();
        var caller = Environment.CurrentManagedThreadId;

        new CallerThreadBridge(recorder).Run<int>(async (reporter, emit, token) =>
        {
            for (var i = 1; i <= 3; i++)
            {
                await Task.Yield();
                reporter.Verbose($"page {i}");
                emit(i);
                reporter.Progress("pulling", i, 3);
            }
            reporter.Warning("done");
        }, item => received.Add((item, Environment.CurrentManagedThreadId)), CancellationToken.None);

        Assert.Equal([1, 2, 3], received.Select(r => r.Item));
        Assert.All(received, r => Assert.Equal(caller, r.Thread));
        Assert.All(recorder.Calls, c => Assert.Equal(caller, c.Thread));
        Assert.Equal(["verbose page 1", "progress 1/3", "verbose page 2", "progress 2/3", "verbose page 3", "progress 3/3", "warning done"],
            recorder.Calls.Select(c => c.What));
    }

    [Fact]
    public void The_works_exception_reaches_the_caller_unwrapped_after_what_it_reported()
    {
        var recorder = new ThreadRecorder();
        var error = Assert.Throws<InvalidDataException>(() => new CallerThreadBridge(recorder).Run<int>(async (reporter, token) =>
        {
            await Task.Delay(1, token);
            reporter.Verbose("before");
            throw new InvalidDataException("bad page");
        }, CancellationToken.None));
        Assert.Equal("bad page", error.Message);
        Assert.Equal(["verbose before"], recorder.Calls.Select(c => c.What));
    }

    [Fact]
    public void A_sink_that_stops_cancels_a_producer_blocked_on_a_full_queue()
    {
        var produced = 0;
        var cancelled = false;
        var stop = Assert.Throws<OperationCanceledException>(() => new CallerThreadBridge(new ThreadRecorder()).Run<int>(async (reporter, emit, token) =>
        {
            try
            {
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    emit(++produced); // blocks once the bounded queue is full
                    await Task.Yield();
                }
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }, item => { if (item == 5) throw new OperationCanceledException("downstream stopped"); }, CancellationToken.None));
        Assert.Equal("downstream stopped", stop.Message);
        Assert.True(cancelled, "the producer was not cancelled");
        Assert.True(produced < 10_000, $"the producer ran on ({produced} items): the queue is not bounded");
    }

    [Fact]
    public void Cancellation_from_the_caller_reaches_the_work()
    {
        using var cts = new CancellationTokenSource();
        var bridge = new CallerThreadBridge(new ThreadRecorder());
        Assert.ThrowsAny<OperationCanceledException>(() => bridge.Run<int>(async (reporter, token) =>
        {
            reporter.Verbose("started");
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return 1;
        }, cts.Token));
    }

    [Fact]
    public void A_result_is_returned()
    {
        var value = new CallerThreadBridge(NullReporter.Instance).Run(async (reporter, token) =>
        {
            await Task.Yield();
            return 42;
        }, CancellationToken.None);
        Assert.Equal(42, value);
    }
}
