namespace SupportTools.Calls;

/// <summary>
/// A CDR field a filter may name: the whitelist that maps each field to its <c>call_records</c> column. Field names
/// never reach SQL any other way: an unknown name is an error, and a known one is replaced by this column name.
/// </summary>
/// <param name="Name">The CDR field name (as in the Kazoo service's filters).</param>
/// <param name="Column">The column in <c>call_records</c> (named after the field).</param>
/// <param name="Kind">What the field holds.</param>
/// <param name="Nullable">Whether the column may be NULL (is_null/is_not_null make sense).</param>
internal sealed record CallField(string Name, string Column, CallFieldKind Kind, bool Nullable)
{
    /// <summary>Every field of a call record, in the SPEC's order.</summary>
    public static IReadOnlyList<CallField> All { get; } =
    [
        new("call_id", "call_id", CallFieldKind.Text, false),
        new("call_time", "call_time", CallFieldKind.Time, false),
        new("call_direction", "call_direction", CallFieldKind.Text, true),
        new("duration_seconds", "duration_seconds", CallFieldKind.Integer, false),
        new("billing_seconds", "billing_seconds", CallFieldKind.Integer, false),
        new("ringing_seconds", "ringing_seconds", CallFieldKind.Integer, false),
        new("caller_id_number", "caller_id_number", CallFieldKind.Text, true),
        new("caller_id_name", "caller_id_name", CallFieldKind.Text, true),
        new("callee_id_number", "callee_id_number", CallFieldKind.Text, true),
        new("hangup_cause", "hangup_cause", CallFieldKind.Text, true),
        new("unanswered", "unanswered", CallFieldKind.Boolean, false),
        new("caller_zone_id", "caller_zone_id", CallFieldKind.Integer, true),
        new("callee_zone_id", "callee_zone_id", CallFieldKind.Integer, true),
    ];

    private static readonly Dictionary<string, CallField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field called <paramref name="name"/> (any case), or null.</summary>
    public static CallField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The field names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
