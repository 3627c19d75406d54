namespace SupportTools.Calls;

/// <summary>
/// The CDR fields an import reads (the others are ignored), named in files as <see cref="CallFields.Names"/>: the
/// module's own, and the names Kazoo's crossbar listing (<c>/v2/accounts/{id}/cdrs</c>, its <c>/cdrs/interaction</c>
/// rows and its <c>Accept: text/csv</c> export) gives the same facts under (see <see cref="CallFields"/>).
/// </summary>
internal enum CallField
{
    None, CallId, CallTime, Timestamp, CallDirection, DurationSeconds, BillingSeconds, RingingSeconds, CallerIdNumber,
    CallerIdName, CalleeIdNumber, HangupCause, Unanswered, CallerZoneId, CalleeZoneId,

    /// <summary>The listing's <c>direction</c>: the leg's <c>call_direction</c>, and a sign that the record is a listing row.</summary>
    Direction,
    /// <summary>The listing's <c>unix_timestamp</c>: the leg's start in Unix seconds.</summary>
    UnixTimestamp,
    /// <summary>The listing's <c>datetime</c>: the leg's start, <c>yyyy-MM-dd HH:mm:ss</c> in UTC (older Kazoo: <c>yyyy-MM-dd_HH-mm-ss</c>).</summary>
    Datetime,
    /// <summary>The listing's <c>dialed_number</c>: the callee's number when <c>callee_id_number</c> is missing.</summary>
    DialedNumber,
    /// <summary>The listing's <c>calling_from</c>: the caller's number when <c>caller_id_number</c> is missing.</summary>
    CallingFrom,
    /// <summary>Listing-only columns (<c>iso_8601</c>, <c>rfc_1036</c>…): not read, but they say the record is a listing row.</summary>
    ListingMarker,
    /// <summary>The call (interaction) the leg belongs to: Kazoo's <c>interaction_id</c>.</summary>
    InteractionId,
    /// <summary><c>custom_channel_vars.bridge_id</c> (a listing column too): typically the A-leg's call id.</summary>
    BridgeId,
    /// <summary><c>other_leg_call_id</c>: the leg this one was bridged to.</summary>
    OtherLegCallId,
    /// <summary>
    /// <c>call_time_iso</c> (<c>CallTimeIso</c> in <c>Get-CallRecord | Export-Csv</c>): the start in ISO 8601, read
    /// before <c>call_time</c>, which <c>Export-Csv</c> writes in its culture's words.
    /// </summary>
    CallTimeIso,
    /// <summary><c>custom_channel_vars</c>: a nested object holding <c>interaction_id</c> and <c>bridge_id</c> in raw documents.</summary>
    CustomChannelVars,
}
