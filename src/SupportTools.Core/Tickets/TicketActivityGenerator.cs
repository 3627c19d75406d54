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
/// same instant come in ticket creation order, a ticket's own in the order it did them. Each open ticket is a small
/// resumable state (its random stream and what it does next, see <c>TicketState</c>) waiting in a queue keyed by its
/// next activity's time; that one activity is simulated only when it is due, so memory is bounded by the tickets open
/// at once (created, not yet finished), about 64 bytes each, not by the ticket or activity count.
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
    private const long MinId = 1_000_000, IdLimit = 1_000_000_000_000, NoteIdsPerTicket = TicketSimulation.NoteIdsPerTicket;
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(36_525);
    private readonly ulong _seed;
    private readonly DateTimeOffset _start, _end;

    /// <summary>Creates a generator for the window [<paramref name="start"/>, <paramref name="end"/>] (written in start's offset).</summary>
    public TicketActivityGenerator(int seed, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) throw new ArgumentException("The window's end must be after its start.", nameof(end));
        // The time-order merge packs seconds into 32 bits (136 years); a century is plenty for a simulated desk.
        if (end - start > MaxWindow) throw new InvalidRequestException("The window must not be longer than 100 years.", end);
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
        foreach (var activity in InTimeOrder(ticketCount, reporter ?? NullReporter.Instance, cancellationToken))
            yield return ToActivity(activity, body);
    }

    private static TicketActivity ToActivity(TicketSimulation activity, ActivityBodyReader body)
    {
        var facts = body.Read(activity.Json);
        return new TicketActivity(activity.TicketId, activity.PerformedAt, PerformerType(activity), activity.PerformerId,
            Encoding.UTF8.GetString(body.Json), facts);
    }

    private static string PerformerType(TicketSimulation activity) => activity.PerformerId is null ? "system" : "user";

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
        foreach (var a in InTimeOrder(ticketCount, reporter ?? NullReporter.Instance, cancellationToken))
            writer.Write(a.TicketId, a.PerformedAt, PerformerType(a), a.PerformerId, a.Json);
        writer.Complete(noClobber);
        var bytes = new FileInfo(path).Length;
        return new ExportSummary(path, writer.Count, writer.TicketCount, _start, _end, bytes, elapsed.Elapsed);
    }

    /// <summary>
    /// Yields the simulation once for each activity, in time order: read its current activity before moving on. A
    /// ticket is created when its creation comes before every open ticket's next activity (by time, then rank).
    /// </summary>
    private IEnumerable<TicketSimulation> InTimeOrder(int ticketCount, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var simulation = new TicketSimulation(new DeskProfile(ticketCount), _start, _end, FirstTicketId, FirstNoteId);
        var open = new OpenTickets();
        using var creations = CreationSchedule.Times(Rng.Mix(_seed, 0), _start, _end, ticketCount).GetEnumerator();
        var rank = 0;
        var creating = creations.MoveNext();
        if (!creating) reporter.Progress("Simulating tickets", ticketCount, ticketCount);
        while (true)
        {
            var hasOpen = open.TryPeek(out var next);
            if (creating)
            {
                var seconds = (creations.Current.Ticks - _start.Ticks) / TimeSpan.TicksPerSecond;
                if (!hasOpen || TicketState.KeyOf(seconds, rank) < next)
                {
                    if (rank % ProgressEvery == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        reporter.Progress("Simulating tickets", rank, ticketCount);
                    }
                    var ticket = simulation.Open(Rng.Mix(_seed, (ulong)rank + 1), rank, seconds);
                    var alive = simulation.Step(ref ticket);
                    yield return simulation;
                    if (alive) open.Add(ticket);
                    rank++;
                    if (!(creating = creations.MoveNext())) reporter.Progress("Simulating tickets", ticketCount, ticketCount);
                    continue;
                }
            }
            else if (!hasOpen) yield break;
            if (simulation.Step(ref open.Next)) open.Requeue();
            else open.Remove();
            yield return simulation;
        }
    }
}
