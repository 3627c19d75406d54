using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Close;

/// <summary>
/// A mock of the parts of Close's API the lead cmdlets use, with Close's shapes: basic auth with the API key as user
/// and an empty password (401 <c>{"error": …}</c> otherwise); <c>GET /api/v1/custom_field/lead/</c> paged with
/// <c>_skip</c>/<c>_limit</c>/<c>has_more</c>; <c>POST /api/v1/lead/</c> → 200 with the whole lead (<c>lead_…</c>,
/// <c>cont_…</c> ids, <c>custom.cf_…</c> values), or 400 <c>{"error": …, "field-errors": {…}}</c>;
/// <c>GET /api/v1/lead/{id}/</c>; <c>POST /api/v1/data/search/</c> (Advanced Filtering: <c>and</c>/<c>or</c>,
/// <c>object_type</c>, a <c>text</c> condition on the lead name, a <c>moment_range</c> on a date custom field,
/// <c>_fields</c>, <c>_limit</c> and an opaque <c>cursor</c>). It counts creations per name, so tests can assert that
/// every lead was created exactly once. Rate limits and faults come from the loopback server around it.
/// </summary>
public sealed class CloseMock
{
    /// <summary>The key the mock accepts unless told otherwise.</summary>
    public const string DefaultApiKey = "api_test_5x7yTeStKeY0123456789";

