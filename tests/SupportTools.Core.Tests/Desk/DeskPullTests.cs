using SupportTools.Desk;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Desk;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Desk;

/// <summary>Whole pulls over HTTP from the Desk mock on a loopback server: pages, credentials, faults and filters.</summary>
public sealed class DeskPullTests
{
    private const string User = "agent@example.com", Password = "S3cret-pa55";
    private static readonly (string, string, string, string) OAuth = ("consumer-key", "consumer-secret-x", "access-token", "token-secret-y");

    private sealed record Pull(List<DeskCase> Cases, RecordingReporter Reporter, LoopbackServer Server);

    private static async Task<Pull> PullAsync(DeskMockOptions mock, DeskCaseQuery? query = null, IRequestSigner? signer = null,
        Action<LoopbackServer>? arrange = null, int maxAttempts = 6)
    {
        var server = await LoopbackServer.StartAsync(new DeskMock(mock).Map);
        arrange?.Invoke(server);
        var cases = new List<DeskCase>();
        var reporter = new RecordingReporter();
        var options = new ServiceClientOptions
        {
            BaseUri = server.BaseUri,
            ServiceName = "Desk",
            Signer = signer ?? new BasicAuthSigner(User, Password),
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(5),
        };
        try
        {
            await DeskCasePager.PullAsync(options, query ?? new DeskCaseQuery(), reporter, cases.Add, null, CancellationToken.None);
        }
        finally
        {
            await server.DisposeAsync();
        }
        return new Pull(cases, reporter, server);
    }

    private static DeskMockOptions Site(int cases = 250) => new() { Cases = cases, Seed = 7, User = User, Password = Password };

