namespace SupportTools.Tickets.Generation;

/// <summary>
/// One simulated ticket's activities, copied out of the simulation's reused buffers so they can wait in the
/// time-ordered merge while later tickets are simulated; <see cref="Next"/> is the first one not yet emitted.
/// Logs are pooled and their arrays only grow: once as many logs exist as tickets are active at once, generation
/// allocates nothing more, which keeps the garbage collector from copying long-waiting tickets around.
/// </summary>
internal sealed class TicketLog
{
    private byte[] _json = new byte[512];
    private GeneratedActivity[] _activities = new GeneratedActivity[8];

    /// <summary>Creation rank (0-based): breaks ties between tickets' activities at the same instant.</summary>
    public int Rank { get; private set; }

    public int Count { get; private set; }

    public int Next { get; set; }

    public ref readonly GeneratedActivity this[int index] => ref _activities[index];

    public bool HasNext => Next < Count;

    /// <summary>The merge key of the next activity: its instant, then the ticket's creation rank.</summary>
    public (long Ticks, int Rank) NextKey => (_activities[Next].PerformedAt.UtcTicks, Rank);

    public ReadOnlySpan<byte> JsonOf(in GeneratedActivity activity) => _json.AsSpan(activity.JsonStart, activity.JsonLength);

    /// <summary>Copies the simulation's last ticket in.</summary>
    public void Load(TicketSimulation simulation, int rank)
    {
        var json = simulation.Json;
        var activities = simulation.Activities;
        if (_json.Length < json.Length) _json = new byte[Math.Max(json.Length, 2 * _json.Length)];
        if (_activities.Length < activities.Count) _activities = new GeneratedActivity[Math.Max(activities.Count, 2 * _activities.Length)];
        json.CopyTo(_json);
        for (var i = 0; i < activities.Count; i++) _activities[i] = activities[i];
        Count = activities.Count;
        Next = 0;
        Rank = rank;
    }
}