    private readonly object _lock = new();
    private readonly List<JsonObject> _leads = [];
    private readonly Dictionary<string, int> _creations = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Id, string Name, string Type)> _fields = [];
    private readonly List<Canned> _overrides = [];
    private long _sequence;

    /// <summary>A mock with the lead custom fields Revenue (number), Founded (date) and Industry (text).</summary>
    public CloseMock(string apiKey = DefaultApiKey)
    {
        ApiKey = apiKey;
        AddField("Revenue", "number");
        AddField("Founded", "date");
        AddField("Industry", "text");
    }

    /// <summary>The API key requests must carry.</summary>
    public string ApiKey { get; }

    /// <summary>How many leads each name was created as (case-insensitive).</summary>
    public IReadOnlyDictionary<string, int> Creations
    {
        get { lock (_lock) return new Dictionary<string, int>(_creations, StringComparer.OrdinalIgnoreCase); }
    }

    /// <summary>Every lead, as stored (copies).</summary>
    public IReadOnlyList<JsonObject> Leads
    {
        get { lock (_lock) return [.. _leads.Select(l => (JsonObject)l.DeepClone())]; }
    }

    /// <summary>The id of the lead custom field <paramref name="name"/>.</summary>
    public string FieldId(string name)
    {
        lock (_lock) return _fields.First(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Id;
    }

    /// <summary>Adds a lead custom field (<paramref name="type"/>: text, number, date) and returns its id.</summary>
    public string AddField(string name, string type)
    {
        lock (_lock)
        {
            var id = "cf_" + RandomId(43);
            _fields.Add((id, name, type));
            return id;
        }
    }

    /// <summary>Removes the lead custom field <paramref name="name"/> (to test a missing field).</summary>
    public void RemoveField(string name)
    {
        lock (_lock) _fields.RemoveAll(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Stores a lead as if created earlier (not counted as a creation); returns its id.</summary>
    public string Seed(string name, string? state = null, decimal? revenue = null, string? founded = null)
    {
        var lead = new JsonObject { ["name"] = name };
        if (state is not null) lead["addresses"] = new JsonArray(new JsonObject { ["state"] = state, ["country"] = "US" });
        if (revenue is not null) lead[$"custom.{FieldId("Revenue")}"] = revenue;
        if (founded is not null) lead[$"custom.{FieldId("Founded")}"] = founded;
        lock (_lock) return Store(lead, counted: false)["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Answers the next <paramref name="times"/> authorized requests to <paramref name="method"/> <paramref name="path"/>
    /// with <paramref name="status"/> and the JSON <paramref name="body"/> instead of handling them (nothing is stored):
    /// for shapes the real service has sent that the mock would not (a 429 whose <c>rate_reset</c> is text, a page of
    /// another shape, an id that is a number).
    /// </summary>
    public void Override(string method, string path, int status, string body, int times = 1)
    {
        lock (_lock) _overrides.Add(new Canned(method, path, status, body, times));
    }

    /// <summary>The custom-field list says <c>has_more</c> on every page and ignores <c>_skip</c> (a paging loop).</summary>
    public bool FieldsAlwaysHaveMore { get; set; }

    /// <summary>The search answers every page with the same cursor (a paging loop).</summary>
    public bool SearchCursorRepeats { get; set; }

    /// <summary>The user the key belongs to, as <c>GET /api/v1/me/</c> gives it.</summary>
    public string UserEmail { get; set; } = "support.engineer@example.com";

    /// <summary>Adds the endpoints.</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        // Close's GET /api/v1/me/ (developer.close.com/api/resources/users/get-me): the current user, _fields honoured.
        endpoints.MapGet("/api/v1/me/", (HttpRequest request) => Authorized(request, () => Results.Json(new JsonObject
        {
            ["id"] = "user_mock0123456789", ["email"] = UserEmail, ["first_name"] = "Support", ["last_name"] = "Engineer",
            ["organizations"] = new JsonArray(new JsonObject { ["id"] = "orga_mock", ["name"] = "Mock Org" }),
        })));
        endpoints.MapGet("/api/v1/custom_field/lead/", (HttpRequest request) => Authorized(request, () => ListFields(request)));
        endpoints.MapPost("/api/v1/lead/", async (HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Authorized(request, () => CreateLead(body));
        });
        endpoints.MapGet("/api/v1/lead/{id}/", (HttpRequest request, string id) => Authorized(request, () =>
        {
            lock (_lock)
                return _leads.FirstOrDefault(l => (string?)l["id"] == id) is { } lead
                    ? Results.Json(lead)
                    : Results.Json(new JsonObject { ["error"] = "Empty query: Lead matching query does not exist." }, statusCode: 404);
        }));
        endpoints.MapPost("/api/v1/data/search/", async (HttpRequest request) =>
        {
            var body = await ReadBody(request);
            return Authorized(request, () => Search(body));
        });
    }

    private static async Task<JsonNode?> ReadBody(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private IResult Authorized(HttpRequest request, Func<IResult> answer)
    {
        var header = request.Headers.Authorization.ToString();
        string? user = null, password = null;
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0) (user, password) = (pair[..colon], pair[(colon + 1)..]);
            }
            catch (FormatException)
            {
                // not base64: unauthorized below
            }
        }
        if (user == ApiKey && password == "")
        {
            lock (_lock)
            {
                var canned = _overrides.FirstOrDefault(c => c.Times > 0 && c.Method.Equals(request.Method, StringComparison.OrdinalIgnoreCase)
                    && c.Path.Equals(request.Path.Value, StringComparison.Ordinal));
                if (canned is not null)
                {
                    canned.Times--;
                    return Results.Content(canned.Body, "application/json", Encoding.UTF8, canned.Status);
                }
            }
            return answer();
        }
        return Results.Json(new JsonObject { ["error"] = "The API key is invalid or missing. Use HTTP basic auth with the key as the username and an empty password." }, statusCode: 401);
    }

    private IResult ListFields(HttpRequest request)
    {
        var skip = FieldsAlwaysHaveMore ? 0 : int.TryParse(request.Query["_skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var limit = int.TryParse(request.Query["_limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 100;
        lock (_lock)
        {
            var page = _fields.Skip(skip).Take(limit).Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id, ["name"] = f.Name, ["type"] = f.Type, ["accepts_multiple_values"] = false,
                ["description"] = "", ["organization_id"] = "orga_mock",
            });
            return Results.Json(new JsonObject { ["data"] = new JsonArray([.. page]), ["has_more"] = FieldsAlwaysHaveMore || skip + limit < _fields.Count });
        }
    }

    private IResult CreateLead(JsonNode? body)
    {
        if (body is not JsonObject lead)
            return Results.Json(new JsonObject { ["error"] = "Invalid JSON body." }, statusCode: 400);
        var errors = new JsonObject();
        if (lead["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(nameValue.GetValue<string>()))
            errors["name"] = "This field is required.";
        lock (_lock)
        {
            foreach (var (key, value) in lead)
            {
                if (!key.StartsWith("custom.", StringComparison.Ordinal)) continue;
                var field = _fields.FirstOrDefault(f => f.Id == key["custom.".Length..]);
                if (field.Id is null) errors[key] = "Unknown custom field.";
                else if (field.Type == "number" && value?.GetValueKind() != JsonValueKind.Number) errors[key] = "Enter a number.";
                else if (field.Type == "date" && !(value?.GetValueKind() == JsonValueKind.String
                         && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                    errors[key] = "Enter a valid date.";
            }
            foreach (var contact in (lead["contacts"] as JsonArray ?? []).OfType<JsonObject>())
                foreach (var email in (contact["emails"] as JsonArray ?? []).OfType<JsonObject>())
                    if (((string?)email["email"])?.Contains('@', StringComparison.Ordinal) != true) errors["contacts"] = "Enter a valid email address.";
            if (errors.Count > 0)
                return Results.Json(new JsonObject { ["error"] = "Validation error", ["field-errors"] = errors }, statusCode: 400);
            return Results.Json(Store((JsonObject)lead.DeepClone(), counted: true));
        }
    }

    /// <summary>Completes a lead as Close does (ids, dates, status, display name) and stores it; call under the lock.</summary>
    private JsonObject Store(JsonObject lead, bool counted)
    {
        var name = (string)lead["name"]!;
        var now = DateTimeOffset.UtcNow.AddTicks(Interlocked.Increment(ref _sequence)).ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", CultureInfo.InvariantCulture);
        var id = "lead_" + RandomId(43);
        lead["id"] = id;
        lead["display_name"] = name;
        lead["status_id"] = "stat_mockPotential";
        lead["status_label"] = "Potential";
        lead["organization_id"] = "orga_mock";
        lead["date_created"] = now;
        lead["date_updated"] = now;
        lead["html_url"] = $"https://app.close.com/lead/{id}/";
        lead["description"] ??= "";
        lead["url"] ??= null;
        lead["tasks"] = new JsonArray();
        lead["opportunities"] = new JsonArray();
        lead["addresses"] ??= new JsonArray();
        var contacts = lead["contacts"] as JsonArray ?? [];
        foreach (var contact in contacts.OfType<JsonObject>())
        {
            contact["id"] = "cont_" + RandomId(43);
            contact["lead_id"] = id;
            contact["organization_id"] = "orga_mock";
            contact["date_created"] = now;
            foreach (var email in (contact["emails"] as JsonArray ?? []).OfType<JsonObject>())
                email["email_lower"] = ((string?)email["email"])?.ToLowerInvariant();
            foreach (var phone in (contact["phones"] as JsonArray ?? []).OfType<JsonObject>())
                phone["phone_formatted"] = (string?)phone["phone"];
        }
        lead["contacts"] = contacts;
        _leads.Add(lead);
        if (counted) _creations[name] = _creations.GetValueOrDefault(name) + 1;
        return (JsonObject)lead.DeepClone();
    }

    private IResult Search(JsonNode? body)
    {
        if (body is not JsonObject request || request["query"] is not JsonObject query)
            return Results.Json(new JsonObject { ["error"] = "Invalid query: 'query' is required." }, statusCode: 400);
        var limit = request["_limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? Math.Clamp(n, 1, 200) : 10;
        var offset = 0;
        if (request["cursor"] is JsonValue c && c.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(c.GetValue<string>())), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return Results.Json(new JsonObject { ["error"] = "Invalid cursor." }, statusCode: 400);
            }
        }
        var fields = (request["_fields"]?["lead"] as JsonArray)?.Select(f => (string)f!).ToList();
        lock (_lock)
        {
            bool Matches(JsonObject lead) => Evaluate(query, lead);
            var matches = _leads.Where(Matches).ToList();
            var page = matches.Skip(offset).Take(limit).Select(lead => (JsonNode)Project(lead, fields)).ToList();
            var next = offset + page.Count < matches.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture))) : null;
            if (SearchCursorRepeats) next = Convert.ToBase64String(Encoding.UTF8.GetBytes("0"));
            return Results.Json(new JsonObject { ["data"] = new JsonArray([.. page]), ["cursor"] = next });
        }
    }

    private static JsonObject Project(JsonObject lead, List<string>? fields)
    {
        var result = new JsonObject { ["__object_type"] = "lead" };
        foreach (var (key, value) in lead)
            if (fields is null || fields.Contains(key) || key == "id")
                result[key] = value?.DeepClone();
        return result;
    }

    private static bool Evaluate(JsonObject query, JsonObject lead)
    {
        var type = (string?)query["type"];
        switch (type)
        {
            case "and": return (query["queries"] as JsonArray ?? []).OfType<JsonObject>().All(q => Evaluate(q, lead));
            case "or": return (query["queries"] as JsonArray ?? []).OfType<JsonObject>().Any(q => Evaluate(q, lead));
            case "object_type": return (string?)query["object_type"] == "lead";
            case "field_condition":
                var field = query["field"] as JsonObject;
                var condition = query["condition"] as JsonObject;
                var value = (string?)field?["type"] switch
                {
                    "regular_field" => lead[(string)field!["field_name"]!],
                    "custom_field" => lead[$"custom.{(string?)field!["custom_field_id"]}"],
                    _ => null,
                };
                return (string?)condition?["type"] switch
                {
                    "text" => value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                              && text.GetValue<string>().Contains((string)condition!["value"]!, StringComparison.OrdinalIgnoreCase),
                    "moment_range" => value is JsonValue date && date.GetValueKind() == JsonValueKind.String
                                      && DateOnly.TryParseExact(date.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                                      && InRange(day, condition!),
                    _ => false,
                };
            default: return false;
        }
    }

    /// <summary><c>on_or_after</c> the start of its day and <c>before</c> the start (<c>which: start</c>) or end (<c>which: end</c>) of its day.</summary>
    private static bool InRange(DateOnly day, JsonObject range)
    {
        static (DateOnly Day, bool End)? Bound(JsonNode? node) =>
            node is JsonObject bound && DateOnly.TryParseExact((string?)bound["value"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? (d, (string?)bound["which"] == "end") : null;
        if (Bound(range["on_or_after"]) is { } start && day < start.Day) return false;
        if (Bound(range["before"]) is { } end && (end.End ? day > end.Day : day >= end.Day)) return false;
        return true;
    }

    private static string RandomId(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    private sealed class Canned(string method, string path, int status, string body, int times)
    {
        public string Method { get; } = method;
        public string Path { get; } = path;
        public int Status { get; } = status;
        public string Body { get; } = body;
        public int Times { get; set; } = times;
    }
}
