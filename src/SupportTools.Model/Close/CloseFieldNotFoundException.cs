namespace SupportTools.Close;

/// <summary>
/// Lead custom fields the input needs but Close does not have (by name, case-insensitive): raised before any lead is
/// created. Names the columns, the field names looked for, and the fields Close has.
/// </summary>
public sealed class CloseFieldNotFoundException : SupportToolsException
{
    internal CloseFieldNotFoundException(IReadOnlyList<(string Column, string Field)> missing, IReadOnlyList<string> available)
        : base(Describe(missing, available))
    {
        Missing = [.. missing.Select(m => m.Field)];
    }

    /// <summary>The custom field names that were not found.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <inheritdoc />
    public override string ErrorId => ErrorIds.CloseCustomFieldNotFound;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.ObjectNotFound;

    /// <summary>The missing field names, comma-separated.</summary>
    public override object? Target => string.Join(", ", Missing);

    private static string Describe(IReadOnlyList<(string Column, string Field)> missing, IReadOnlyList<string> available)
    {
        var which = string.Join(", ", missing.Select(m => string.Equals(m.Column, m.Field, StringComparison.OrdinalIgnoreCase)
            ? $"'{m.Field}'" : $"'{m.Field}' (for column {m.Column})"));
        var has = available.Count == 0 ? "none" : string.Join(", ", available.Select(a => $"'{a}'"));
        return $"Close has no lead custom field {which}. Create it in Close (Settings > Custom Fields) or name an existing one with " +
               $"-CustomFieldMap @{{{missing[0].Column}='<field name>'}}. Lead custom fields in Close: {has}. No lead was created.";
    }
}
