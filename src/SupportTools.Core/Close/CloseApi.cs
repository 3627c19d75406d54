using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// The Close endpoints the lead cmdlets use, on the module's one HTTP client (<see cref="ServiceClient"/>): lead custom
/// fields (<c>GET /api/v1/custom_field/lead/</c>, paged with <c>_skip</c>/<c>_limit</c>/<c>has_more</c>), lead creation
/// (<c>POST /api/v1/lead/</c>) made exactly-once by looking the lead up by name after an ambiguous failure, and
/// Advanced Filtering (<c>POST /api/v1/data/search/</c>, cursor paging, <c>_fields</c>) for lookups by name and
/// founding-date ranges. Searches are reads, so they are sent as idempotent requests (retried freely).
/// </summary>
internal sealed class CloseApi(ServiceClient client)
{
    internal const string CustomFieldsPath = "/api/v1/custom_field/lead/";
    internal const string LeadPath = "/api/v1/lead/";
    internal const string SearchPath = "/api/v1/data/search/";
    private const int PageSize = 100, SearchPageSize = 200;

    /// <summary>The service name in verbose lines and errors.</summary>
    public const string ServiceName = "Close";

    /// <summary>Every lead custom field: (id, name).</summary>
    public async Task<List<(string Id, string Name)>> CustomFieldsAsync(CancellationToken cancellationToken)
    {
        var fields = new List<(string, string)>();
        for (var skip = 0; ; skip += PageSize)
        {
            using var page = await client.GetJsonAsync($"{CustomFieldsPath}?_skip={skip}&_limit={PageSize}&_fields=id,name", cancellationToken).ConfigureAwait(false);
            var data = page.RootElement.GetProperty("data");
            foreach (var field in data.EnumerateArray())
                if (field.TryGetProperty("id", out var id) && field.TryGetProperty("name", out var name))
                    fields.Add((id.GetString()!, name.GetString() ?? ""));
            if (data.GetArrayLength() == 0 || !(page.RootElement.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True))
                return fields;
        }
    }

    /// <summary>The id of the lead named exactly <paramref name="name"/> (ignoring case), or null.</summary>
    public async Task<string?> FindLeadAsync(string name, CancellationToken cancellationToken)
    {
        var query = new JsonObject
        {
            ["type"] = "field_condition",
            ["field"] = new JsonObject { ["type"] = "regular_field", ["object_type"] = "lead", ["field_name"] = "name" },
            ["condition"] = new JsonObject { ["type"] = "text", ["mode"] = "phrase", ["value"] = name },
        };
        // A phrase search also finds longer names that contain it: the exact one is picked here.
        await foreach (var lead in SearchAsync(query, ["id", "name"], cancellationToken).ConfigureAwait(false))
            if (string.Equals(lead.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                return lead.GetProperty("id").GetString();
        return null;
    }

    /// <summary>
    /// Creates the lead <paramref name="body"/> and returns its id. After a failure that leaves open whether Close
    /// created it, the lead is looked up by name before anything is sent again, so it is never created twice.
    /// </summary>
    public async Task<string> CreateLeadAsync(string name, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new ServiceRequest(HttpMethod.Post, LeadPath)
        {
            Body = body,
            Reconcile = async token =>
            {
                var id = await FindLeadAsync(name, token).ConfigureAwait(false);
                return id is null ? null : ServiceResponse.Synthetic(HttpMethod.Post, new Uri(LeadPath, UriKind.Relative), 200,
                    Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["name"] = name }.ToJsonString()));
            },
        };
        var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        using var lead = response.ParseJson();
        return lead.RootElement.TryGetProperty("id", out var leadId) && leadId.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"Close answered the creation of '{name}' without a lead id.");
    }

    /// <summary>
    /// The leads whose custom field <paramref name="foundedFieldId"/> lies between <paramref name="from"/> and
    /// <paramref name="to"/> (both inclusive, either open), with name, addresses and the given custom fields in the
    /// same answer (<c>_fields</c>), page by page (cursor).
    /// </summary>
    public IAsyncEnumerable<JsonElement> LeadsFoundedAsync(string foundedFieldId, DateOnly? from, DateOnly? to, IReadOnlyList<string> customFieldIds,
        CancellationToken cancellationToken)
    {
        var queries = new JsonArray(new JsonObject { ["type"] = "object_type", ["object_type"] = "lead" });
        if (from is not null || to is not null)
        {
            var range = new JsonObject { ["type"] = "moment_range" };
            if (from is { } start) range["on_or_after"] = LocalDate(start, "start");
            if (to is { } end) range["before"] = LocalDate(end, "end");
            queries.Add(new JsonObject
            {
                ["type"] = "field_condition",
                ["field"] = new JsonObject { ["type"] = "custom_field", ["custom_field_id"] = foundedFieldId },
                ["condition"] = range,
            });
        }
        var query = new JsonObject { ["type"] = "and", ["queries"] = queries };
        return SearchAsync(query, ["id", "name", "addresses", .. customFieldIds.Select(id => $"custom.{id}")], cancellationToken);
    }

    private static JsonObject LocalDate(DateOnly date, string which) => new()
    {
        ["type"] = "fixed_local_date",
        ["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["which"] = which,
    };

    /// <summary>Advanced Filtering over leads, following the cursor until Close returns none.</summary>
    private async IAsyncEnumerable<JsonElement> SearchAsync(JsonObject query, IReadOnlyList<string> fields,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var body = new JsonObject
            {
                ["query"] = query.DeepClone(),
                ["_fields"] = new JsonObject { ["lead"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]) },
                ["_limit"] = SearchPageSize,
            };
            if (cursor is not null) body["cursor"] = cursor;
            var response = await client.SendAsync(new ServiceRequest(HttpMethod.Post, SearchPath) { Body = body, IsIdempotent = true }, cancellationToken)
                .ConfigureAwait(false);
            using var page = response.ParseJson();
            foreach (var item in page.RootElement.GetProperty("data").EnumerateArray())
                yield return item.Clone();
            cursor = page.RootElement.TryGetProperty("cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(cursor));
    }
}
