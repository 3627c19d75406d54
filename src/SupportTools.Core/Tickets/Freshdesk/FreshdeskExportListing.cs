using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Tickets.Freshdesk;

/// <summary>
/// Reads the answer of <c>GET /api/v2/export/ticket_activities?created_at=YYYY-MM-DD</c>: the links of the day's
/// export files. Freshdesk's controller answers <c>{"export":[{"created_at":…,"url":…}]}</c>, one entry per file
/// (Freshdesk's source, ExportController#ticket_activities and views/export/ticket_activities.json.api); accounts from
/// before that list answered one object, <c>{"export":{"url":…}}</c>. Both are read; anything else is an answer of the
/// wrong shape, named by its URL.
/// </summary>
internal static class FreshdeskExportListing
{
    /// <summary>The file links, in the order listed (empty when the list is).</summary>
    public static IReadOnlyList<Uri> Read(ServiceResponse response)
    {
        using var json = response.ParseJson();
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("export", out var export))
            throw Invalid(response, "it has no \"export\" member");
        return export.ValueKind switch
        {
            JsonValueKind.Array => [.. export.EnumerateArray().Select((entry, i) => Link(response, entry, $"export[{i}]"))],
            JsonValueKind.Object => [Link(response, export, "export")],
            JsonValueKind.Null => [],
            _ => throw Invalid(response, $"\"export\" is {export.ValueKind.ToString().ToLowerInvariant()}, not a list of files"),
        };
    }

    private static Uri Link(ServiceResponse response, JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
            throw Invalid(response, $"{where} has no \"url\"");
        if (!Uri.TryCreate(url.GetString(), UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https") || link.UserInfo.Length > 0)
            throw Invalid(response, $"{where}.url is not an http(s) link");
        return link;
    }

    private static ServiceException Invalid(ServiceResponse response, string why) =>
        new(ServiceFailure.InvalidResponse, "Freshdesk", response.Method, response.RequestUri, response.StatusCode, response.Attempts,
            $"the answer is not an export listing ({why}; expected {{\"export\":[{{\"created_at\":…,\"url\":…}}]}})");
}
