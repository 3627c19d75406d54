using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Freshdesk;

/// <summary>
/// A Freshdesk account's ticket-activity export, with the real shapes:
/// <list type="bullet">
/// <item><c>GET /api/v2/export/ticket_activities?created_at=YYYY-MM-DD</c>, basic authentication with the API key as the
/// user (https://developers.freshdesk.com/api/, "Authentication": the key as user name, any password such as <c>X</c>). It answers
/// <c>{"export":[{"created_at":"YYYY-MM-DD","url":…}]}</c>, one entry per file, as Freshdesk's
/// <c>ExportController#ticket_activities</c> and its view <c>JSON.generate({:export => @result})</c> do
/// (Ramesh-Veeriaperumal/freshconsult, api/app/controllers/export_controller.rb,
/// api/app/views/export/ticket_activities.json.api); with <see cref="FreshdeskMockOptions.LegacyShape"/> the older
/// single object <c>{"export":{"url":…}}</c> that clients still expect (airbyte's source-freshdesk
/// TicketActivitiesRetriever reads that form, singer-io's tap-freshdesk the list's <c>data['export'][0]['url']</c>). 404 (empty body)
/// for a day without an export; 401 <c>invalid_credentials</c>; 403 <c>require_feature</c> when the account lacks the
/// feature; 400 <c>Validation failed</c> with a <c>created_at</c> field error for a malformed date.</item>
/// <item>Freshdesk's per-minute limit on the endpoint (<see cref="FreshdeskMockOptions.ApiLimit"/>): every answer carries
/// <c>X-Ratelimit-Total</c>, <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Used-CurrentRequest</c>, and a refusal is
/// 429 with <c>Retry-After</c> in seconds (https://developers.freshdesk.com/api/, "Rate Limit").</item>
/// <item>The files behind pre-signed links on the same server under <c>/activities-export-production/</c>, shaped like
/// S3's query-string authentication (<c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>,
/// <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c>). As S3 does, a request that also carries an
/// <c>Authorization</c> header is refused, 400 <c>InvalidArgument</c> "Only one auth mechanism allowed", which is how the
/// tests prove the API key never goes to the file host; a changed link is 403 <c>SignatureDoesNotMatch</c>, an old one
/// 403 <c>AccessDenied</c> "Request has expired".</item>
/// </list>
/// </summary>
public sealed class FreshdeskMock
{
    /// <summary>The key the mock accepts unless told otherwise.</summary>
    public const string DefaultApiKey = "FRESHDESK-MOCK-KEY-7d2c";

    /// <summary>Where the file links point (S3 bucket style).</summary>
    public const string FilePrefix = "/activities-export-production";

    private const string AccountId = "3748365";
    private readonly FreshdeskMockOptions _options;
    private readonly byte[] _linkSecret = RandomNumberGenerator.GetBytes(32);
    private readonly object _windowLock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.UtcNow;
    private int _windowCount;
    private int _listings, _downloads, _refusedWithAuthorization;

    /// <summary>An account as <paramref name="options"/> describe it.</summary>
    public FreshdeskMock(FreshdeskMockOptions options) => _options = options;

    /// <summary>Listing requests answered (any status, rate-limit refusals included).</summary>
    public int Listings => Volatile.Read(ref _listings);

    /// <summary>Files served.</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary>File requests refused because they carried an <c>Authorization</c> header.</summary>
    public int RefusedWithAuthorization => Volatile.Read(ref _refusedWithAuthorization);

    /// <summary>The content of a day's file (what a download of it returns).</summary>
    public byte[] FileContent(DateOnly day, int index) => MockActivityExport.Create(_options.Seed, day, index, _options.FilesPerDay, _options.ActivitiesPerFile);

