using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportTools.Calls;
using SupportTools.Calls.Kazoo;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Kazoo;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls.Kazoo;

/// <summary>
/// Whole pulls over HTTP from the crossbar mock on a loopback server: authentication (api_auth, user_auth), the token
/// renewed once on 401, paging through next_start_key to the end, ranges split to crossbar's maximum, bad answers.
/// The mock serves the shapes of 2600hz/kazoo 4.3 (see <see cref="KazooMock"/>).
/// </summary>
public sealed class KazooCdrPullTests
{
    private static readonly KazooMockOptions Site = new() { Cdrs = 120, Seed = 3 };
    private static readonly DateTimeOffset From = Site.Start, To = Site.Start + Site.Span;

    private sealed record Pull(List<CallRecord> Records, RecordingReporter Reporter, IReadOnlyList<RecordedRequest> Requests, KazooMock Mock, Exception? Error);

    private static async Task<Pull> PullAsync(KazooMockOptions site, KazooCredential? credential = null, KazooCdrQuery? query = null,
        Action<LoopbackServer>? arrange = null, Func<ServiceClientOptions, ServiceClientOptions>? adjust = null)
    {
        var mock = new KazooMock(site);
        var server = await LoopbackServer.StartAsync(mock.Map);
        arrange?.Invoke(server);
        var records = new List<CallRecord>();
        var reporter = new RecordingReporter();
        Exception? error = null;
        try
        {
            var options = Options(server);
            await KazooCdrService.PullAsync(adjust is null ? options : adjust(options), credential ?? KazooCredential.FromApiKey(site.ApiKey),
                query ?? new KazooCdrQuery { From = From, To = To, PageSize = 25 }, reporter, records.Add, null, CancellationToken.None);
        }
        catch (Exception e) when (e is ServiceException or InputFormatException)
        {
            error = e;
        }
        finally
        {
            await server.DisposeAsync();
        }
        return new Pull(records, reporter, server.Requests, mock, error);
    }

    private static ServiceClientOptions Options(LoopbackServer server) => new()
    {
        BaseUri = server.BaseUri,
        ServiceName = KazooCdrService.ServiceName,
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(5),
    };

    private static IEnumerable<RecordedRequest> CdrRequests(Pull pull) => pull.Requests.Where(r => r.Method == "GET");

