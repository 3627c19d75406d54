using System.Collections.Concurrent;

namespace SupportTools.Tickets;

/// <summary>
/// Parses an export file on a background thread while the caller writes to SQLite: the two halves of an import
/// take about the same time, and the machine has two cores. Chunks cycle between a free pool and a bounded queue, so
/// memory stays constant. Parse errors surface on the caller's thread, in order, after the chunks before them.
/// Only the caller touches SQLite and progress callbacks.
/// </summary>
internal sealed class ParallelFileParser : IDisposable
{
    private const int ChunksInFlight = 4;
    private readonly TicketActivityFileReader _reader;
    private readonly BlockingCollection<ParsedChunk> _filled = new(ChunksInFlight);
    private readonly BlockingCollection<ParsedChunk> _free = new(ChunksInFlight);
    private readonly CancellationTokenSource _stop;
    private readonly Task _parsing;
    private Exception? _failure;

    public ParallelFileParser(TicketActivityFileReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < ChunksInFlight; i++) _free.Add(new ParsedChunk());
        _parsing = Task.Factory.StartNew(Parse, TaskCreationOptions.LongRunning);
    }

    /// <summary>Chunks in file order; throws the parser's error once the chunks before it are consumed.</summary>
    public IEnumerable<ParsedChunk> Chunks()
    {
        foreach (var chunk in _filled.GetConsumingEnumerable(_stop.Token))
        {
            yield return chunk;
            chunk.Clear();
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
            var chunk = _free.Take(_stop.Token);
            while (_reader.Read())
            {
                chunk.Add(_reader);
                if (!chunk.IsFull) continue;
                _filled.Add(chunk, _stop.Token);
                chunk = _free.Take(_stop.Token);
            }
            if (chunk.Rows.Count > 0) _filled.Add(chunk, _stop.Token);
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
