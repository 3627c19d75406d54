using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Kazoo;

/// <summary>
/// A Kazoo crossbar serving one account's CDRs in the shapes of 2600hz/kazoo 4.3:
/// <c>PUT /v2/api_auth</c> (<c>{"data":{"api_key":…}}</c>) and <c>PUT /v2/user_auth</c>
/// (<c>{"data":{"credentials":md5("user:password"),"account_name":…}}</c>) answer 201 with an <c>auth_token</c> and
/// <c>data.account_id</c> (applications/crossbar/doc/api_authentication.md, cb_user_auth.erl);
/// <c>GET /v2/accounts/{id}/cdrs?created_from=&amp;created_to=&amp;page_size=&amp;start_key=</c> (Gregorian seconds)
/// wants <c>X-Auth-Token</c> and answers newest first, <c>{"data":[rows],"page_size":n,"start_key":…,"next_start_key":…,
/// "status":"success"}</c> with rows as <see cref="MockKazooCdr"/> writes them, and refuses a range longer than
/// <see cref="KazooMockOptions.MaxRangeSeconds"/> with crossbar_view's 400 (<c>data.created_from.date_range.message</c>
/// "created_to … is more than … seconds from created_from …"). Errors use crossbar's envelope
/// (<c>"error":"401","message":…,"status":"error"</c>).
/// </summary>
public sealed class KazooMock
{
    private readonly KazooMockOptions _options;
    private readonly ConcurrentDictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>A crossbar as <paramref name="options"/> describe it.</summary>
    public KazooMock(KazooMockOptions options)
    {
        _options = options;
        Generator = new KazooCdrGenerator(options.Cdrs, options.Start, options.Span, options.Seed, options.AccountId);
    }

    /// <summary>The account's CDRs.</summary>
    public KazooCdrGenerator Generator { get; }

    /// <summary>How many tokens were issued.</summary>
    public int TokensIssued => _tokens.Count;

