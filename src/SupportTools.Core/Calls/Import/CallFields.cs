using System.Text;

namespace SupportTools.Calls;

/// <summary>
/// The CDR field names (Kazoo's, snake_case) and how file headers and keys map to them. Besides the module's own names,
/// the names of Kazoo's crossbar listing are read (its columns, as <c>cb_cdrs.erl</c>'s <c>?COLUMNS</c> lists them in
/// 2600hz/kazoo, applications/crossbar/src/modules/cb_cdrs.erl, and core/kazoo_documents/src/kzd_cdrs.hrl from Kazoo
/// 4.3 on, which the CSV export uses too: <c>direction</c>, <c>unix_timestamp</c>,
/// <c>datetime</c>, <c>dialed_number</c>, <c>calling_from</c>, <c>bridge_id</c>, <c>interaction_id</c>, and the
/// listing-only <c>iso_8601</c>, <c>iso_8601_combined</c>, <c>rfc_1036</c>); the others (<c>rate</c>, <c>cost</c>,
/// <c>to</c>, <c>from</c>…) are skipped.
/// </summary>
internal static class CallFields
{
    /// <summary>Each field's name in a CDR (JSON key, CSV header); the first name of a field is the module's own.</summary>
    public static IReadOnlyList<(CallField Field, string Name)> Names { get; } =
    [
        (CallField.CallId, "call_id"), (CallField.CallTime, "call_time"), (CallField.Timestamp, "timestamp"),
        (CallField.CallDirection, "call_direction"), (CallField.DurationSeconds, "duration_seconds"),
        (CallField.BillingSeconds, "billing_seconds"), (CallField.RingingSeconds, "ringing_seconds"),
        (CallField.CallerIdNumber, "caller_id_number"), (CallField.CallerIdName, "caller_id_name"),
        (CallField.CalleeIdNumber, "callee_id_number"), (CallField.HangupCause, "hangup_cause"), (CallField.Unanswered, "unanswered"),
        (CallField.CallerZoneId, "caller_zone_id"), (CallField.CalleeZoneId, "callee_zone_id"),
        (CallField.InteractionId, "interaction_id"), (CallField.BridgeId, "bridge_id"), (CallField.OtherLegCallId, "other_leg_call_id"),
        (CallField.Direction, "direction"), (CallField.UnixTimestamp, "unix_timestamp"), (CallField.Datetime, "datetime"),
        (CallField.DialedNumber, "dialed_number"), (CallField.CallingFrom, "calling_from"),
        (CallField.ListingMarker, "iso_8601"), (CallField.ListingMarker, "iso_8601_combined"), (CallField.ListingMarker, "rfc_1036"),
        (CallField.CallTimeIso, "call_time_iso"), (CallField.CustomChannelVars, "custom_channel_vars"),
    ];

    /// <summary>The keys read inside <c>custom_channel_vars</c> (Kazoo's channel variables, snake_case in a CDR document).</summary>
    private static readonly (byte[] Utf8, CallField Field)[] ChannelVariables =
    [
        ("interaction_id"u8.ToArray(), CallField.InteractionId), ("call_interaction_id"u8.ToArray(), CallField.InteractionId),
        ("bridge_id"u8.ToArray(), CallField.BridgeId),
    ];

    /// <summary>The names by their UTF-8 length: a key is compared with the few names of its length only (Kazoo documents have dozens of keys).</summary>
    private static readonly (byte[] Utf8, CallField Field)[][] Utf8NamesByLength = ByLength();

    private static (byte[] Utf8, CallField Field)[][] ByLength()
    {
        var names = Names.Select(n => (Utf8: Encoding.UTF8.GetBytes(n.Name), n.Field)).ToList();
        var byLength = new (byte[], CallField)[names.Max(n => n.Utf8.Length) + 1][];
        for (var length = 0; length < byLength.Length; length++) byLength[length] = [.. names.Where(n => n.Utf8.Length == length)];
        return byLength;
    }

    /// <summary>The field a JSON key names exactly (Kazoo's snake_case), or <see cref="CallField.None"/>.</summary>
    public static CallField OfKey(ReadOnlySpan<byte> key)
    {
        if (key.Length >= Utf8NamesByLength.Length) return CallField.None;
        foreach (var (name, field) in Utf8NamesByLength[key.Length])
            if (key.SequenceEqual(name)) return field;
        return CallField.None;
    }

    /// <summary>The field a key inside <c>custom_channel_vars</c> names, or <see cref="CallField.None"/>.</summary>
    public static CallField OfChannelVariable(ReadOnlySpan<byte> key)
    {
        foreach (var (name, field) in ChannelVariables)
            if (key.SequenceEqual(name)) return field;
        return CallField.None;
    }

    /// <summary>
    /// The field a CSV header names: the CDR name in any case, with or without underscores, so the PascalCase headers
    /// <c>Export-Csv</c> writes from <c>Get-CallRecord</c> (<c>CallId</c>, <c>CallTime</c>…) read back too.
    /// </summary>
    public static CallField OfHeader(string header)
    {
        foreach (var (field, name) in Names)
            if (field != CallField.CustomChannelVars && HeaderIs(header, name)) return field;
        return CallField.None;
    }

    /// <summary>Whether a CSV header names <paramref name="name"/> (snake_case) in any case, with or without underscores.</summary>
    public static bool HeaderIs(string header, string name) =>
        string.Equals(header.Trim().Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    /// <summary>The CDR name of <paramref name="field"/> (the module's own where it has several).</summary>
    public static string NameOf(CallField field) => Names.First(n => n.Field == field).Name;
}
