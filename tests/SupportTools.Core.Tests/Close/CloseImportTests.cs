using System.Text.Json.Nodes;
using SupportTools.Close;
using SupportTools.Http;
using SupportTools.TestServer;

namespace SupportTools.Tests.Close;

public class CloseImportTests
{
    private static List<CloseLeadDraft> Messy() =>
        [.. CloseLeadFile.Read(CloseLeadFileTests.MessyFile).Select(new CloseLeadCleaner().Clean)];

    private static CloseLeadDraft Draft(long row, string company, params (string Column, string Value)[] cells) =>
        new CloseLeadCleaner().Clean(LeadRow.Create(row, cells.Select(c => new KeyValuePair<string, string?>(c.Column, c.Value))
            .Prepend(new("Company", company))));

    [Fact]
    public async Task Creates_one_lead_per_company_with_close_shapes_and_reports_every_row()
    {
        await using var close = await CloseServer.StartAsync();
        var outcomes = await close.ImportAsync(Messy());

        Assert.Equal(12, outcomes.Count);
        Assert.Equal([2L, 3, 4, 11, 15], outcomes.Where(o => o.Result.Status == CloseLeadStatus.Created).Select(o => o.Result.Row).Order());
        Assert.Equal(7, outcomes.Count(o => o.Result.Status == CloseLeadStatus.Invalid));
        Assert.Equal(3, close.Mock.Leads.Count);
        Assert.All(close.Mock.Creations.Values, count => Assert.Equal(1, count));

        var acme = close.Mock.Leads.Single(l => (string?)l["name"] == "ACME CORP");
        var acmeRows = outcomes.Where(o => o.Result.Name == "ACME CORP").ToList();
        Assert.Equal(2, acmeRows.Count);
        Assert.All(acmeRows, o => Assert.Equal((string?)acme["id"], o.Result.LeadId));
        Assert.StartsWith("lead_", (string?)acme["id"]);
        Assert.Equal(2, acme["contacts"]!.AsArray().Count);
        Assert.Equal(1234567.50m, (decimal)acme[$"custom.{close.Mock.FieldId("Revenue")}"]!);
        Assert.Equal("2019-03-07", (string?)acme[$"custom.{close.Mock.FieldId("Founded")}"]);
        Assert.Equal("Software", (string?)acme[$"custom.{close.Mock.FieldId("Industry")}"]);
        Assert.Equal("CA", (string?)acme["addresses"]![0]!["state"]);

        var vandelay = close.Mock.Leads.Single(l => (string?)l["name"] == "VANDELAY INDUSTRIES");
        Assert.Equal(["ART VANDELAY", "KEL VARNSEN"], vandelay["contacts"]!.AsArray().Select(c => (string?)c!["name"]));
        var posts = close.Server.Requests.Count(r => r.Method == "POST" && r.PathAndQuery == "/api/v1/lead/");
        Assert.Equal(3, posts); // no fault, no retry: one POST per lead
    }

    [Fact]
    public async Task A_missing_custom_field_stops_the_run_before_any_lead_is_created()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.RemoveField("Founded");
        var error = await Assert.ThrowsAsync<CloseFieldNotFoundException>(() => close.ImportAsync(Messy()));
        Assert.Equal(["Founded"], error.Missing);
        Assert.Contains("'Revenue'", error.Message); // lists the fields Close has
        Assert.DoesNotContain(close.Server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task The_custom_field_map_names_fields_by_other_names()
    {
        await using var close = await CloseServer.StartAsync();
        var id = close.Mock.AddField("Founding Date", "date");
        close.Mock.RemoveField("Founded");
        await close.ImportAsync([Draft(2, "Acme", ("Founded", "3/7/2019"))], customFieldMap: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["founded"] = "founding date" });
        Assert.Equal("2019-03-07", (string?)close.Mock.Leads.Single()[$"custom.{id}"]);
    }