    [Fact]
    public async Task Pulls_every_case_of_the_site_in_order_with_its_fields_and_links()
    {
        var pull = await PullAsync(Site(), new DeskCaseQuery { PerPage = 100 });

        var generator = new DeskCaseGenerator(250, 7);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long?)i), pull.Cases.Select(c => c.Id));
        Assert.Equal(["/api/v2/cases?page=1&per_page=100", "/api/v2/cases?page=2&per_page=100", "/api/v2/cases?page=3&per_page=100"],
            pull.Server.Requests.Select(r => r.PathAndQuery));
        for (var i = 0; i < 250; i++)
        {
            var expected = generator.Case(i);
            var actual = pull.Cases[i];
            Assert.Equal((expected.Type, expected.Status, expected.Priority, expected.Replies, expected.Notes, expected.Attachments),
                (actual.Type, actual.Status, actual.Priority!.Value, actual.Replies!.Value, actual.Notes!.Value, actual.Attachments!.Value));
            Assert.Equal(expected.UserId is null ? null : $"/api/v2/users/{expected.UserId}", actual.AssignedUserUri);
            Assert.Equal(expected.GroupId is null ? null : $"/api/v2/groups/{expected.GroupId}", actual.AssignedGroupUri);
            Assert.Equal($"/api/v2/customers/{expected.CustomerId}", actual.CustomerUri);
            Assert.Equal(expected.UpdatedAt, actual.UpdatedAt!.Value, TimeSpan.FromSeconds(1));
            Assert.Equal(string.Join("; ", expected.Labels), actual.Labels);
        }
        Assert.Equal([("Page 1 of 3", 100L, (long?)250), ("Page 2 of 3", 200, 250), ("Page 3 of 3", 250, 250)], pull.Reporter.ProgressReports);
        Assert.Contains(pull.Cases, c => c.AssignedUserUri is null);
        Assert.Empty(pull.Reporter.Warnings);
    }

    [Fact]
    public async Task Null_links_everywhere_are_null_properties_and_do_not_end_the_pull_early()
    {
        var pull = await PullAsync(Site(120) with { NullLinks = true }, new DeskCaseQuery { PerPage = 50 });

        Assert.Equal(120, pull.Cases.Count);
        Assert.All(pull.Cases, c => Assert.Null(c.HistoryUri));
        Assert.All(pull.Cases, c => Assert.NotNull(c.SelfUri));
    }

    [Fact]
    public async Task A_page_without_embedded_holds_no_cases_and_the_shortfall_is_a_warning()
    {
        var pull = await PullAsync(Site(120) with { DropEmbeddedOnPage = 2 }, new DeskCaseQuery { PerPage = 50 });

        Assert.Equal(Enumerable.Range(1, 50).Concat(Enumerable.Range(101, 20)).Select(i => (long?)i), pull.Cases.Select(c => c.Id));
        Assert.Equal(3, pull.Server.Requests.Count);
        Assert.Contains("holds 120 cases", Assert.Single(pull.Reporter.Warnings));
    }

    [Fact]
    public async Task An_empty_last_page_ends_the_pull()
    {
        var pull = await PullAsync(Site(100) with { EmptyLastPage = true }, new DeskCaseQuery { PerPage = 50 });

        Assert.Equal(100, pull.Cases.Count);
        Assert.Equal("/api/v2/cases?page=3&per_page=50", pull.Server.Requests[^1].PathAndQuery);
        Assert.Equal(3, pull.Server.Requests.Count);
    }

    [Fact]
    public async Task A_next_link_back_to_the_first_page_stops_with_an_error_not_an_endless_pull()
    {
        var error = await Assert.ThrowsAsync<DeskPageException>(() => PullAsync(Site(250) with { RepeatNextOnPage = 3 }, new DeskCaseQuery { PerPage = 50 }));

        Assert.Equal(DeskPageProblem.Loop, error.Problem);
        Assert.EndsWith("/api/v2/cases?page=3&per_page=50", error.PageUri.AbsoluteUri);
        Assert.Contains("leads back to page 1", error.Message);
    }

    [Theory]
    [InlineData(RateLimitHint.XRateLimitReset)]
    [InlineData(RateLimitHint.RetryAfterSeconds)]
    [InlineData(RateLimitHint.RateLimitHeader)]
    public async Task A_429_with_a_rate_limit_hint_is_waited_out_and_the_pull_completes(RateLimitHint hint)
    {
        var pull = await PullAsync(Site(150), new DeskCaseQuery { PerPage = 50 },
            arrange: server => server.Faults.Enqueue(Fault.Status(429, hint, TimeSpan.FromSeconds(1)), r => r.QueryString.Value!.Contains("page=2")));

        Assert.Equal(150, pull.Cases.Count);
        var requests = pull.Server.Requests;
        Assert.Equal([200, 429, 200, 200], requests.Select(r => r.Status ?? 0));
        Assert.True(requests[2].Received - requests[1].Received >= TimeSpan.FromSeconds(0.9), "the retry should wait for the reset the server gave");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Server_errors_are_retried(int status)
    {
        var pull = await PullAsync(Site(100), new DeskCaseQuery { PerPage = 50 },
            arrange: server => server.Faults.Enqueue(Fault.Status(status), 2, r => r.QueryString.Value!.Contains("page=2")));

        Assert.Equal(100, pull.Cases.Count);
        Assert.Equal(4, pull.Server.Requests.Count);
    }

    [Fact]
    public async Task A_truncated_body_is_fetched_again()
    {
        var pull = await PullAsync(Site(100), new DeskCaseQuery { PerPage = 50 },
            arrange: server => server.Faults.Enqueue(Fault.Truncated(), r => r.QueryString.Value!.Contains("page=2")));

        Assert.Equal(100, pull.Cases.Count);
        Assert.Equal(3, pull.Server.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_stops_with_an_error_naming_the_page_URL()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => PullAsync(Site(100), new DeskCaseQuery { PerPage = 50 },
            arrange: server => server.Faults.Enqueue(Fault.NotJson(), r => r.QueryString.Value!.Contains("page=2"))));

        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/api/v2/cases?page=2&per_page=50", error.Message);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_authentication_error_at_once_without_retries()
    {
        var server = await LoopbackServer.StartAsync(new DeskMock(Site()).Map);
        await using var _ = server;
        var options = new ServiceClientOptions { BaseUri = server.BaseUri, ServiceName = "Desk", Signer = new BasicAuthSigner(User, "wrong") };

        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            DeskCasePager.PullAsync(options, new DeskCaseQuery(), new RecordingReporter(), _ => { }, null, CancellationToken.None));

        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.Equal(401, error.StatusCode);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("wrong", error.Message);
    }

    [Fact]
    public async Task OAuth_signed_requests_are_accepted_by_a_server_that_checks_the_signature()
    {
        var (key, secret, token, tokenSecret) = OAuth;
        var site = new DeskMockOptions { Cases = 120, Seed = 7, OAuth = OAuth };

        var pull = await PullAsync(site, new DeskCaseQuery { PerPage = 50, Status = ["open", "pending"] }, new OAuth1Signer(key, secret, token, tokenSecret));
        var refused = await Assert.ThrowsAsync<ServiceException>(() => PullAsync(site, signer: new OAuth1Signer(key, secret, token, "not-the-secret")));

        Assert.NotEmpty(pull.Cases);
        Assert.All(pull.Server.Requests, r => Assert.StartsWith("OAuth ", r.Headers["Authorization"]));
        Assert.Equal(ServiceFailure.Authentication, refused.Failure);
    }

    [Fact]
    public async Task Status_and_since_filters_go_through_the_case_search_and_return_exactly_the_matching_cases()
    {
        var since = new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero);
        var all = await PullAsync(Site(300), new DeskCaseQuery());

        var filtered = await PullAsync(Site(300), new DeskCaseQuery { PerPage = 40, Status = ["open", "pending"], Since = since });
        var created = await PullAsync(Site(300), new DeskCaseQuery { Since = since, SinceField = DeskSinceField.Created });

        Assert.StartsWith("/api/v2/cases/search?status=open%2Cpending&since_updated_at=1725148800&page=1&per_page=40", filtered.Server.Requests[0].PathAndQuery);
        Assert.Equal(all.Cases.Where(c => c.Status is "open" or "pending" && c.UpdatedAt >= since).Select(c => c.Id), filtered.Cases.Select(c => c.Id));
        Assert.Equal(all.Cases.Where(c => c.CreatedAt >= since).Select(c => c.Id), created.Cases.Select(c => c.Id));
        Assert.NotEmpty(filtered.Cases);
    }
}
