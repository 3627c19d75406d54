namespace SupportTools.Calls;

/// <summary>
/// Opens a file of call records so that no wait on it can hang an import: the open and, for an input that cannot seek
/// (a FIFO, a device), the whole read happen before the importer starts its transaction, each waited for with the
/// cancellation token. Opening a FIFO blocks until a writer comes and a FIFO's reads block until it writes; so the
/// pipe is copied to a temporary file first (deleted when closed), and Ctrl+C stops the wait at any time (the thread
/// blocked in the operating system is left to finish or to end with the process). A regular file opens at once and is
/// read in place.
/// </summary>
internal static class CallInputFile
{
    /// <summary>A seekable stream of <paramref name="path"/>'s bytes.</summary>
    public static Stream Open(string path, CancellationToken cancellationToken)
    {
        var opening = Task.Run(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            CancellationToken.None);
        var stream = Wait(opening, cancellationToken);
        if (stream.CanSeek) return stream;
        var copy = new FileStream(System.IO.Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        try
        {
            return Wait(Task.Run(() =>
            {
                using (stream) stream.CopyTo(copy);
                copy.Position = 0;
                return copy;
            }, CancellationToken.None), cancellationToken);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The task's result, or <see cref="OperationCanceledException"/> as soon as <paramref name="cancellationToken"/> is cancelled.</summary>
    private static T Wait<T>(Task<T> task, CancellationToken cancellationToken)
    {
        try
        {
            return task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The open or read may still complete: close what it opens then.
            _ = task.ContinueWith(t =>
            {
                if (t.Status == TaskStatus.RanToCompletion && t.Result is IDisposable disposable) disposable.Dispose();
            }, TaskScheduler.Default);
            throw;
        }
    }
}
