using System.Text;

namespace SupportTools.Calls;

/// <summary>The CDR field names (Kazoo's, snake_case) and how file headers and keys map to them.</summary>
internal static class CallFields
{
    /// <summary>Each field's name in a CDR (JSON key, CSV header).</summary>
    public static IReadOnlyList<(CallField Field, string Name)> Names { get; } =
    [
        (CallField.CallId, "call_id"), (CallField.CallTime, "call_time"), (CallField.Timestamp, "timestamp"),
        (CallField.CallDirection, "call_direction"), (CallField.DurationSeconds, "duration_seconds"),
        (CallField.BillingSeconds, "billing_seconds"), (CallField.RingingSeconds, "ringing_seconds"),
        (CallField.CallerIdNumber, "caller_id_number"), (CallField.CallerIdName, "caller_id_name"),
        (CallField.CalleeIdNumber, "callee_id_number"), (CallField.HangupCause, "hangup_cause"), (CallField.Unanswered, "unanswered"),
        (CallField.CallerZoneId, "caller_zone_id"), (CallField.CalleeZoneId, "callee_zone_id"),
    ];

    private static readonly (byte[] Utf8, CallField Field)[] Utf8Names = [.. Names.Select(n => (Encoding.UTF8.GetBytes(n.Name), n.Field))];

    /// <summary>The field a JSON key names exactly (Kazoo's snake_case), or <see cref="CallField.None"/>.</summary>
    public static CallField OfKey(ReadOnlySpan<byte> key)
    {
        foreach (var (name, field) in Utf8Names)
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
            if (HeaderIs(header, name)) return field;
        return CallField.None;
    }

    /// <summary>Whether a CSV header names <paramref name="name"/> (snake_case) in any case, with or without underscores.</summary>
    public static bool HeaderIs(string header, string name) =>
        string.Equals(header.Trim().Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

    /// <summary>The CDR name of <paramref name="field"/>.</summary>
    public static string NameOf(CallField field) => Names.First(n => n.Field == field).Name;
}
