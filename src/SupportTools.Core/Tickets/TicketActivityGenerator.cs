using System.Diagnostics;
using SupportTools.Tickets.Generation;

namespace SupportTools.Tickets;

/// <summary>
/// Generates realistic, reproducible ticket activity for a window: the same seed and window give the same objects
/// and the same file bytes. Tickets are numbered 1..N in creation order; creation follows a weekday/business-hours
/// pattern; each ticket's life is simulated with its own random stream (see <c>TicketSimulation</c>). Output is
/// ticket by ticket (each ticket's activities in time order), so a file of millions of activities streams in
/// constant memory but for the creation times (8 bytes a ticket).
/// </summary>
public sealed class TicketActivityGenerator
{
    private const int ProgressEvery = 4096;
    private const long FirstNoteId = 4_000_000, NoteIdsPerTicket = 64;
    private readonly ulong _seed;
    private readonly DateTimeOffset _start, _end;

    /// <summary>Creates a generator for the window [<paramref name="start"/>, <paramref name="end"/>] (written in start's offset).</summary>
    public TicketActivityGenerator(int seed, DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) throw new ArgumentException("The window's end must be after its start.", nameof(end));
        _seed = (ulong)(uint)seed;
        _start = start;
        _end = end.ToOffset(start.Offset);
    }

    /// <summary>The activities as objects.</summary>
    public IEnumerable<TicketActivity> Generate(int ticketCount, CancellationToken cancellationToken = default)
    {
        var body = new ActivityBodyReader();
        foreach (var simulation in Simulate(ticketCount, NullReporter.Instance, cancellationToken))
            foreach (var a in simulation.Activities)
            {
                var facts = body.Read(simulation.Json.Slice(a.JsonStart, a.JsonLength));
                yield return new TicketActivity(a.TicketId, a.PerformedAt, a.IsSystem ? "system" : "user", a.PerformerId,
                    System.Text.Encoding.UTF8.GetString(body.Json), facts);
            }
    }

    /// <summary>Streams an export file of <paramref name="ticketCount"/> tickets to <paramref name="path"/>.</summary>
    public ExportSummary WriteFile(string path, int ticketCount, IOperationReporter? reporter = null, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        using var writer = TicketActivityWriter.Create(path, _start, _end);
        foreach (var simulation in Simulate(ticketCount, reporter ?? NullReporter.Instance, cancellationToken))
            foreach (var a in simulation.Activities)
                writer.Write(a.TicketId, a.PerformedAt, a.IsSystem ? "system" : "user", a.PerformerId, simulation.Json.Slice(a.JsonStart, a.JsonLength));
        writer.Complete();
        var bytes = new FileInfo(path).Length;
        return new ExportSummary(path, writer.Count, writer.TicketCount, _start, _end, bytes, elapsed.Elapsed);
    }

    /// <summary>Runs each ticket's simulation in creation order; the same simulation object is reused (read it before moving on).</summary>
    private IEnumerable<TicketSimulation> Simulate(int ticketCount, IOperationReporter reporter, CancellationToken cancellationToken)
    {
        var createdAt = CreationTimes(ticketCount);
        var simulation = new TicketSimulation(new DeskProfile(ticketCount));
        for (var i = 0; i < ticketCount; i++)
        {
            if (i % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reporter.Progress("Simulating tickets", i, ticketCount);
            }
            simulation.Run(Rng.Mix(_seed, (ulong)i + 1), i + 1, createdAt[i], _end, FirstNoteId + i * NoteIdsPerTicket);
            yield return simulation;
        }
        reporter.Progress("Simulating tickets", ticketCount, ticketCount);
    }

    /// <summary>Sorted creation times: busier on weekdays between 08:00 and 18:00 (in the window's offset).</summary>
    private DateTimeOffset[] CreationTimes(int ticketCount)
    {
        var rng = new Rng(Rng.Mix(_seed, 0));
        var span = (_end - _start).TotalSeconds;
        var times = new long[ticketCount];
        for (var i = 0; i < ticketCount; i++)
        {
            while (true)
            {
                var offset = (long)(rng.NextDouble() * span);
                var at = _start.AddSeconds(offset);
                if (rng.NextDouble() < Busyness(at)) { times[i] = offset; break; }
            }
        }
        Array.Sort(times);
        return Array.ConvertAll(times, s => _start.AddSeconds(s));
    }

    private static double Busyness(DateTimeOffset at)
    {
        var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var hours = at.Hour is >= 8 and < 18 ? 1.0 : at.Hour is >= 6 and < 22 ? 0.45 : 0.15;
        return weekend ? hours * 0.4 : hours;
    }
}
