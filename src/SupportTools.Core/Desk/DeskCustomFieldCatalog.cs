using System.Text.Json;

namespace SupportTools.Desk;

/// <summary>
/// The site's case custom fields and their types, from <c>GET /api/v2/custom_fields</c> (a HAL list like the cases:
/// entries with <c>name</c>, <c>type</c> — case, customer or company — and <c>data.type</c>: string, list, integer,
/// boolean or date). Only the case fields count; the pages are followed through <c>_links.next</c>, at most
/// <see cref="MaxPages"/> of them.
/// </summary>
internal static class DeskCustomFieldCatalog
{
    public const string FirstPage = "/api/v2/custom_fields?page=1&per_page=100";
    public const int MaxPages = 50;

    public static async Task<IReadOnlyDictionary<string, DeskCustomFieldType>> LoadAsync(Uri baseUri,
        Func<Uri, CancellationToken, Task<JsonDocument>> fetch, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, DeskCustomFieldType>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var target = new Uri(baseUri, FirstPage);
        while (seen.Add(DeskCasePager.Key(target)) && seen.Count <= MaxPages)
        {
            using var document = await fetch(target, cancellationToken).ConfigureAwait(false);
            var page = DeskPage.Read(document.RootElement, target);
            for (var i = 0; i < page.Count; i++)
                if (Field(page.Entries[i]) is { } field) types[field.Name] = field.Type;
            if (page.NextHref is null || !Uri.TryCreate(target, page.NextHref, out var next)) break;
            target = next;
        }
        return types;
    }

    private static (string Name, DeskCustomFieldType Type)? Field(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || (entry.TryGetProperty("type", out var owner) && owner.ValueKind == JsonValueKind.String && owner.GetString() != "case"))
            return null;
        var data = entry.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var type = data?.ToLowerInvariant() switch
        {
            "string" or "text" => DeskCustomFieldType.Text,
            "list" => DeskCustomFieldType.List,
            "integer" or "number" => DeskCustomFieldType.Integer,
            "boolean" => DeskCustomFieldType.Boolean,
            "date" => DeskCustomFieldType.Date,
            _ => DeskCustomFieldType.Unknown,
        };
        return (name.GetString()!, type);
    }
}
