using System.Diagnostics;
using System.Text;
using SupportTools.Tickets.Generation;

namespace SupportTools.Tickets;

/// <summary>
/// Generates realistic, reproducible ticket activity for a window: the same seed and window give the same objects
/// and the same file bytes. Creation follows a weekday/business-hours pattern; each ticket's life is simulated with
/// its own random stream (see <c>TicketSimulation</c>).
/// <para>
/// Output is in <c>performed_at</c> order across tickets, as in a real export (tickets interleave); activities at the
/// same instant come in ticket creation order, a ticket's own in the order it did them. Tickets are
/// simulated in creation order and wait in a min-heap keyed by their next activity's time; everything up to the next
/// ticket's creation time is emitted before that ticket is simulated, so memory is bounded by the tickets active at
/// once (created, not yet finished), not by the ticket or activity count.
/// </para>
/// <para>
/// Ids: ticket ids are <see cref="FirstTicketId"/> + 0, 1, 2… in creation order, and note ids come from a block of
/// 64 per ticket above <see cref="FirstNoteId"/>. Both bases are drawn from a hash of (seed, window start, window end,
/// offset) anywhere in [10^6, 10^12), so generations with another seed or window (the cmdlet's default window moves
/// with the clock) get unrelated ids and can share one store: two runs of n tickets share a ticket id with probability
/// about 2n / 10^12 (4 in 10 million at n = 200,000), and a note id about 128n / 10^12. Twelve digits at most keep
/// ids readable and exact in JSON doubles (2^53) and in spreadsheets (15 significant digits).
/// </para>
/// </summary>
public sealed class TicketActivityGenerator
{
    private const int ProgressEvery = 4096;
    private const long MinId = 1_000_000, IdLimit = 1_000_000_000_000, NoteIdsPerTicket = 64;
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(36_525);
    private readonly ulong _seed;
    private readonly DateTimeOffset _start, _end;

    /// <summary>Creates a generator for the window [<paramref name="start"/>, <paramref name="end"/>] (written in start's offset).</summary>
    public TicketActivityGenerator(int seed, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) throw new ArgumentException("The window's end must be after its start.", nameof(end));
        // The time-order merge packs seconds into 32 bits (136 years); a century is plenty for a simulated desk.
        if (end - start > MaxWindow) throw new ArgumentException("The window must not be longer than 100 years.", nameof(end));
        _seed = (ulong)(uint)seed;
        _start = start;
        _end = end.ToOffset(start.Offset);
        var window = Rng.Mix(Rng.Mix(Rng.Mix(_seed, (ulong)start.UtcTicks), (ulong)_end.UtcTicks), (ulong)(long)start.Offset.TotalMinutes);
        // Room above each base for int.MaxValue tickets, so a base near the top still stays under the limit.
        FirstTicketId = MinId + (long)(Rng.Mix(window, 1) % (ulong)(IdLimit - MinId - int.MaxValue));
        FirstNoteId = MinId + (long)(Rng.Mix(window, 2) % (ulong)(IdLimit - MinId - NoteIdsPerTicket * int.MaxValue));
    }

    /// <summary>The first ticket's id; the others follow in creation order.</summary>
    public long FirstTicketId { get; }

    /// <summary>The first note id; ticket k (0-based, creation order) numbers its notes from FirstNoteId + 64k.</summary>
    public long FirstNoteId { get; }

    /// <summary>The activities as objects, in time order across tickets.</summary>
    public IEnumerable<TicketActivity> Generate(int ticketCount, CancellationToken cancellationToken = default) =>
        Generate(ticketCount, null, cancellationToken);

    /// <summary>The activities as objects, in time order across tickets, reporting progress in tickets simulated.</summary>
    public IEnumerable<TicketActivity> Generate(int ticketCount, IOperationReporter? reporter, CancellationToken cancellationToken = default)
    {
        var body = new ActivityBodyReader();
        foreach (var pending in InTimeOrder(ticketCount, reporter ?? NullReporter.Instance, cancellationToken))
            yield return ToActivity(pending, body);
    }

    private static TicketActivity ToActivity(PendingActivities pending, ActivityBodyReader body)
    {
        var (ticketId, performedAt, performerId) = pending.Peek(out var json);
        var facts = body.Read(json);
        return new TicketActivity(ticketId, performedAt, performerId is null ? "system" : "user", performerId,
            Encoding.UTF8.GetString(body.Json), facts);
    }

    /// <summary>
    /// Streams an export file of <paramref name="ticketCount"/> tickets to <paramref name="path"/>, in time order. The file
    /// replaces <paramref name="path"/> only when complete (with <paramref name="noClobber"/>, an existing file is an
    /// <see cref="IOException"/>).
    /// </summary>
    public ExportSummary WriteFile(string path, int ticketCount, IOperationReporter? reporter = null, CancellationToken cancellationToken = default,
        bool noClobber = false)
    {
        var elapsed = Stopwatch.StartNew();
        using var writer = TicketActivityWriter.Create(path, _start, _end, noClobber);
        foreach (var pending in InTimeOrder(ticketCount, reporter ?? NullReporter.Instance, cancellationToken))
        {
            var (ticketId, performedAt, performerId) = pending.Peek(out var json);
            writer.Write(ticketId, performedAt, performerId is null ? "system" : "user", performerId, json);
        }
        writer.Complete(noClobber);
        var bytes = new FileInfo(path).Length;
        return new ExportSummary(path, writer.Count, writer.TicketCount, _start, _end, bytes, elapsed.Elapsed);
    }

    /// <summary>
    /// Yields the pending set once for each activity, in time order: read it with <see cref="PendingActivities.Peek"/>
    /// before moving on.
    /// </summary>
    private IEnumerable<PendingActivities> InTimeOrder(int ticketCount, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var simulation = new TicketSimulation(new DeskProfile(ticketCount));
        var pending = new PendingActivities(FirstTicketId, _start);
        var rank = 0;
        foreach (var createdAt in CreationSchedule.Times(Rng.Mix(_seed, 0), _start, _end, ticketCount))
        {
            if (rank % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress("Simulating tickets", rank, ticketCount);
            }
            // Earlier tickets' activities up to this instant come first (an earlier rank wins a tie).
            while (pending.TryPeekTime(out var ticks) && ticks <= createdAt.Ticks)
            {
                yield return pending;
                pending.MoveNext();
            }
            simulation.Run(Rng.Mix(_seed, (ulong)rank + 1), FirstTicketId + rank, createdAt, _end, FirstNoteId + rank * NoteIdsPerTicket);
            pending.Add(simulation, rank++);
        }
        reporter.Progress("Simulating tickets", ticketCount, ticketCount);
        while (pending.TryPeekTime(out _))
        {
            yield return pending;
            pending.MoveNext();
        }
    }
}
