using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Desk;

/// <summary>
/// A Desk API v2 site of generated cases: <c>GET /api/v2/cases?page=N&amp;per_page=M</c> (M up to 100, default 50) and
/// the case search <c>GET /api/v2/cases/search</c> with <c>status=a,b</c>, <c>since_updated_at</c> and
/// <c>since_created_at</c> (Unix seconds), both as HAL pages (<c>total_entries</c>, <c>_links</c> self/first/last/
/// previous/next, <c>_embedded.entries</c>). Checks credentials when <see cref="DeskMockOptions"/> asks for them (401
/// otherwise), and plays the page faults it is given.
/// </summary>
public sealed class DeskMock
{
    private const int DefaultPerPage = 50, MaxPerPage = 100;
    private readonly DeskMockOptions _options;
    private readonly ConcurrentDictionary<string, int[]> _searches = new(StringComparer.Ordinal);
    private long _nonce;

    /// <summary>A site as <paramref name="options"/> describe it.</summary>
    public DeskMock(DeskMockOptions options)
    {
        _options = options;
        Generator = new DeskCaseGenerator(options.Cases, options.Seed);
    }

    /// <summary>The site's cases.</summary>
    public DeskCaseGenerator Generator { get; }

    /// <summary>Adds the endpoints (pass as the map of <see cref="LoopbackServer.StartAsync"/>).</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v2/cases", (HttpRequest request) => Page(request, null));
        endpoints.MapGet("/api/v2/cases/search", (HttpRequest request) => Page(request, Search(request.Query)));
        endpoints.MapGet("/api/v2/custom_fields", (HttpRequest request) => CustomFields(request));
    }

    /// <summary>
    /// The site's custom fields: a HAL page whose entries have <c>name</c>, <c>label</c>, <c>type</c> (case, customer or
    /// company), <c>active</c> and <c>data.type</c> (string, list, integer, boolean, date). Desk's own API v2 reference is
    /// retired and was not found in the searchable corpora; this follows the v2 HAL conventions of the case list (the
    /// same <c>total_entries</c>, <c>_links</c> and <c>_embedded.entries</c>) and the field types Desk's admin offered.
    /// </summary>
    private IResult CustomFields(HttpRequest request)
    {
        if (_options.RequiresAuthentication && !Authenticated(request))
            return Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        if (_options.NoCustomFieldList)
            return Results.Json(new { message = "Resource Not Found" }, statusCode: 404);
        object Field(int id, string name, string label, string owner, string type) => new Dictionary<string, object>
        {
            ["name"] = name, ["label"] = label, ["type"] = owner, ["active"] = true, ["data"] = new { type },
            ["_links"] = new { self = new { href = $"/api/v2/custom_fields/{id}", @class = "custom_field" } },
        };
        return Results.Json(new Dictionary<string, object>
        {
            ["total_entries"] = 4,
            ["page"] = 1,
            ["_links"] = new { self = new { href = "/api/v2/custom_fields?page=1&per_page=100", @class = "page" }, next = (object?)null },
            ["_embedded"] = new
            {
                entries = new[]
                {
                    Field(1, "tier", "Tier", "case", "list"),
                    Field(2, "seats", "Seats", "case", "integer"),
                    Field(3, "follow_up", "Follow up", "case", "boolean"),
                    Field(4, "follow_up_customer", "Follow up (customer)", "customer", "string"),
                },
            },
        });
    }

    private IResult Page(HttpRequest request, int[]? matches)
    {
        if (_options.RequiresAuthentication && !Authenticated(request))
            return Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        var perPage = Math.Clamp(Number(request.Query["per_page"], DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, Number(request.Query["page"], 1));
        var total = matches?.Length ?? Generator.Count;
        var lastPage = Math.Max(1, (total + perPage - 1) / perPage) + (_options.EmptyLastPage ? 1 : 0);

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("total_entries", total);
            json.WriteNumber("page", page);
            json.WriteStartObject("_links");
            string PageHref(int n) => $"{request.Path}?{Filters(request.Query)}page={n}&per_page={perPage}";
            MockDeskCase.Link(json, "self", _options.NullLinks ? null : PageHref(page), "page");
            MockDeskCase.Link(json, "first", _options.NullLinks ? null : PageHref(1), "page");
            MockDeskCase.Link(json, "last", _options.NullLinks ? null : PageHref(lastPage), "page");
            MockDeskCase.Link(json, "previous", _options.NullLinks || page == 1 ? null : PageHref(page - 1), "page");
            var next = page == _options.RepeatNextOnPage ? PageHref(1)
                : page >= _options.NonceLoopOnPage ? PageHref(page) + "&nonce=" + Interlocked.Increment(ref _nonce)
                : page < lastPage ? PageHref(page + 1) : null;
            MockDeskCase.Link(json, "next", next, "page");
            json.WriteEndObject();
            if (page != _options.DropEmbeddedOnPage)
            {
                json.WriteStartObject("_embedded");
                json.WriteStartArray("entries");
                for (var i = (page - 1) * perPage; i < Math.Min(total, (long)page * perPage); i++)
                    Generator.Case(matches?[i] ?? i).Write(json, _options.NullLinks, _options.MixedEras && page % 2 == 0);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json; charset=utf-8");
    }

    /// <summary>The indexes of the cases a search matches, found once per filter and kept.</summary>
    private int[] Search(IQueryCollection query) => _searches.GetOrAdd(Filters(query), _ =>
    {
        var statuses = query["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var updatedSince = Since(query["since_updated_at"]);
        var createdSince = Since(query["since_created_at"]);
        return Enumerable.Range(0, Generator.Count).Where(i =>
        {
            var c = Generator.Case(i);
            return (statuses.Length == 0 || statuses.Contains(c.Status, StringComparer.OrdinalIgnoreCase))
                && (updatedSince is null || c.UpdatedAt >= updatedSince)
                && (createdSince is null || c.CreatedAt >= createdSince);
        }).ToArray();
    });

    /// <summary>The request's filters as a query prefix (<c>status=…&amp;</c>), carried into the page links.</summary>
    private static string Filters(IQueryCollection query) => string.Concat(
        new[] { "status", "since_updated_at", "since_created_at" }
            .Where(name => query.ContainsKey(name))
            .Select(name => $"{name}={Uri.EscapeDataString(query[name].ToString())}&"));

    private static DateTimeOffset? Since(string? unixSeconds) =>
        long.TryParse(unixSeconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (_options.User is not null && header.StartsWith("Basic ", StringComparison.Ordinal))
            return header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.User + ":" + _options.Password));
        return _options.OAuth is { } oauth && header.StartsWith("OAuth ", StringComparison.Ordinal) && OAuthValid(request, header, oauth);
    }

    /// <summary>Recomputes the HMAC-SHA1 signature over the request as received (RFC 5849 §3.4) and compares.</summary>
    private static bool OAuthValid(HttpRequest request, string header, (string Key, string Secret, string Token, string TokenSecret) oauth)
    {
        var given = header["OAuth ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Trim('"')));
        if (given.GetValueOrDefault("oauth_consumer_key") != oauth.Key || given.GetValueOrDefault("oauth_token") != oauth.Token
            || given.GetValueOrDefault("oauth_signature_method") != "HMAC-SHA1" || !given.TryGetValue("oauth_signature", out var signature))
            return false;
        var parameters = given.Where(p => p.Key != "oauth_signature" && p.Key != "realm")
            .Concat(request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))
            .Order(StringComparer.Ordinal);
        var url = $"{request.Scheme}://{request.Host.Value!.ToLowerInvariant()}{request.Path}";
        var signed = $"{request.Method}&{Uri.EscapeDataString(url)}&{Uri.EscapeDataString(string.Join("&", parameters))}";
        var key = Encoding.ASCII.GetBytes(Uri.EscapeDataString(oauth.Secret) + "&" + Uri.EscapeDataString(oauth.TokenSecret));
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(signed))) == signature;
    }
}