    /// <summary>Adds the endpoints (pass as the map of <see cref="LoopbackServer.StartAsync"/>).</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v2/export/ticket_activities", Listing);
        endpoints.MapGet(FilePrefix + "/{account}/{day}/{file}", Download);
    }

    private IResult Listing(HttpContext context)
    {
        Interlocked.Increment(ref _listings);
        var request = context.Request;
        if (!Limit(context.Response))
            return Results.Json(new { message = "You have exceeded the limit of requests per minute" }, statusCode: 429);
        if (!Authenticated(request))
            return Results.Json(new { code = "invalid_credentials", message = "You have to be logged in to perform this action." }, statusCode: 401);
        if (_options.FeatureDisabled)
            return Results.Json(new { code = "require_feature", message = "The Activity Export feature(s) is/are not supported in your plan. Please upgrade your account to use it." }, statusCode: 403);
        var text = request.Query["created_at"].ToString();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Results.Json(new
            {
                description = "Validation failed",
                errors = new[] { new { field = "created_at", message = "It should be in the 'valid date' format", code = "invalid_value" } },
            }, statusCode: 400);
        if (_options.MissingDates.Contains(day))
            return Results.StatusCode(404);
        if (_options.EmptyDates.Contains(day))
            return Results.Json(new { export = Array.Empty<object>() });

        var host = _options.FileHost is null ? request.Host.ToString() : $"{_options.FileHost}:{request.Host.Port}";
        var links = Enumerable.Range(1, _options.FilesPerDay).Select(index => new { created_at = text, url = Link(request.Scheme, host, day, index) }).ToArray();
        return _options.LegacyShape ? Results.Json(new { export = new { url = links[0].url } }) : Results.Json(new { export = links });
    }

    private IResult Download(HttpContext context, string account, string day, string file)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            Interlocked.Increment(ref _refusedWithAuthorization);
            return S3Error(400, "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
        }
        var query = request.Query;
        var signed = Signature(request.Path, query["X-Amz-Date"].ToString(), query["X-Amz-Expires"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signed), Encoding.ASCII.GetBytes(query["X-Amz-Signature"].ToString())))
            return S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        var issued = DateTimeOffset.ParseExact(query["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (DateTimeOffset.UtcNow > issued.AddSeconds(int.Parse(query["X-Amz-Expires"].ToString(), CultureInfo.InvariantCulture)))
            return S3Error(403, "AccessDenied", "Request has expired");
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var index = int.Parse(Path.GetFileNameWithoutExtension(file).Split('_')[^1], CultureInfo.InvariantCulture);
        Interlocked.Increment(ref _downloads);
        return Results.Bytes(FileContent(date, index), "application/json");
    }

    /// <summary>A link as S3 pre-signs it: the object path and the query-string authentication parameters.</summary>
    private string Link(string scheme, string host, DateOnly day, int index)
    {
        var path = $"{FilePrefix}/{AccountId}/{day:yyyy-MM-dd}/ticket_activities_{index}.json";
        var issued = DateTimeOffset.UtcNow;
        var amzDate = issued.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var expires = ((int)_options.LinkLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var credential = Uri.EscapeDataString($"AKIAMOCKEXPORTS00001/{issued:yyyyMMdd}/us-east-1/s3/aws4_request");
        return $"{scheme}://{host}{path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={credential}&X-Amz-Date={amzDate}" +
               $"&X-Amz-Expires={expires}&X-Amz-SignedHeaders=host&X-Amz-Signature={Signature(path, amzDate, expires)}";
    }

    private string Signature(string path, string amzDate, string expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_linkSecret, Encoding.UTF8.GetBytes($"{path}\n{amzDate}\n{expires}")));

    private static IResult S3Error(int status, string code, string message) =>
        Results.Text($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>",
            "application/xml", Encoding.UTF8, status);

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            var colon = pair.IndexOf(':');
            return colon > 0 && pair[..colon] == _options.ApiKey;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Counts the request in the current window and adds Freshdesk's rate-limit headers; false when over the limit.</summary>
    private bool Limit(HttpResponse response)
    {
        if (_options.ApiLimit is not { } limit) return true;
        int used;
        TimeSpan reset;
        lock (_windowLock)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _windowStart >= _options.ApiWindow)
            {
                _windowStart = now;
                _windowCount = 0;
            }
            used = ++_windowCount;
            reset = _windowStart + _options.ApiWindow - now;
        }
        response.Headers["X-Ratelimit-Total"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Ratelimit-Remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Ratelimit-Used-CurrentRequest"] = "1";
        if (used <= limit) return true;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return false;
    }
}
