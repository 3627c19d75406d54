namespace SupportTools.Calls;

/// <summary>
/// One call detail record: the CDR fields in PascalCase, in the SPEC's order, then the call it belongs to. Imports
/// store legs (one per CDR, as Kazoo writes them); <c>Get-CallRecord</c> emits calls (the legs of one interaction as
/// one record: see <see cref="Legs"/>) or, with <c>-Leg</c>, the legs, its <see cref="CallTime"/> in the asked zone.
/// </summary>
public sealed class CallRecord(string callId, DateTimeOffset callTime, string? callDirection, long durationSeconds, long billingSeconds,
    long ringingSeconds, string? callerIdNumber, string? callerIdName, string? calleeIdNumber, string? hangupCause, bool unanswered,
    long? callerZoneId, long? calleeZoneId, string? interactionId = null, int legs = 1)
{
    /// <summary>The call leg's unique id (<c>call_id</c>; for a call, its A-leg's); imports are idempotent on it.</summary>
    public string CallId { get; } = callId;
    /// <summary>When the call started (<c>call_time</c>; stored to the second, in UTC).</summary>
    public DateTimeOffset CallTime { get; } = callTime;
    /// <summary>
    /// <see cref="CallTime"/> as ISO 8601 text (round-trip <c>o</c>, with its offset), so <c>Export-Csv</c> writes a
    /// time that reads back the same in every culture (it writes <see cref="CallTime"/> in its culture's words).
    /// </summary>
    public string CallTimeIso => CallTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
    /// <summary><c>inbound</c> or <c>outbound</c> (relative to the switch), or null when the CDR has none.</summary>
    public string? CallDirection { get; } = callDirection;
    /// <summary>Seconds from the start of the call to its end.</summary>
    public long DurationSeconds { get; } = durationSeconds;
    /// <summary>Seconds that can be billed (from answer to end); 0 for a call never answered.</summary>
    public long BillingSeconds { get; } = billingSeconds;
    /// <summary>Seconds the call rang before it was answered or given up.</summary>
    public long RingingSeconds { get; } = ringingSeconds;
    /// <summary>The caller's number as the CDR has it.</summary>
    public string? CallerIdNumber { get; } = callerIdNumber;
    /// <summary>The caller's name as the CDR has it.</summary>
    public string? CallerIdName { get; } = callerIdName;
    /// <summary>The callee's number as the CDR has it.</summary>
    public string? CalleeIdNumber { get; } = calleeIdNumber;
    /// <summary>Why the call ended (e.g. <c>NORMAL_CLEARING</c>, <c>NO_ANSWER</c>).</summary>
    public string? HangupCause { get; } = hangupCause;
    /// <summary>True when nobody answered (given by the CDR, or derived, see <c>CallOutcome</c>).</summary>
    public bool Unanswered { get; } = unanswered;
    /// <summary>The caller number's zone (see <c>Get-CallRegion</c>), or null when it has none.</summary>
    public long? CallerZoneId { get; } = callerZoneId;
    /// <summary>The callee number's zone (see <c>Get-CallRegion</c>), or null when it has none.</summary>
    public long? CalleeZoneId { get; } = calleeZoneId;
    /// <summary>
    /// The call (Kazoo's interaction) the leg belongs to: its <c>interaction_id</c>, else the link its
    /// <c>bridge_id</c> or <c>other_leg_call_id</c> gives (see the README); null for a leg that links to nothing.
    /// </summary>
    public string? InteractionId { get; } = interactionId;
    /// <summary>How many legs the record stands for: 1 for a leg, the number of legs for a call.</summary>
    public int Legs { get; } = legs;
}
