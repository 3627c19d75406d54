using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// The Close endpoints the lead cmdlets use, on the module's one HTTP client (<see cref="ServiceClient"/>): the current
/// user (<c>GET /api/v1/me/</c>), lead custom fields (<c>GET /api/v1/custom_field/lead/</c>, paged with
/// <c>_skip</c>/<c>_limit</c>/<c>has_more</c>), lead creation (<c>POST /api/v1/lead/</c>) made exactly-once by looking
/// the lead up by name after an ambiguous failure, and Advanced Filtering (<c>POST /api/v1/data/search/</c>, cursor
/// paging, <c>_fields</c>) for look-ups by name and founding-date ranges. Searches are reads, so they are sent as
/// idempotent requests (retried freely). Every answer is read by its documented shape (<see cref="CloseAnswer"/>) and
/// every paged read is guarded against servers that never stop (<see cref="PagingGuard"/>).
/// </summary>
internal sealed class CloseApi(ServiceClient client)
{
    internal const string MePath = "/api/v1/me/";
    internal const string CustomFieldsPath = "/api/v1/custom_field/lead/";
    internal const string LeadPath = "/api/v1/lead/";
    internal const string SearchPath = "/api/v1/data/search/";
    private const int PageSize = 100, SearchPageSize = 200;

    /// <summary>Pages of custom fields read at most: 10,000 fields, far more than an organisation has.</summary>
    internal const int MaxFieldPages = 100;

    /// <summary>Pages of a search read at most: 20 million leads.</summary>
    internal const int MaxSearchPages = 100_000;

    /// <summary>The service name in verbose lines and errors.</summary>
    public const string ServiceName = "Close";

    /// <summary>The e-mail address (else the id) of the user the key belongs to: proves the key and address work.</summary>
    public async Task<string> MeAsync(CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(new ServiceRequest(HttpMethod.Get, $"{MePath}?_fields=id,email"), cancellationToken).ConfigureAwait(false);
        using var me = CloseAnswer.Object(response);
        return CloseAnswer.OptionalText(me.RootElement, "email") is { Length: > 0 } email
            ? email
            : CloseAnswer.Text(response, me.RootElement, "id", "the current user");
    }

