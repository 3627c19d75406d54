using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>
/// One call as the importer writes it: numbers and interned strings inline, the free text (<see cref="CallId"/>, the
/// numbers, the caller's name) as slices of a UTF-8 buffer kept beside the row (a file chunk's, or a piped record's).
/// No objects per call on the file path.
/// </summary>
internal struct CallRow
{
    public long CallTime;           // unix seconds
    public long Key;                // CallKey.Of(call id)
    public string? Direction;       // interned
    public long DurationSeconds, BillingSeconds, RingingSeconds;
    public bool Unanswered;
    public long? CallerZoneId, CalleeZoneId;
    public int ZonesGiven;          // bit 1: caller, bit 2: callee zone id came from the input
    public string? HangupCause;     // interned
    public TextSlice CallId, CallerIdNumber, CalleeIdNumber, CallerIdName;
    public TextSlice InteractionId;  // the call (interaction) the leg belongs to; Null for a leg nothing links (a call by itself)
    public long InteractionKey;     // CallKey.Of(InteractionId), 0 when it is Null
}

/// <summary>A slice of a row's UTF-8 buffer; <see cref="Null"/> for a missing value.</summary>
internal readonly record struct TextSlice(int Start, int Length)
{
    /// <summary>A missing value (SQL NULL).</summary>
    public static TextSlice Null { get; } = new(0, -1);

    /// <summary>True for a missing value.</summary>
    public bool IsNull => Length < 0;

    /// <summary>The bytes in <paramref name="buffer"/>.</summary>
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> buffer) => buffer.Slice(Start, Length);

    /// <summary>The bytes in <paramref name="buffer"/>, still pinned (for binding in place).</summary>
    public PinnedUtf8 In(PinnedUtf8 buffer) => buffer.Slice(Start, Length);
}
