namespace SupportTools.Tickets.Generation;

/// <summary>
/// One simulated ticket's activities, copied out of the simulation's reused buffers so they can wait in the
/// time-ordered merge while later tickets are simulated; <see cref="Next"/> is the first one not yet emitted.
/// Logs are pooled, and a log's arrays are cut back to size when refilled, so memory follows the activities
/// pending now rather than the largest ticket a log once held.
/// </summary>
internal sealed class TicketLog
{
    private byte[] _json = [];
    private GeneratedActivity[] _activities = [];

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
        if (_json.Length < json.Length || _json.Length > 2 * json.Length + 256) _json = new byte[json.Length + json.Length / 4];
        if (_activities.Length < activities.Count || _activities.Length > 2 * activities.Count + 4) _activities = new GeneratedActivity[activities.Count + 2];
        json.CopyTo(_json);
        for (var i = 0; i < activities.Count; i++) _activities[i] = activities[i];
        Count = activities.Count;
        Next = 0;
        Rank = rank;
    }
}
