using System.Diagnostics;
using SupportTools.Calls;
using SupportTools.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>An input that never delivers (a FIFO nobody writes) neither hangs an import nor holds the store's write lock.</summary>
public sealed class CallInputFileTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Fifo()
    {
        var path = _files.PathOf("calls.fifo");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public async Task A_fifo_nobody_writes_holds_no_write_lock_and_cancelling_ends_the_wait()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs in the file system there
        var db = _files.PathOf("calls.db");
        var fifo = Fifo();
        using var cancel = new CancellationTokenSource();
        using var waiting = CallStore.Open(db);
        var import = Task.Run(() => waiting.ImportFile(fifo, cancellationToken: cancel.Token));
        await Task.Delay(300); // the import is waiting for a writer on the FIFO
        Assert.False(import.IsCompleted);
        using (var other = CallStore.Open(db, reporter: null))
        using (var batch = other.BeginImport("other")) // the write lock is free: another import takes it and commits
        {
            batch.Add(new CallRecord("x", DateTimeOffset.FromUnixTimeSeconds(KazooShapes.StartUnix), "inbound", 5, 5, 0, null, null, null, null, false, null, null));
            Assert.Equal(1L, batch.Commit().Inserted);
        }
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);
        using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write)) { } // lets the abandoned open finish
    }

    [Fact]
    public async Task A_fifo_that_delivers_is_imported_like_a_file()
    {
        if (OperatingSystem.IsWindows()) return;
        var db = _files.PathOf("calls.db");
        var fifo = Fifo();
        var writer = Task.Run(() => File.WriteAllText(fifo, "call_id,call_time,call_direction\nf1,2016-03-04T08:00:00Z,inbound\n"));
        using var store = CallStore.Open(db);
        var summary = store.ImportFile(fifo);
        await writer;
        Assert.Equal((1L, 1L, fifo), (summary.Records, summary.Inserted, summary.Path));
    }
}