    [Fact]
    public async Task By_default_a_lead_with_exactly_that_name_is_left_alone()
    {
        await using var close = await CloseServer.StartAsync();
        var existing = close.Mock.Seed("ACME");
        close.Mock.Seed("ACME HOLDINGS"); // contains the name, but is another lead
        var outcomes = await close.ImportAsync([Draft(2, "acme"), Draft(3, "Globex"), Draft(4, "ACME HOLD")]);
        var acme = outcomes.Single(o => o.Result.Name == "ACME").Result;
        Assert.Equal((CloseLeadStatus.Skipped, existing), (acme.Status, acme.LeadId));
        Assert.Equal(CloseLeadStatus.Created, outcomes.Single(o => o.Result.Name == "GLOBEX").Result.Status);
        Assert.Equal(CloseLeadStatus.Created, outcomes.Single(o => o.Result.Name == "ACME HOLD").Result.Status);
        Assert.False(close.Mock.Creations.ContainsKey("ACME"));
        // One search for the three names (an "or" of phrase conditions), not one per company.
        Assert.Single(close.Server.Requests, r => r.PathAndQuery == "/api/v1/data/search/");

        // -AllowDuplicate: no look-up, the lead is created although one of that name exists.
        var again = await close.ImportAsync([Draft(2, "acme")], allowDuplicate: true);
        Assert.Equal(CloseLeadStatus.Created, Assert.Single(again).Result.Status);
        Assert.Equal(1, close.Mock.Creations["ACME"]);
        Assert.Single(close.Server.Requests, r => r.PathAndQuery == "/api/v1/data/search/");
    }

    [Fact]
    public async Task A_connection_dropped_after_the_lead_was_created_does_not_create_it_twice()
    {
        await using var close = await CloseServer.StartAsync();
        close.Server.Faults.Enqueue(Fault.DropAfterHandling(), CloseServer.IsLeadPost);
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")], allowDuplicate: true));
        Assert.Equal(CloseLeadStatus.Created, outcome.Result.Status);
        Assert.Equal(1, close.Mock.Creations["ACME"]);
        Assert.Equal((string?)close.Mock.Leads.Single()["id"], outcome.Result.LeadId);
        Assert.Contains(close.Server.Requests, r => r.PathAndQuery == "/api/v1/data/search/"); // looked up, not re-sent
        Assert.Single(close.Server.Requests, r => r.PathAndQuery == "/api/v1/lead/");
    }

