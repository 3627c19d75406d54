namespace SupportTools.Tickets.Generation;

/// <summary>
/// All an open ticket's simulation needs to resume: its random stream, its next activity (phase and time) and the few
/// facts the rest of its life depends on. 56 bytes, so memory follows the tickets open at once, not their activities.
/// </summary>
internal struct TicketState
{
    /// <summary>Bits of <see cref="Key"/> below the time: the creation rank.</summary>
    public const int RankBits = 31;

    public RngState Rng;
    /// <summary>The next activity's (time, creation rank) as one ordered number: whole seconds after the window's start above the rank.</summary>
    public long Key;
    /// <summary>Requester id (below 2^31: 500,000 plus at most 0.7 × int.MaxValue).</summary>
    public int Requester;
    public int Agent;
    public TicketPhase Phase;
    /// <summary>Agent reply rounds completed (0 before the first reply).</summary>
    public byte Round;
    /// <summary>Notes written so far (the next note id's offset in the ticket's block).</summary>
    public byte Notes;
    /// <summary>Bit 0..6: the waiting status index (DeskProfile.AfterReply); <see cref="RoutedFlag"/>: routed by automation.</summary>
    public byte Flags;

    public const byte RoutedFlag = 0x80;

    public static long KeyOf(long seconds, int rank) => seconds << RankBits | (uint)rank;

    /// <summary>The next activity's time, whole seconds after the window's start.</summary>
    public readonly long Seconds => Key >> RankBits;

    public readonly int Rank => (int)(Key & int.MaxValue);
}
