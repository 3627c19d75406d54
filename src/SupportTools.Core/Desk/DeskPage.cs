using System.Text.Json;

namespace SupportTools.Desk;

/// <summary>
/// One HAL page of a Desk list: <c>total_entries</c>, the entries under <c>_embedded.entries</c> (none when
/// <c>_embedded</c> is missing or null) and the href of <c>_links.next</c> (null or absent on the last page). Any member
/// of <c>_links</c> may be null. Reads the parsed page in place: nothing is copied, so the page costs only its document.
/// </summary>
internal readonly struct DeskPage
{
    private DeskPage(long? totalEntries, JsonElement entries, string? nextHref)
    {
        TotalEntries = totalEntries;
        Entries = entries;
        NextHref = nextHref;
    }

    /// <summary>How many entries the whole list has, when the page says.</summary>
    public long? TotalEntries { get; }

    /// <summary>The page's entries (an array), or <c>default</c> when it has none.</summary>
    public JsonElement Entries { get; }

    /// <summary>How many entries this page holds.</summary>
    public int Count => Entries.ValueKind == JsonValueKind.Array ? Entries.GetArrayLength() : 0;

    /// <summary>The next page's href as given (relative or absolute), or null on the last page.</summary>
    public string? NextHref { get; }

    /// <summary>Reads the page at <paramref name="pageUri"/>; a <see cref="DeskPageException"/> says what is wrong with it.</summary>
    public static DeskPage Read(JsonElement root, Uri pageUri)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Invalid(pageUri, $"expected a JSON object (a HAL page), found {Describe(root)}.");

        long? total = null;
        if (root.TryGetProperty("total_entries", out var totalElement) && totalElement.ValueKind != JsonValueKind.Null)
        {
            if (totalElement.ValueKind != JsonValueKind.Number || !totalElement.TryGetInt64(out var value) || value < 0)
                throw Invalid(pageUri, $"'total_entries' should be a whole number, found {Describe(totalElement)}.");
            total = value;
        }

        var entries = default(JsonElement);
        if (root.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind != JsonValueKind.Null)
        {
            if (embedded.ValueKind != JsonValueKind.Object)
                throw Invalid(pageUri, $"'_embedded' should be an object, found {Describe(embedded)}.");
            if (embedded.TryGetProperty("entries", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                    throw Invalid(pageUri, $"'_embedded.entries' should be a list, found {Describe(list)}.");
                entries = list;
            }
        }

        return new DeskPage(total, entries, Href(root, "next", pageUri, "_links"));
    }

    /// <summary>
    /// The href of link <paramref name="rel"/> under <paramref name="owner"/>'s <c>_links</c>: null when <c>_links</c>,
    /// the link or its href is missing or null. <paramref name="where"/> names the owner in messages.
    /// </summary>
    public static string? Href(JsonElement owner, string rel, Uri pageUri, string where)
    {
        if (!owner.TryGetProperty("_links", out var links) || links.ValueKind == JsonValueKind.Null) return null;
        if (links.ValueKind != JsonValueKind.Object)
            throw Invalid(pageUri, $"'{where}' should be an object, found {Describe(links)}.");
        if (!links.TryGetProperty(rel, out var link) || link.ValueKind == JsonValueKind.Null) return null;
        if (link.ValueKind != JsonValueKind.Object)
            throw Invalid(pageUri, $"'{where}.{rel}' should be an object with an href, found {Describe(link)}.");
        if (!link.TryGetProperty("href", out var href) || href.ValueKind == JsonValueKind.Null) return null;
        if (href.ValueKind != JsonValueKind.String)
            throw Invalid(pageUri, $"'{where}.{rel}.href' should be a string, found {Describe(href)}.");
        var text = href.GetString();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>What a JSON value is, for messages (never the whole value: it may be large).</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"a string \"{Cut(element.GetString()!)}\"",
        JsonValueKind.Number => "the number " + Cut(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Cut(string text) => text.Length <= 30 ? text : text[..30] + "…";

    private static DeskPageException Invalid(Uri pageUri, string reason) => new(DeskPageProblem.InvalidPage, pageUri, reason);
}