    /// <summary>Adds the endpoints (pass as the map of <see cref="LoopbackServer.StartAsync"/>).</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/v2/api_auth", async (HttpRequest request) => Authenticate(await Data(request), api: true));
        endpoints.MapPut("/v2/user_auth", async (HttpRequest request) => Authenticate(await Data(request), api: false));
        endpoints.MapGet("/v2/accounts/{accountId}/cdrs", (HttpRequest request, string accountId) => Cdrs(request, accountId));
    }

    private static async Task<JsonElement?> Data(HttpRequest request)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private IResult Authenticate(JsonElement? data, bool api)
    {
        if (data is not { } given)
            return Error(400, "invalid request", new Dictionary<string, object> { ["data"] = new { required = new { message = "Field is required but missing" } } });
        string? Text(string name) => given.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (api)
        {
            if (Text("api_key") != _options.ApiKey) return Error(401, "invalid_credentials", new Dictionary<string, object> { ["message"] = "invalid credentials" });
        }
        else
        {
            if (Text("account_name") is null)
                return Error(400, "validation error", new Dictionary<string, object> { ["account_name"] = new { required = new { message = "Field is required but missing" } } });
            var expected = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_options.User + ":" + _options.Password))).ToLowerInvariant();
            if (Text("credentials") != expected || !string.Equals(Text("account_name"), _options.AccountName, StringComparison.OrdinalIgnoreCase))
                return Error(401, "invalid_credentials", new Dictionary<string, object> { ["message"] = "invalid credentials" });
        }
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = 0;
        return Results.Json(new
        {
            auth_token = token,
            data = new { account_id = _options.AccountId, owner_id = api ? null : "8e248327b85591955749e53ea45b6baa", apps = Array.Empty<object>(), is_reseller = false, language = "en-us", reseller_id = "6b71cb72c876b5b1396a335f8f8a2594" },
            request_id = Guid.NewGuid().ToString("N"),
            revision = "automatic",
            status = "success",
        }, statusCode: 201);
    }

    private IResult Cdrs(HttpRequest request, string accountId)
    {
        var token = request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0 || !_tokens.TryGetValue(token, out var uses) || (_options.TokenUses is { } limit && uses >= limit))
            return Error(401, "invalid_credentials", new Dictionary<string, object> { ["message"] = "invalid credentials" });
        _tokens[token] = uses + 1;
        if (accountId != _options.AccountId)
            return Error(403, "forbidden", new Dictionary<string, object> { ["message"] = "You do not have access to this resource" });

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + MockKazooCdr.GregorianUnixEpoch;
        var to = Number(request.Query["created_to"]) ?? now;
        var from = Number(request.Query["created_from"]) ?? to - _options.MaxRangeSeconds;
        if (to < from)
            return RangeError($"created_to {to} is prior to created_from {from}", from);
        if (to - from > _options.MaxRangeSeconds)
            return RangeError($"created_to {to} is more than {_options.MaxRangeSeconds} seconds from created_from {from}", to);
        var pageSize = (int)Math.Clamp(Number(request.Query["page_size"]) ?? 50, 1, 10_000);

        // Newest first, as crossbar lists by default (descending); a start key is where the previous page stopped.
        var rows = Generator.Cdrs.Where(c => c.Created >= from && c.Created <= to).Reverse().ToList();
        var startKey = request.Query["start_key"].ToString();
        var first = 0;
        if (startKey.Length > 0)
        {
            if (DecodeKey(startKey) is not { } key)
                return Error(400, "validation error", new Dictionary<string, object> { ["start_key"] = new { type = new { message = "start_key is not a key this server gave" } } });
            first = rows.FindIndex(c => Compare(c, key) <= 0);
            if (first < 0) first = rows.Count;
        }
        var page = rows.Skip(first).Take(pageSize).ToList();
        var next = first + pageSize < rows.Count ? EncodeKey(rows[first + pageSize]) : null;
        var number = Interlocked.Increment(ref _pages);
        if (number == _options.RepeatStartKeyOn && startKey.Length > 0) next = startKey;

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("auth_token", token);
            if (number != _options.BadPage)
            {
                json.WriteStartArray("data");
                var broken = _options.BadRow is { } bad && bad >= 1 && bad <= Generator.Cdrs.Count ? Generator.Cdrs[bad - 1] : null;
                foreach (var cdr in page) cdr.Write(json, broken: ReferenceEquals(cdr, broken));
                json.WriteEndArray();
            }
            json.WriteNumber("page_size", page.Count);
            json.WriteString("request_id", Guid.NewGuid().ToString("N"));
            json.WriteString("revision", "automatic");
            if (startKey.Length > 0) json.WriteString("start_key", startKey);
            if (next is not null) json.WriteString("next_start_key", next);
            json.WriteString("status", "success");
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("version", "4.3.142");
            json.WriteString("node", "crossbar@kazoo.example.com");
            json.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    /// <summary>crossbar_view's validation error for a range (cb_context:add_validation_error(&lt;&lt;"created_from"&gt;&gt;, &lt;&lt;"date_range"&gt;&gt;, …)).</summary>
    private static IResult RangeError(string message, long cause) =>
        Error(400, "validation error", new Dictionary<string, object> { ["created_from"] = new { date_range = new { message, cause } } });

    private static IResult Error(int status, string message, Dictionary<string, object> data) =>
        Results.Json(new
        {
            auth_token = "",
            data,
            error = status.ToString(CultureInfo.InvariantCulture),
            message,
            request_id = Guid.NewGuid().ToString("N"),
            status = "error",
        }, statusCode: status);

    // Opaque to clients, as crossbar's keys are: the row's creation time and id.
    private static string EncodeKey(MockKazooCdr cdr) =>
        "g2wA" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cdr.Created}|{cdr.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (long Created, string Id)? DecodeKey(string key)
    {
        if (!key.StartsWith("g2wA", StringComparison.Ordinal)) return null;
        var text = key[4..].Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('|', 2);
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var created) ? (created, parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Descending order: a row at or after the key (in list order) compares ≤ 0.</summary>
    private static int Compare(MockKazooCdr cdr, (long Created, string Id) key)
    {
        var byTime = cdr.Created.CompareTo(key.Created);
        return byTime != 0 ? byTime : string.CompareOrdinal(cdr.Id, key.Id);
    }

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