    /// <summary>Every lead custom field: (id, name).</summary>
    public async Task<List<(string Id, string Name)>> CustomFieldsAsync(CancellationToken cancellationToken)
    {
        var fields = new List<(string, string)>();
        var guard = new PagingGuard(MaxFieldPages);
        for (var skip = 0; ; skip += PageSize)
        {
            var response = await client.SendAsync(new ServiceRequest(HttpMethod.Get, $"{CustomFieldsPath}?_skip={skip}&_limit={PageSize}&_fields=id,name"),
                cancellationToken).ConfigureAwait(false);
            using var page = CloseAnswer.Object(response);
            var data = CloseAnswer.Array(response, page.RootElement, "data");
            foreach (var field in data.EnumerateArray())
                fields.Add((CloseAnswer.Text(response, field, "id", "a custom field"), CloseAnswer.OptionalText(field, "name") ?? ""));
            var more = page.RootElement.TryGetProperty("has_more", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (data.GetArrayLength() == 0 || !more)
                return fields;
            guard.Check(response, data.GetRawText(), null);
        }
    }

    /// <summary>The id of the lead named exactly <paramref name="name"/> (ignoring case), or null.</summary>
    public async Task<string?> FindLeadAsync(string name, CancellationToken cancellationToken) =>
        (await FindLeadsAsync([name], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(name);

    /// <summary>
    /// The ids of the leads named exactly like <paramref name="names"/> (ignoring case), by name, in one search (an
    /// <c>or</c> of phrase conditions on the lead name). A phrase also finds longer names that contain it: the exact
    /// ones are picked here. When Close has several leads of one name, the first found is given.
    /// </summary>
    public async Task<Dictionary<string, string>> FindLeadsAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) return found;
        var conditions = new JsonArray([.. wanted.Select(name => (JsonNode)new JsonObject
        {
            ["type"] = "field_condition",
            ["field"] = new JsonObject { ["type"] = "regular_field", ["object_type"] = "lead", ["field_name"] = "name" },
            ["condition"] = new JsonObject { ["type"] = "text", ["mode"] = "phrase", ["value"] = name },
        })]);
        var query = new JsonObject
        {
            ["type"] = "and",
            ["queries"] = new JsonArray(new JsonObject { ["type"] = "object_type", ["object_type"] = "lead" }, new JsonObject { ["type"] = "or", ["queries"] = conditions }),
        };
        await foreach (var (lead, response) in SearchAsync(query, ["id", "name"], cancellationToken).ConfigureAwait(false))
            if (CloseAnswer.OptionalText(lead, "name") is { } name && wanted.Contains(name) && !found.ContainsKey(name))
                found[name] = CloseAnswer.Text(response, lead, "id", $"the lead '{name}'");
        return found;
    }

    /// <summary>
    /// Creates the lead <paramref name="body"/> and returns its id. After a failure that leaves open whether Close
    /// created it, the lead is looked up by name before anything is sent again, and once more when the create fails
    /// for good, so it is never created twice and never reported "not created" when it was. When that look-up fails
    /// too, throws <see cref="CloseLeadOutcomeUnknownException"/>.
    /// </summary>
    public async Task<string> CreateLeadAsync(string name, JsonObject body, CancellationToken cancellationToken)
    {
        var ambiguous = false;
        var request = new ServiceRequest(HttpMethod.Post, LeadPath)
        {
            Body = body,
            Reconcile = async token =>
            {
                ambiguous = true;
                var id = await LookUpAfterAsync(name, null, token).ConfigureAwait(false);
                return id is null ? null : ServiceResponse.Synthetic(HttpMethod.Post, new Uri(LeadPath, UriKind.Relative), 200,
                    Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["name"] = name }.ToJsonString()));
            },
        };
        ServiceResponse response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException failure) when (ambiguous || MayHaveActed(failure))
        {
            // The last attempt (or an earlier one) may have created it: one more look, now that the server had time.
            if (await LookUpAfterAsync(name, failure, cancellationToken).ConfigureAwait(false) is { } id) return id;
            throw;
        }
        try
        {
            using var lead = CloseAnswer.Object(response);
            return CloseAnswer.Text(response, lead.RootElement, "id", $"the created lead '{name}'");
        }
        catch (ServiceException unreadable)
        {
            // A 2xx says Close acted: the lead exists even though its id could not be read from the answer.
            if (await LookUpAfterAsync(name, unreadable, cancellationToken).ConfigureAwait(false) is { } id) return id;
            throw;
        }
    }

    /// <summary>The lead's id when a look-up finds it, null when it does not; unknown (an exception) when the look-up fails.</summary>
    private async Task<string?> LookUpAfterAsync(string name, ServiceException? createFailure, CancellationToken cancellationToken)
    {
        try
        {
            return await FindLeadAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException lookup) when (lookup.Failure is not (ServiceFailure.Authentication or ServiceFailure.PermissionDenied))
        {
            throw new CloseLeadOutcomeUnknownException(name, createFailure, lookup);
        }
    }

    /// <summary>
    /// Whether a create that failed this way may still have been carried out: the request was sent and no complete
    /// answer said otherwise (a timeout, a broken connection, a 500/502/504, an unreadable 2xx). Not after a refused
    /// connection, a 4xx, a 429 or a 503.
    /// </summary>
    internal static bool MayHaveActed(ServiceException failure) => failure.Failure switch
    {
        // An answer that was too large, or a redirect (a 303 after a create), came after the server read the request.
        ServiceFailure.Ambiguous or ServiceFailure.Timeout or ServiceFailure.InvalidResponse
            or ServiceFailure.ResponseTooLarge or ServiceFailure.RedirectRefused => true,
        ServiceFailure.ServerError => failure.StatusCode is not 503,
        ServiceFailure.Network => failure.InnerException is not HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        },
        _ => false,
    };

    /// <summary>
    /// The leads whose custom field <paramref name="foundedFieldId"/> lies between <paramref name="from"/> and
    /// <paramref name="to"/> (both inclusive, either open), with name, addresses and the given custom fields in the
    /// same answer (<c>_fields</c>), page by page (cursor).
    /// </summary>
    public async IAsyncEnumerable<JsonElement> LeadsFoundedAsync(string foundedFieldId, DateOnly? from, DateOnly? to, IReadOnlyList<string> customFieldIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
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
        await foreach (var (lead, _) in SearchAsync(query, ["id", "name", "addresses", .. customFieldIds.Select(id => $"custom.{id}")], cancellationToken)
                           .ConfigureAwait(false))
            yield return lead;
    }

    private static JsonObject LocalDate(DateOnly date, string which) => new()
    {
        ["type"] = "fixed_local_date",
        ["value"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["which"] = which,
    };

    /// <summary>
    /// Advanced Filtering over leads, following the cursor until Close returns none; each lead with the answer it came
    /// in (to name the URL when the lead is not what Close sends). A repeated cursor or page stops it.
    /// </summary>
    private async IAsyncEnumerable<(JsonElement Lead, ServiceResponse Response)> SearchAsync(JsonObject query, IReadOnlyList<string> fields,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var guard = new PagingGuard(MaxSearchPages);
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
            List<JsonElement> leads;
            using (var page = CloseAnswer.Object(response))
            {
                var data = CloseAnswer.Array(response, page.RootElement, "data");
                cursor = page.RootElement.TryGetProperty("cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                if (string.IsNullOrEmpty(cursor)) cursor = null;
                else guard.Check(response, data.GetRawText(), cursor);
                // Every search asks for the id: a lead without a text id is not what Close sends.
                leads = [.. data.EnumerateArray().Select(item => CloseAnswer.Text(response, item, "id", "a lead in the search results") is not null ? item.Clone() : default)];
            }
            foreach (var lead in leads)
                yield return (lead, response);
        }
        while (cursor is not null);
    }
}
