namespace SupportTools.Calls;

/// <summary>
/// A CDR field a filter may name: the whitelist that maps each field to its <c>call_records</c> column. Field names
/// never reach SQL any other way: an unknown name is an error, and a known one is replaced by this column name.
/// </summary>
/// <param name="Name">The CDR field name (as in the Kazoo service's filters).</param>
/// <param name="Column">The column in <c>call_records</c> (named after the field).</param>
/// <param name="Kind">What the field holds.</param>
/// <param name="Nullable">Whether the column may be NULL (is_null/is_not_null make sense).</param>
internal sealed record CallFilterField(string Name, string Column, CallFilterFieldKind Kind, bool Nullable)
{
    /// <summary>Every field of a call record, in the SPEC's order.</summary>
    public static IReadOnlyList<CallFilterField> All { get; } =
    [
        new("call_id", "call_id", CallFilterFieldKind.Text, false),
        new("call_time", "call_time", CallFilterFieldKind.Time, false),
        new("call_direction", "call_direction", CallFilterFieldKind.Text, true),
        new("duration_seconds", "duration_seconds", CallFilterFieldKind.Integer, false),
        new("billing_seconds", "billing_seconds", CallFilterFieldKind.Integer, false),
        new("ringing_seconds", "ringing_seconds", CallFilterFieldKind.Integer, false),
        new("caller_id_number", "caller_id_number", CallFilterFieldKind.Text, true),
        new("caller_id_name", "caller_id_name", CallFilterFieldKind.Text, true),
        new("callee_id_number", "callee_id_number", CallFilterFieldKind.Text, true),
        new("hangup_cause", "hangup_cause", CallFilterFieldKind.Text, true),
        new("unanswered", "unanswered", CallFilterFieldKind.Boolean, false),
        new("caller_zone_id", "caller_zone_id", CallFilterFieldKind.Integer, true),
        new("callee_zone_id", "callee_zone_id", CallFilterFieldKind.Integer, true),
        // The call a leg belongs to (NULL for a leg that links nothing) and a call's legs (1 for each leg read with -Leg):
        // every relation a read names has both columns (see CallSource).
        new("interaction_id", "interaction_id", CallFilterFieldKind.Text, true),
        new("legs", "legs", CallFilterFieldKind.Integer, false),
    ];

    private static readonly Dictionary<string, CallFilterField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field called <paramref name="name"/> (any case), or null.</summary>
    public static CallFilterField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The field names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
