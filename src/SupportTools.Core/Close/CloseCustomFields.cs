namespace SupportTools.Close;

/// <summary>
/// Which Close custom field holds each column: the field of the same name (case-insensitive), or the one
/// <c>-CustomFieldMap</c> names. All columns are resolved at once, so every missing field is named in one error.
/// </summary>
internal static class CloseCustomFields
{
    /// <summary>Column → field id for <paramref name="columns"/>; <see cref="CloseFieldNotFoundException"/> when any is missing.</summary>
    public static Dictionary<string, string> Resolve(IEnumerable<string> columns, IReadOnlyList<(string Id, string Name)> fields,
        IReadOnlyDictionary<string, string>? customFieldMap)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<(string, string)>();
        foreach (var column in columns.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var name = customFieldMap?.GetValueOrDefault(column) is { Length: > 0 } mapped ? mapped : column;
            var field = fields.FirstOrDefault(f => string.Equals(f.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (field.Id is null) missing.Add((column, name));
            else ids[column] = field.Id;
        }
        if (missing.Count > 0) throw new CloseFieldNotFoundException(missing, [.. fields.Select(f => f.Name)]);
        return ids;
    }
}