    [Fact]
    public async Task A_create_that_times_out_after_acting_is_looked_up_not_repeated()
    {
        await using var close = await CloseServer.StartAsync();
        close.Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(3)), CloseServer.IsLeadPost);
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")], close.Options(attemptTimeout: TimeSpan.FromSeconds(1))));
        Assert.Equal(CloseLeadStatus.Created, outcome.Result.Status);
        await Task.Delay(2500); // the slow answer completes on the server meanwhile
        Assert.Equal(1, close.Mock.Creations["ACME"]);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_on_create_are_retried_and_the_lead_made_once(int status)
    {
        await using var close = await CloseServer.StartAsync();
        close.Server.Faults.Enqueue(Fault.Status(status), 2, CloseServer.IsLeadPost);
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme")]));
        Assert.Equal(CloseLeadStatus.Created, outcome.Result.Status);
        Assert.Equal(1, close.Mock.Creations["ACME"]);
    }

    [Theory]
    [InlineData(RateLimitHint.JsonRateReset)]
    [InlineData(RateLimitHint.RateLimitHeader)]
    [InlineData(RateLimitHint.RetryAfterSeconds)]
    [InlineData(RateLimitHint.RetryAfterDate)]
    [InlineData(RateLimitHint.None)]
    public async Task The_rate_limit_is_honoured_in_each_hint_style(RateLimitHint hint)
    {
        await using var close = await CloseServer.StartAsync(new RateLimitPolicy(10, TimeSpan.FromSeconds(1), hint));
        var drafts = Enumerable.Range(0, 25).Select(i => Draft(i + 2, $"Company {i}")).ToList();
        var outcomes = await close.ImportAsync(drafts, close.Options(maxAttempts: 10));
        Assert.All(outcomes, o => Assert.Equal(CloseLeadStatus.Created, o.Result.Status));
        Assert.Equal(25, close.Mock.Creations.Count);
        Assert.All(close.Mock.Creations.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_rate_limited_create_is_sent_again_without_a_lookup_but_one_after_a_drop_looks_again()
    {
        // A 429 says Close did nothing: no search is needed (each would cost a request of the same rate limit).
        await using var close = await CloseServer.StartAsync(new RateLimitPolicy(5, TimeSpan.FromSeconds(1), RateLimitHint.JsonRateReset));
        var outcomes = await close.ImportAsync(Enumerable.Range(0, 12).Select(i => Draft(i + 2, $"Company {i}")), allowDuplicate: true);
        Assert.All(outcomes, o => Assert.Equal(CloseLeadStatus.Created, o.Result.Status));
        Assert.Contains(close.Server.Requests, r => r.Fault == "RateLimit");
        Assert.DoesNotContain(close.Server.Requests, r => r.PathAndQuery == "/api/v1/data/search/");

        // After a connection reset (ambiguous), every later resend of that lead looks first, also after a 429.
        await using var faulty = await CloseServer.StartAsync();
        faulty.Server.Faults.Enqueue(Fault.Reset(), CloseServer.IsLeadPost);
        faulty.Server.Faults.Enqueue(Fault.Status(429, RateLimitHint.JsonRateReset, TimeSpan.FromMilliseconds(100)), CloseServer.IsLeadPost);
        Assert.Equal(CloseLeadStatus.Created, Assert.Single(await faulty.ImportAsync([Draft(2, "Acme")], allowDuplicate: true)).Result.Status);
        Assert.Equal(2, faulty.Server.Requests.Count(r => r.PathAndQuery == "/api/v1/data/search/"));
        Assert.Equal(1, faulty.Mock.Creations["ACME"]);
    }

    [Fact]
    public async Task A_refused_lead_fails_alone_with_the_servers_words()
    {
        await using var close = await CloseServer.StartAsync();
        var revenue = close.Mock.FieldId("Revenue");
        close.Mock.RemoveField("Revenue");
        close.Mock.AddField("Revenue", "text"); // another id: the run resolves the new one, but...
        close.Server.Faults.Enqueue(Fault.Status(400), r => CloseServer.IsLeadPost(r));
        var outcomes = await close.ImportAsync([Draft(2, "Acme"), Draft(3, "Globex")]);
        var failed = Assert.Single(outcomes, o => o.Result.Status == CloseLeadStatus.Failed);
        var error = Assert.IsType<ServiceException>(failed.Error);
        Assert.Equal(ServiceFailure.Rejected, error.Failure);
        Assert.Contains(failed.Result.Reason!, error.Message);
        Assert.Single(close.Mock.Creations);
        Assert.NotEqual(revenue, close.Mock.FieldId("Revenue"));
    }

    [Fact]
    public async Task Field_errors_from_close_are_in_the_reason()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.RemoveField("Revenue");
        var id = close.Mock.AddField("Revenue", "date"); // Close then refuses a number for it
        var outcome = Assert.Single(await close.ImportAsync([Draft(2, "Acme", ("Revenue", "100"))]));
        Assert.Equal(CloseLeadStatus.Failed, outcome.Result.Status);
        Assert.Contains($"custom.{id}: Enter a valid date.", outcome.Result.Reason);
        Assert.Contains("Validation error", outcome.Result.Reason);
    }

    [Fact]
    public async Task A_wrong_key_ends_the_run_as_an_authentication_failure_without_the_key()
    {
        await using var close = await CloseServer.StartAsync();
        const string wrong = "api_wrong_key_0123456789";
        var error = await Assert.ThrowsAsync<ServiceException>(() => close.ImportAsync([Draft(2, "Acme")], close.Options(key: wrong)));
        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.Empty(close.Mock.Leads);
    }

    [Fact]
    public async Task A_thousand_rows_through_faults_and_the_rate_limit_create_every_lead_exactly_once()
    {
        // CI speed: 200 requests/s (the bench runs the same at Close's 20/s). 5% of requests meet a random fault,
        // among them drops after the lead was created.
        await using var close = await CloseServer.StartAsync(new RateLimitPolicy(200, TimeSpan.FromSeconds(1), RateLimitHint.JsonRateReset));
        close.Server.Faults.Random(0.05, 7, Fault.Status(429, RateLimitHint.JsonRateReset, TimeSpan.FromMilliseconds(200)), Fault.Status(500),
            Fault.Status(502), Fault.Status(503), Fault.Reset(), Fault.DropAfterHandling(), Fault.Truncated());
        var (rows, invalid) = CloseLeadSample.Rows(1000, 11);
        var drafts = rows.Select(new CloseLeadCleaner().Clean).ToList();
        var outcomes = await close.ImportAsync(drafts, close.Options(maxAttempts: 10));

        Assert.Equal(1000, outcomes.Count);
        Assert.Equal(invalid.Order(), outcomes.Where(o => o.Result.Status == CloseLeadStatus.Invalid).Select(o => o.Result.Row).Order());
        Assert.All(outcomes.Where(o => !invalid.Contains(o.Result.Row)), o => Assert.Equal(CloseLeadStatus.Created, o.Result.Status));
        var companies = drafts.Where(d => d.IsValid).Select(d => d.Name!).Distinct().ToList();
        Assert.True(companies.Count < 1000 - invalid.Count, "the sample has companies with several rows");
        Assert.Equal(companies.Order(), close.Mock.Creations.Keys.Order());
        Assert.All(close.Mock.Creations, pair => Assert.True(pair.Value == 1, $"{pair.Key} was created {pair.Value} times"));
        Assert.Equal(companies.Count, close.Mock.Leads.Count);
        Assert.Contains(close.Server.Requests, r => r.Fault is not null);
    }
}