    private static Dictionary<string, string> Query(RecordedRequest request) =>
        request.PathAndQuery.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    [Fact]
    public async Task Authenticates_with_the_api_key_and_pulls_every_cdr_of_the_range_once()
    {
        var pull = await PullAsync(Site);

        Assert.Null(pull.Error);
        var auth = pull.Requests[0];
        Assert.Equal(("PUT", "/v2/api_auth"), (auth.Method, auth.PathAndQuery));
        Assert.Equal(Site.ApiKey, JsonDocument.Parse(auth.Body).RootElement.GetProperty("data").GetProperty("api_key").GetString());
        Assert.False(auth.Headers.ContainsKey("X-Auth-Token"));
        Assert.All(CdrRequests(pull), r =>
        {
            Assert.StartsWith($"/v2/accounts/{Site.AccountId}/cdrs?", r.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(48, r.Headers["X-Auth-Token"].Length);
        });
        var expected = pull.Mock.Generator.Cdrs;
        Assert.Equal(expected.Select(c => c.CallId).Order(StringComparer.Ordinal), pull.Records.Select(r => r.CallId).Order(StringComparer.Ordinal));
        var byId = expected.ToDictionary(c => c.CallId);
        Assert.All(pull.Records, record =>
        {
            var cdr = byId[record.CallId];
            Assert.Equal(cdr.StartTime, record.CallTime);
            Assert.Equal(cdr.Direction, record.CallDirection);
            Assert.Equal((cdr.DurationSeconds, cdr.BillingSeconds, cdr.CallerIdNumber), (record.DurationSeconds, record.BillingSeconds, record.CallerIdNumber));
        });
        Assert.Equal(1, pull.Mock.TokensIssued);
    }

    [Fact]
    public async Task Authenticates_as_a_user_with_the_md5_of_user_and_password_and_the_account_name()
    {
        var pull = await PullAsync(Site, KazooCredential.FromUser(Site.User, Site.Password, Site.AccountName));

        Assert.Null(pull.Error);
        var auth = pull.Requests[0];
        Assert.Equal(("PUT", "/v2/user_auth"), (auth.Method, auth.PathAndQuery));
        var data = JsonDocument.Parse(auth.Body).RootElement.GetProperty("data");
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{Site.User}:{Site.Password}"))).ToLowerInvariant();
        Assert.Equal(md5, data.GetProperty("credentials").GetString());
        Assert.Equal(Site.AccountName, data.GetProperty("account_name").GetString());
        Assert.DoesNotContain(Site.Password, auth.Body, StringComparison.Ordinal);
        Assert.Equal(Site.Cdrs, pull.Records.Count);
    }

    [Fact]
    public async Task Refused_credentials_fail_once_with_crossbars_words_and_no_secret()
    {
        var pull = await PullAsync(Site, KazooCredential.FromUser(Site.User, "wrong-password", Site.AccountName));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.Contains("/v2/user_auth", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("-AccountName", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", error.ToString(), StringComparison.Ordinal);
        Assert.Single(pull.Requests);
        Assert.Empty(pull.Records);
    }

    [Fact]
    public async Task A_user_without_the_account_name_is_refused_naming_the_missing_field()
    {
        var pull = await PullAsync(Site, KazooCredential.FromUser(Site.User, Site.Password, null));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.Rejected, error.Failure);
        Assert.Contains("account_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_renewed_and_the_refused_request_repeated_once()
    {
        // Each token serves two CDR requests, then crossbar answers 401 (as an expired token).
        var pull = await PullAsync(Site with { TokenUses = 2 }, query: new KazooCdrQuery { From = From, To = To, PageSize = 10 });

        Assert.Null(pull.Error);
        Assert.Equal(Site.Cdrs, pull.Records.Select(r => r.CallId).Distinct().Count());
        Assert.Equal(Site.Cdrs, pull.Records.Count);
        var refused = pull.Requests.Count(r => r.Status == 401);
        Assert.True(refused >= 3, $"{refused} refusals");
        Assert.Equal(refused + 1, pull.Requests.Count(r => r.Method == "PUT"));
        // After each refusal: a new token, then the same request again.
        for (var i = 0; i < pull.Requests.Count; i++)
        {
            if (pull.Requests[i].Status != 401) continue;
            Assert.Equal("PUT", pull.Requests[i + 1].Method);
            Assert.Equal(pull.Requests[i].PathAndQuery, pull.Requests[i + 2].PathAndQuery);
            Assert.NotEqual(pull.Requests[i].Headers["X-Auth-Token"], pull.Requests[i + 2].Headers["X-Auth-Token"]);
        }
        Assert.Contains(pull.Reporter.VerboseLines, line => line.Contains("authenticating again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_token_refused_again_fails_after_one_renewal()
    {
        var pull = await PullAsync(Site with { TokenUses = 0 });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.Equal(["PUT", "GET", "PUT", "GET"], pull.Requests.Select(r => r.Method));
        Assert.Contains("fresh auth token was refused too", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_followed_through_next_start_key_to_the_end()
    {
        var site = Site with { Span = TimeSpan.FromDays(20) };
        var pull = await PullAsync(site, query: new KazooCdrQuery { From = site.Start, To = site.Start + site.Span, PageSize = 7 });

        Assert.Null(pull.Error);
        var pages = CdrRequests(pull).ToList();
        Assert.Equal((Site.Cdrs + 6) / 7, pages.Count);
        Assert.False(Query(pages[0]).ContainsKey("start_key"));
        Assert.All(pages.Skip(1), page => Assert.StartsWith("g2wA", Query(page)["start_key"], StringComparison.Ordinal));
        Assert.Equal(pages.Count - 1, pages.Skip(1).Select(p => Query(p)["start_key"]).Distinct().Count());
        Assert.All(pages, page => Assert.Equal("7", Query(page)["page_size"]));
        Assert.Equal(Site.Cdrs, pull.Records.Select(r => r.CallId).Distinct().Count());
        Assert.Equal(Site.Cdrs, pull.Records.Count);
        Assert.Equal($"Range 1 of 1 ({Window(pages[0])}), page {pages.Count}", pull.Reporter.ProgressReports[^1].Status);
    }

    [Fact]
    public async Task A_range_longer_than_31_days_is_split_into_windows_crossbar_accepts_without_overlap()
    {
        var pull = await PullAsync(Site);

        var windows = CdrRequests(pull).Select(Query).Where(q => !q.ContainsKey("start_key"))
            .Select(q => (From: long.Parse(q["created_from"], CultureInfo.InvariantCulture), To: long.Parse(q["created_to"], CultureInfo.InvariantCulture))).ToList();
        var gregorian = From.ToUnixTimeSeconds() + 62_167_219_200;
        Assert.Equal(2, windows.Count);
        Assert.Equal(gregorian, windows[0].From);
        Assert.Equal(windows[0].From + 31 * 86_400, windows[0].To);
        Assert.Equal(windows[0].To + 1, windows[1].From);
        Assert.Equal(gregorian + 60 * 86_400 - 1, windows[1].To);
        Assert.All(CdrRequests(pull), r => Assert.Equal(200, r.Status));
        Assert.Equal(Site.Cdrs, pull.Records.Count);
    }

    [Fact]
    public async Task A_crossbar_with_a_shorter_maximum_says_its_limit_and_the_rest_is_split_at_it()
    {
        var limit = 10L * 86_400;
        var pull = await PullAsync(Site with { MaxRangeSeconds = limit });

        Assert.Null(pull.Error);
        var refused = Assert.Single(pull.Requests, r => r.Status == 400);
        Assert.Equal(refused.PathAndQuery, CdrRequests(pull).First().PathAndQuery);
        var windows = CdrRequests(pull).Where(r => r.Status == 200).Select(Query).Where(q => !q.ContainsKey("start_key"))
            .Select(q => long.Parse(q["created_to"], CultureInfo.InvariantCulture) - long.Parse(q["created_from"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, windows.Count);
        Assert.All(windows, span => Assert.True(span <= limit));
        Assert.Equal(Site.Cdrs, pull.Records.Count);
        Assert.Contains(pull.Reporter.Warnings, w => w.Contains("at most 864000 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_range_crossbar_refuses_outright_is_a_clear_error_with_its_words()
    {
        var pull = await PullAsync(Site with { MaxRangeSeconds = 0 });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.Rejected, error.Failure);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("refused the time range 2026-01-01 00:00:00Z to 2026-02-01 00:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("maximum_range", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"created_from \(date_range\): created_to \d+ is more than 0 seconds from created_from \d+", error.Message);
    }

    [Fact]
    public async Task A_page_without_the_data_list_stops_the_pull_naming_the_request_after_the_records_before_it()
    {
        var pull = await PullAsync(Site with { BadPage = 2 }, query: new KazooCdrQuery { From = From, To = To, PageSize = 10 });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/cdrs?created_from=", error.Message, StringComparison.Ordinal);
        Assert.Contains("not crossbar's CDR listing", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, pull.Records.Count);
    }

    [Fact]
    public async Task A_row_that_is_not_a_readable_cdr_is_reported_with_its_page_and_row_and_the_others_are_emitted()
    {
        var mock = new KazooMock(Site with { BadRow = 5 });
        await using var server = await LoopbackServer.StartAsync(mock.Map);
        var records = new List<CallRecord>();
        var problems = new List<InputFormatException>();

        await KazooCdrService.PullAsync(Options(server), KazooCredential.FromApiKey(Site.ApiKey), new KazooCdrQuery { From = From, To = To, PageSize = 10 },
            new RecordingReporter(), records.Add, problems.Add, CancellationToken.None);

        var problem = Assert.Single(problems);
        var bad = mock.Generator.Cdrs[4];
        Assert.Equal(Site.Cdrs - 1, records.Count);
        Assert.DoesNotContain(records, r => r.CallId == bad.CallId);
        Assert.Matches(@"^CDR \d+ of page \d+ of GET /v2/accounts/\w+/cdrs\?created_from=\d+&created_to=\d+&page_size=10(&start_key=\S+)? cannot be read: duration_seconds", problem.Message);
        Assert.Contains(bad.CallId, (string)problem.Item!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_start_key_that_repeats_stops_the_pull_instead_of_looping()
    {
        var pull = await PullAsync(Site with { RepeatStartKeyOn = 3 }, query: new KazooCdrQuery { From = From, To = To, PageSize = 10 });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("already followed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, CdrRequests(pull).Count());
    }

    [Fact]
    public async Task Busy_and_failing_answers_are_retried_by_the_http_layer_with_the_same_token()
    {
        var pull = await PullAsync(Site, query: new KazooCdrQuery { From = From, To = To, PageSize = 40 }, arrange: server =>
        {
            server.Faults.Enqueue(Fault.Status(429, RateLimitHint.RetryAfterSeconds, TimeSpan.FromMilliseconds(50)), request => request.Method == "GET");
            server.Faults.Enqueue(Fault.Status(503), request => request.Query.ContainsKey("start_key"));
        });

        Assert.Null(pull.Error);
        Assert.Equal(Site.Cdrs, pull.Records.Count);
        Assert.Equal([429, 200], CdrRequests(pull).Take(2).Select(r => r.Status ?? 0));
        Assert.Contains(CdrRequests(pull), r => r.Status == 503);
        Assert.Equal(1, pull.Mock.TokensIssued);
        Assert.Contains(pull.Reporter.VerboseLines, line => line.Contains("retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_an_invalid_response_naming_the_request()
    {
        var pull = await PullAsync(Site, arrange: server => server.Faults.Enqueue(Fault.NotJson(), 3, request => request.Method == "GET"));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/cdrs?created_from=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_accounts_cdrs_are_refused_as_permission_denied()
    {
        var pull = await PullAsync(Site, query: new KazooCdrQuery { AccountId = "0123456789abcdef0123456789abcdef", From = From, To = To });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.PermissionDenied, error.Failure);
        Assert.Contains("You do not have access to this resource", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_report_or_error_holds_the_key_the_password_or_a_token()
    {
        var pull = await PullAsync(Site with { TokenUses = 1 }, KazooCredential.FromUser(Site.User, Site.Password, Site.AccountName),
            new KazooCdrQuery { From = From, To = To, PageSize = 50 });

        var tokens = pull.Requests.Where(r => r.Headers.ContainsKey("X-Auth-Token")).Select(r => r.Headers["X-Auth-Token"]).Distinct().ToList();
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{Site.User}:{Site.Password}"))).ToLowerInvariant();
        Assert.NotEmpty(tokens);
        var reported = string.Join("\n", pull.Reporter.VerboseLines.Concat(pull.Reporter.Warnings).Concat(pull.Reporter.ProgressReports.Select(p => p.Status)));
        Assert.NotEmpty(pull.Reporter.VerboseLines);
        foreach (var secret in tokens.Append(Site.Password).Append(md5).Append(Site.ApiKey))
            Assert.DoesNotContain(secret, reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_is_refused_and_the_token_never_leaves_the_crossbar()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(_ => { });
        var pull = await PullAsync(Site, arrange: server => server.Faults.Enqueue(
            Fault.Redirect(new Uri(elsewhere.BaseUri, "/v2/accounts/stolen/cdrs").ToString()), request => request.Method == "GET"));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.RedirectRefused, error.Failure);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task The_answer_size_cap_the_caller_chose_applies_to_crossbar_answers()
    {
        var pull = await PullAsync(Site, arrange: server => server.Faults.Enqueue(Fault.HugeBody(1 << 20, declareLength: false), request => request.Method == "GET"),
            adjust: options => options with { MaxResponseBytes = 64 * 1024 });

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.ResponseTooLarge, error.Failure);
    }

    [Fact]
    public async Task A_crossbar_that_echoes_the_token_in_a_refusal_never_gets_it_into_the_error()
    {
        var pull = await PullAsync(Site, arrange: server => server.Faults.Enqueue(Fault.EchoHeader("X-Auth-Token"), request => request.Method == "GET"));

        var error = Assert.IsType<ServiceException>(pull.Error);
        Assert.Equal(ServiceFailure.PermissionDenied, error.Failure);
        var token = Assert.Single(pull.Requests.Where(r => r.Method == "GET").Select(r => r.Headers["X-Auth-Token"]).Distinct());
        Assert.Contains("refused X-Auth-Token: ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ServiceMessage ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_defaults_to_the_one_the_credentials_belong_to()
    {
        var pull = await PullAsync(Site with { AccountId = "aaaabbbbccccddddeeeeffff00001111" });

        Assert.Null(pull.Error);
        Assert.All(CdrRequests(pull), r => Assert.StartsWith("/v2/accounts/aaaabbbbccccddddeeeeffff00001111/cdrs?", r.PathAndQuery, StringComparison.Ordinal));
    }

    private static string Window(RecordedRequest request)
    {
        var q = Query(request);
        return new KazooCdrWindow(long.Parse(q["created_from"], CultureInfo.InvariantCulture), long.Parse(q["created_to"], CultureInfo.InvariantCulture)).ToString();
    }
}
