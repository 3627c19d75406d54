namespace SupportTools.Storage;

/// <summary>
/// The one way a capability imports a file into the store (tickets and calls use it): the file is parsed in chunks on
/// a worker thread (<see cref="ParallelChunkParser{TChunk}"/>) while this thread writes each chunk inside the file's
/// transaction, checks for cancellation between chunks and reports progress in bytes, ending at the file's length.
/// The caller opens the file first (so an input that never delivers holds no write lock), then its batch (the
/// transaction), runs this, and commits; any exception leaves the batch to roll back on dispose.
/// </summary>
internal static class FileImportPipeline
{
    /// <summary>
    /// Parses <paramref name="file"/> with <paramref name="fill"/> into chunks made by <paramref name="newChunk"/>
    /// (reused after <paramref name="clear"/>) and hands each to <paramref name="write"/>, in file order; the parser
    /// works up to <paramref name="chunksInFlight"/> chunks ahead (a writer that gathers several chunks before it writes
    /// them needs more, or the parser waits while it writes).
    /// </summary>
    public static void Run<TChunk>(IImportFile file, Func<TChunk> newChunk, Func<TChunk, bool> fill, Action<TChunk> clear,
        Action<TChunk> write, IOperationReporter reporter, CancellationToken cancellationToken,
        int chunksInFlight = ParallelChunkParser<TChunk>.DefaultChunksInFlight) where TChunk : class
    {
        using (var parser = new ParallelChunkParser<TChunk>(newChunk, fill, clear, cancellationToken, chunksInFlight))
        {
            foreach (var chunk in parser.Chunks())
            {
                write(chunk);
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress(file.Path, file.BytesRead, file.Length);
            }
        }
        reporter.Progress(file.Path, file.Length, file.Length);
    }
}
