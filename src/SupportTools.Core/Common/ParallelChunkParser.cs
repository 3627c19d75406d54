using System.Collections.Concurrent;

namespace SupportTools;

/// <summary>
/// Parses an input file on a background thread while the caller writes to SQLite: the two halves of an import take
/// about the same time, and the machine has two cores. Chunks cycle between a free pool and a bounded queue, so memory
/// stays constant. Parse errors surface on the caller's thread, in order, after the chunks before them. Only the caller
/// touches SQLite and progress callbacks. Used by every file import (ticket activity, call records).
/// </summary>
/// <typeparam name="TChunk">A reusable batch of parsed rows.</typeparam>
internal sealed class ParallelChunkParser<TChunk> : IDisposable where TChunk : class
{
    /// <summary>Chunks parsed ahead of the writer (and being written) by default.</summary>
    public const int DefaultChunksInFlight = 4;
    private readonly Func<TChunk, bool> _fill;
    private readonly Action<TChunk> _clear;
    private readonly BlockingCollection<TChunk> _filled;
    private readonly BlockingCollection<TChunk> _free;
    private readonly CancellationTokenSource _stop;
    private readonly Task _parsing;
    private Exception? _failure;

    /// <summary>
    /// Starts parsing. <paramref name="fill"/> (run on the background thread) adds the next rows to an empty chunk
    /// until it is full or the input ends, and returns false when it added none (the input is done);
    /// <paramref name="clear"/> empties a chunk the caller is done with.
    /// </summary>
    public ParallelChunkParser(Func<TChunk> newChunk, Func<TChunk, bool> fill, Action<TChunk> clear, CancellationToken cancellationToken,
        int chunksInFlight = DefaultChunksInFlight)
    {
        _fill = fill;
        _clear = clear;
        _filled = new(chunksInFlight);
        _free = new(chunksInFlight);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < chunksInFlight; i++) _free.Add(newChunk());
        _parsing = Task.Factory.StartNew(Parse, TaskCreationOptions.LongRunning);
    }

    /// <summary>Chunks in file order; throws the parser's error once the chunks before it are consumed.</summary>
    public IEnumerable<TChunk> Chunks()
    {
        foreach (var chunk in _filled.GetConsumingEnumerable(_stop.Token))
        {
            yield return chunk;
            _clear(chunk);
            _free.Add(chunk);
        }
        _parsing.Wait();
        if (_failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        _stop.Token.ThrowIfCancellationRequested();
    }

    private void Parse()
    {
        try
        {
            while (true)
            {
                var chunk = _free.Take(_stop.Token);
                if (!_fill(chunk)) break;
                _filled.Add(chunk, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // the consumer stopped (error or Ctrl+C); nothing to report from here
        }
        catch (Exception exception)
        {
            _failure = exception;
        }
        finally
        {
            _filled.CompleteAdding();
        }
    }

    /// <summary>Stops the parser (if the consumer gave up early) and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try { _parsing.Wait(); } catch (AggregateException) { }
        _stop.Dispose();
        _filled.Dispose();
        _free.Dispose();
    }
}
