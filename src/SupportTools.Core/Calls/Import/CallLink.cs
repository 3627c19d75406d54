namespace SupportTools.Calls;

/// <summary>
/// Which call (interaction) a leg belongs to, when its record does not name the interaction: Kazoo writes one CDR per
/// leg, and a call is the legs bridged together. In order: Kazoo's <c>interaction_id</c> (read by the builder, top
/// level or in <c>custom_channel_vars</c>); else <c>bridge_id</c> (<c>custom_channel_vars.bridge_id</c>, "typically the
/// A-leg's call-id", as 2600hz/kazoo applications/crossbar/doc/cdrs.md puts it); else, through
/// <c>other_leg_call_id</c>: an outbound leg (one the switch started: a B-leg) belongs to the leg it was bridged to, an
/// inbound one (the A-leg, which came into the switch) to itself. A leg with none of these links nothing: it is a call
/// by itself, or joined by the B-legs that name it.
/// </summary>
internal static class CallLink
{
    /// <summary>The interaction of a leg (a slice of its row's text), or <see cref="TextSlice.Null"/>.</summary>
    public static TextSlice Of(TextSlice callId, string? direction, TextSlice bridgeId, TextSlice otherLegCallId)
    {
        if (!bridgeId.IsNull) return bridgeId;
        if (otherLegCallId.IsNull) return TextSlice.Null;
        return direction == "outbound" ? otherLegCallId : callId;
    }
}
