using System.Net.Http.Headers;
using System.Text;
using SupportTools.Close;
using SupportTools.Http;
using SupportTools.TestServer;

namespace SupportTools.Tests.Close;

/// <summary>
/// Close answering in ways the happy path never sees (issue 14): rate-limit hints that cannot be read, valid JSON of
/// another shape, lists that never end, creates whose outcome is lost, and the rerun that must not duplicate.
/// </summary>
public class CloseHostileServerTests
{
    private static CloseLeadDraft Draft(long row, string company, params (string Column, string Value)[] cells) =>
        new CloseLeadCleaner().Clean(LeadRow.Create(row, cells.Select(c => new KeyValuePair<string, string?>(c.Column, c.Value))
            .Prepend(new("Company", company))));

    private static bool IsSearch(Microsoft.AspNetCore.Http.HttpRequest request) => request.Method == "POST" && request.Path == "/api/v1/data/search/";

    // Close's 429 body (developer.close.com/api/overview/rate-limits): {"error": {"rate_reset": …, "rate_limit": …, "rate_window": …}};
    // closeio-api reads it with float(data['error']['rate_reset']), so a text value is read there too.
    [Theory]
    [InlineData("""{"error":{"message":"API call count exceeded for this 15 second window","rate_reset":"0.59","rate_limit":20,"rate_window":15}}""", 0.59)]
    [InlineData("""{"error":"API call count exceeded for this 15 second window","rate_reset":"0.59","rate_limit":20,"rate_window":15}""", 0.59)]
    [InlineData("""{"error":"API call count exceeded","rate_reset":1e12}""", null)]
    [InlineData("""{"error":"API call count exceeded","rate_reset":"soon"}""", null)]
    [InlineData("""{"error":"API call count exceeded","rate_reset":-3}""", null)]
    [InlineData("""{"error":"API call count exceeded","rate_reset":{"seconds":1}}""", null)]
    [InlineData("""{"error":"API call count exceeded","rate_reset":1e400}""", null)]
    public void An_unreadable_rate_reset_is_no_hint_and_a_readable_one_is_read(string body, double? seconds)
    {
        using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        var hints = ServerHints.From(429, response.Headers, Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow);
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, hints.RetryAfter);
    }

    // An answer too large to read, or a redirect after a POST (a 303 "see other" names what the create made): the server
    // read the request, so the create may have happened and the lead is looked up before the row is called not created.
    [Theory]
    [InlineData(ServiceFailure.ResponseTooLarge, true)]
    [InlineData(ServiceFailure.RedirectRefused, true)]
    [InlineData(ServiceFailure.Timeout, true)]
    [InlineData(ServiceFailure.Rejected, false)]
    [InlineData(ServiceFailure.RateLimited, false)]
    [InlineData(ServiceFailure.Authentication, false)]
    public void A_create_may_have_acted_when_the_server_answered_after_reading_it(ServiceFailure failure, bool mayHaveActed)
    {
        var exception = new ServiceException(failure, "Close", HttpMethod.Post, new Uri("http://127.0.0.1:1/api/v1/lead/"), null, 1, "test");
        Assert.Equal(mayHaveActed, CloseApi.MayHaveActed(exception));
    }

    [Theory]
    [InlineData("\"0.59\"")]
    [InlineData("1e12")]
    public async Task A_429_with_a_text_or_huge_rate_reset_is_retried_with_backoff_and_the_lead_created(string reset)
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Override("POST", "/api/v1/lead/", 429, "{\"error\":{\"message\":\"API call count exceeded for this 15 second window\",\"rate_reset\":" + reset + ",\"rate_limit\":20,\"rate_window\":15}}");
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")]));
        Assert.Equal(CloseLeadStatus.Created, outcome.Result.Status);
        Assert.Equal(1, close.Mock.Creations["ACME"]);
    }

    [Fact]
    public async Task A_page_of_another_shape_is_an_invalid_response_naming_the_url()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Override("GET", "/api/v1/custom_field/lead/", 200, """{"items":[]}""");
        var error = await Assert.ThrowsAsync<ServiceException>(() => close.ImportAsync([Draft(2, "Acme", ("Revenue", "100"))]));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/api/v1/custom_field/lead/", error.Message);
        Assert.Contains("no 'data' list (its members: items)", error.Message);
        Assert.Empty(close.Mock.Leads);
    }

    [Fact]
    public async Task A_search_page_of_another_shape_is_an_invalid_response_not_a_key_not_found()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Override("POST", "/api/v1/data/search/", 200, """{"data":[{"id":42,"name":"ACME"}],"cursor":null}""");
        var leads = new List<CloseLead>();
        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            new CloseLeadService(close.Options()).GetLeadsAsync(null, null, null, NullReporter.Instance, leads.Add, CancellationToken.None));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/api/v1/data/search/", error.Message);
    }

    [Fact]
    public async Task A_created_lead_whose_id_is_a_number_is_looked_up_and_otherwise_fails_naming_the_url()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Override("POST", "/api/v1/lead/", 200, """{"id":12345,"name":"ACME"}""");
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")]));
        Assert.Equal(CloseLeadStatus.Failed, outcome.Result.Status); // the canned answer stored nothing: the look-up finds none
        var error = Assert.IsType<ServiceException>(outcome.Error);
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("POST http://127.0.0.1", error.Message);
        Assert.Contains("/api/v1/lead/", error.Message);
        Assert.Contains("has no text 'id' (it is a JSON number)", error.Message);
    }

    [Fact]
    public async Task A_custom_field_list_that_always_has_more_stops_with_an_error_naming_the_url()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.FieldsAlwaysHaveMore = true;
        var error = await Assert.ThrowsAsync<ServiceException>(() => close.ImportAsync([Draft(2, "Acme", ("Revenue", "100"))]));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/api/v1/custom_field/lead/", error.Message);
        Assert.Contains("paging would never end", error.Message);
        Assert.InRange(close.Server.Requests.Count(r => r.PathAndQuery.StartsWith("/api/v1/custom_field/lead/", StringComparison.Ordinal)), 2, 3);
    }

    [Fact]
    public async Task A_search_cursor_that_repeats_stops_with_an_error_naming_the_url()
    {
        await using var close = await CloseServer.StartAsync();
        for (var i = 0; i < 450; i++) close.Mock.Seed($"LEAD {i:D4}", "CA", 100m, "2019-01-01");
        close.Mock.SearchCursorRepeats = true;
        var leads = new List<CloseLead>();
        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            new CloseLeadService(close.Options()).GetLeadsAsync(null, null, null, NullReporter.Instance, leads.Add, CancellationToken.None));
        Assert.Equal(ServiceFailure.InvalidResponse, error.Failure);
        Assert.Contains("/api/v1/data/search/", error.Message);
        Assert.Contains("paging would never end", error.Message);
        Assert.InRange(close.Server.Requests.Count(r => r.PathAndQuery == "/api/v1/data/search/"), 2, 3);
    }

    [Fact]
    public async Task A_create_lost_after_Close_acted_whose_look_up_fails_is_Unknown_and_the_rerun_does_not_create_it_again()
    {
        await using var close = await CloseServer.StartAsync();
        // The create reaches Close and the lead is stored, then the connection drops; every look-up then fails (500).
        close.Server.Faults.Enqueue(Fault.DropAfterHandling(), CloseServer.IsLeadPost);
        close.Server.Faults.Enqueue(Fault.Status(500), 100, IsSearch);
        var failed = Path.Combine(Path.GetTempPath(), $"close-unknown-{Guid.NewGuid():N}.csv");
        try
        {
            var first = await close.ImportAsync([Draft(2, "Acme"), Draft(3, "Globex")], close.Options(maxAttempts: 2), allowDuplicate: true, failedPath: failed);
            // The drop meets whichever create arrives first; the other lead is created as usual.
            var unknown = Assert.Single(first, o => o.Result.Status == CloseLeadStatus.Unknown);
            Assert.IsType<CloseLeadOutcomeUnknownException>(unknown.Error);
            Assert.Contains($"may or may not have created the lead '{unknown.Result.Name}'", unknown.Result.Reason);
            Assert.Equal(CloseLeadStatus.Created, Assert.Single(first, o => o.Result != unknown.Result).Result.Status);
            Assert.Equal(1, close.LastSummary!.Count(CloseLeadStatus.Unknown));
            Assert.Equal(2, close.Mock.Leads.Count); // it was created: "not created" would have been wrong
            Assert.Contains(unknown.Result.Row + ",", File.ReadAllText(failed)); // the unknown row is in the failed file, to rerun

            // The documented rerun: the failed file, with the default look-up. Close has the lead: it is not created again.
            close.Server.Faults.Clear();
            var rows = CloseLeadFile.Read(failed).Select(new CloseLeadCleaner().Clean).ToList();
            var second = Assert.Single(await close.ImportAsync(rows));
            Assert.Equal((CloseLeadStatus.Skipped, unknown.Result.Row), (second.Result.Status, second.Result.Row));
            Assert.All(close.Mock.Creations.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            File.Delete(failed);
        }
    }

    [Fact]
    public async Task Running_the_same_rows_twice_creates_each_lead_once()
    {
        await using var close = await CloseServer.StartAsync();
        var drafts = Enumerable.Range(0, 45).Select(i => Draft(i + 2, $"Company {i}")).ToList();
        var first = await close.ImportAsync(drafts);
        Assert.All(first, o => Assert.Equal(CloseLeadStatus.Created, o.Result.Status));
        var second = await close.ImportAsync(drafts);
        Assert.All(second, o => Assert.Equal(CloseLeadStatus.Skipped, o.Result.Status));
        Assert.All(close.Mock.Creations.Values, count => Assert.Equal(1, count));
        Assert.Equal(45, close.Mock.Leads.Count);
        // 45 names in batches of 20: three searches a run, not 45.
        Assert.Equal(6, close.Server.Requests.Count(r => r.PathAndQuery == "/api/v1/data/search/"));
    }

    [Fact]
    public async Task A_failing_look_up_leaves_its_companies_uncreated_and_failed_rather_than_risking_duplicates()
    {
        await using var close = await CloseServer.StartAsync();
        close.Server.Faults.Enqueue(Fault.Status(500), 100, IsSearch);
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")], close.Options(maxAttempts: 2)));
        Assert.Equal(CloseLeadStatus.Failed, outcome.Result.Status);
        Assert.Contains("creating it blindly could make a second one", outcome.Result.Reason);
        Assert.Empty(close.Mock.Leads);
    }

    [Fact]
    public async Task A_run_stopped_by_a_refused_key_still_gives_every_row_a_result_and_writes_the_failed_file()
    {
        await using var close = await CloseServer.StartAsync();
        var failed = Path.Combine(Path.GetTempPath(), $"close-stopped-{Guid.NewGuid():N}.csv");
        try
        {
            var outcomes = new List<CloseLeadOutcome>();
            var request = new CloseLeadImportRequest { Drafts = [Draft(2, "Acme"), Draft(3, "Globex"), Draft(4, " ")], FailedPath = failed };
            var import = new CloseLeadService(close.Options(key: "api_wrong")).BeginImport(request);
            var error = await Assert.ThrowsAsync<ServiceException>(() => import.RunAsync(NullReporter.Instance, outcomes.Add, CancellationToken.None));
            Assert.Equal(ServiceFailure.Authentication, error.Failure);
            Assert.Equal([2L, 3, 4], outcomes.Select(o => o.Result.Row).Order());
            Assert.Equal(2, outcomes.Count(o => o.Result.Status == CloseLeadStatus.Failed && o.Result.Reason!.StartsWith("not sent: the import stopped", StringComparison.Ordinal)));
            Assert.Equal(3, import.Summary.Count(CloseLeadStatus.Failed) + import.Summary.Count(CloseLeadStatus.Invalid));
            Assert.Equal(4, File.ReadAllLines(failed).Length); // header + 3 rows
        }
        finally
        {
            File.Delete(failed);
        }
    }

    [Fact]
    public async Task Declined_and_previewed_leads_are_not_sent_and_the_summary_adds_up()
    {
        await using var close = await CloseServer.StartAsync();
        var request = new CloseLeadImportRequest { Drafts = [Draft(2, "Acme"), Draft(3, "acme"), Draft(4, "Globex"), Draft(5, "Initech"), Draft(6, "")] };
        var import = new CloseLeadService(close.Options()).BeginImport(request);
        import.Decline(import.Plans.Single(p => p.Name == "ACME"));
        import.Preview(import.Plans.Single(p => p.Name == "INITECH"));
        var outcomes = new List<CloseLeadOutcome>();
        var summary = await import.RunAsync(NullReporter.Instance, o => { lock (outcomes) outcomes.Add(o); }, CancellationToken.None);
        Assert.Equal([CloseLeadStatus.Declined, CloseLeadStatus.Declined, CloseLeadStatus.Created, CloseLeadStatus.Invalid],
            outcomes.OrderBy(o => o.Result.Row).Select(o => o.Result.Status));
        Assert.Equal(["GLOBEX"], close.Mock.Creations.Keys);
        Assert.Equal((2, 1, 1, 1), (summary.Count(CloseLeadStatus.Declined), summary.Count(CloseLeadStatus.Created), summary.Count(CloseLeadStatus.Invalid), summary.Previewed));
        Assert.Equal(summary.Rows, Enum.GetValues<CloseLeadStatus>().Sum(summary.Count) + summary.Previewed);
        Assert.Contains("2 declined", summary.ToString());
    }

    /// <summary>A handler that throws an exception the module has no meaning for on the requests <paramref name="when"/> picks (a stand-in for a bug).</summary>
    private sealed class BuggyHandler(Func<HttpRequestMessage, bool> when) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            when(request) ? throw new NotSupportedException("a bug in the request pipeline") : base.SendAsync(request, cancellationToken);
    }

    private static ServiceClientOptions WithHandler(ServiceClientOptions options, HttpMessageHandler handler) => new()
    {
        BaseUri = options.BaseUri, ServiceName = options.ServiceName, Signer = options.Signer, MaxAttempts = options.MaxAttempts,
        BaseDelay = options.BaseDelay, MaxDelay = options.MaxDelay, MaxConcurrency = options.MaxConcurrency, Handler = handler,
    };

    [Fact]
    public async Task An_unexpected_exception_in_one_create_fails_that_lead_alone_and_the_rest_go_on()
    {
        await using var close = await CloseServer.StartAsync();
        using var handler = new BuggyHandler(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath == "/api/v1/lead/"
            && r.Content!.ReadAsStringAsync().GetAwaiter().GetResult().Contains("\"GLOBEX\"", StringComparison.Ordinal));
        var outcomes = await close.ImportAsync([Draft(2, "Acme"), Draft(3, "Globex")], WithHandler(close.Options(), handler));
        var globex = outcomes.Single(o => o.Result.Name == "GLOBEX");
        Assert.Equal(CloseLeadStatus.Failed, globex.Result.Status);
        Assert.IsType<NotSupportedException>(globex.Error);
        Assert.Equal("NotSupportedException: a bug in the request pipeline", globex.Result.Reason);
        Assert.Equal(CloseLeadStatus.Created, outcomes.Single(o => o.Result.Name == "ACME").Result.Status);
    }

    [Fact]
    public async Task An_unexpected_exception_that_stops_the_run_still_gives_every_row_a_result_and_writes_the_failed_file()
    {
        await using var close = await CloseServer.StartAsync();
        using var handler = new BuggyHandler(r => r.RequestUri!.AbsolutePath == "/api/v1/data/search/");
        var failed = Path.Combine(Path.GetTempPath(), $"close-bug-{Guid.NewGuid():N}.csv");
        try
        {
            var outcomes = new List<CloseLeadOutcome>();
            var request = new CloseLeadImportRequest { Drafts = [Draft(2, "Acme"), Draft(3, "Globex")], FailedPath = failed };
            var import = new CloseLeadService(WithHandler(close.Options(), handler)).BeginImport(request);
            await Assert.ThrowsAsync<NotSupportedException>(() => import.RunAsync(NullReporter.Instance, outcomes.Add, CancellationToken.None));
            Assert.Equal([2L, 3L], outcomes.Select(o => o.Result.Row).Order());
            Assert.All(outcomes, o => Assert.Equal("not sent: the import stopped (NotSupportedException: a bug in the request pipeline)", o.Result.Reason));
            Assert.Equal(3, File.ReadAllLines(failed).Length);
            Assert.Empty(close.Mock.Leads);
        }
        finally
        {
            File.Delete(failed);
        }
    }
}
