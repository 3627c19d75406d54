using System.Management.Automation;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SupportTools.PowerShell.Tests.Support;
using SupportTools.TestServer;
using SupportTools.TestServer.Desk;

namespace SupportTools.PowerShell.Tests.Desk;

/// <summary>Get-DeskCase and Measure-DeskCase in the hosted engine against the Desk mock on a loopback server.</summary>
public sealed class GetDeskCaseTests : ModuleTest, IAsyncLifetime
{
    private const string User = "agent@example.com", Password = "Pa55-w0rd-never-shown";
    private const string ConsumerSecret = "consumer-secret-never-shown", TokenSecret = "token-secret-never-shown";
    private LoopbackServer _server = null!;
    private DeskMockOptions _site = new()
    {
        Cases = 600, Seed = 11, User = User, Password = Password,
        OAuth = ("consumer-key", ConsumerSecret, "access-token", TokenSecret),
    };

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(new DeskMock(_site).Map);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task Serve(DeskMockOptions site)
    {
        await _server.DisposeAsync();
        _site = site;
        _server = await LoopbackServer.StartAsync(new DeskMock(site).Map);
    }

    /// <summary>Defines $cred, $consumer, $token and $uri in the session.</summary>
    private void Credentials() => RunOk("""
        $global:uri = $args[0]
        $global:cred = [pscredential]::new($args[1], (ConvertTo-SecureString $args[2] -AsPlainText -Force))
        $global:consumer = [pscredential]::new('consumer-key', (ConvertTo-SecureString $args[3] -AsPlainText -Force))
        $global:token = [pscredential]::new('access-token', (ConvertTo-SecureString $args[4] -AsPlainText -Force))
        """, _server.BaseUri, User, Password, ConsumerSecret, TokenSecret);

    [Fact]
    public void The_classic_analysis_end_to_end_matches_the_cases_the_site_holds()
    {
        Credentials();
        var generated = Enumerable.Range(0, _site.Cases).Select(new DeskCaseGenerator(_site.Cases, _site.Seed).Case).ToList();
        static string? UserUri(MockDeskCase c) => c.UserId is null ? null : $"/api/v2/users/{c.UserId}";

        var perUser = RunOk("""
            $global:cases = Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100
            $cases | Where-Object Type -eq email | Group-Object AssignedUserUri | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Count = $_.Count } }
            """).Output;
        var expectedPerUser = generated.Where(c => c.Type == "email").GroupBy(c => UserUri(c) ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedPerUser.OrderBy(p => p.Key, StringComparer.Ordinal),
            perUser.Select(o => KeyValuePair.Create((string)P(o, "Name")!, (int)P(o, "Count")!)).OrderBy(p => p.Key, StringComparer.Ordinal));

        var stats = RunOk("$cases | Where-Object Type -eq email | Measure-DeskCase -By AssignedUserUri").OfType("SupportTools.Desk.DeskCaseStatistic");
        Assert.Equal(expectedPerUser.Count * 4, stats.Count);
        foreach (var group in generated.Where(c => c.Type == "email").GroupBy(UserUri))
        {
            var replies = stats.Single(s => (string?)P(s, "Group") == group.Key && (string)P(s, "Property")! == "Replies");
            Assert.Equal((long)group.Count(), P(replies, "Count"));
            Assert.Equal(group.Sum(c => c.Replies), (double)P(replies, "Sum")!);
            Assert.Equal(group.Max(c => c.Replies), (double)P(replies, "Max")!);
        }
        Assert.Null(P(stats[^1], "Group")); // unassigned cases come last

        var top = RunOk("$cases | Group-Object CustomerUri -NoElement | Sort-Object Count -Descending | Select-Object -First 3").Output;
        var expectedTop = generated.GroupBy(c => c.CustomerId).Select(g => g.Count()).OrderDescending().Take(3);
        Assert.Equal(expectedTop, top.Select(o => (int)P(o, "Count")!));
        Assert.Equal($"/api/v2/customers/{generated.GroupBy(c => c.CustomerId).MaxBy(g => g.Count())!.Key}", P(top[0], "Name"));
    }

    [Fact]
    public void Verbose_debug_warning_and_error_output_never_holds_a_password_or_secret()
    {
        Credentials();
        // On the second pull (the list, not the search the first one reads ahead in): a 429, then a 503.
        _server.Faults.Enqueue(Fault.Status(429, RateLimitHint.XRateLimitReset, TimeSpan.FromSeconds(1)), r => r.Path == "/api/v2/cases" && r.QueryString.Value!.Contains("page=2"));
        _server.Faults.Enqueue(Fault.Status(503), r => r.Path == "/api/v2/cases" && r.QueryString.Value!.Contains("page=3"));
        var bad = Ps.Run("""
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $WarningPreference = 'Continue'
            $wrong = [pscredential]::new($args[0], (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))
            $text = & {
                Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100 -Status open, pending, resolved -Verbose -Debug | Select-Object -First 1
                Get-DeskCase -BaseUri $uri -OAuthConsumer $consumer -OAuthToken $token -PerPage 100 -Verbose -Debug -IncludeCustomField | Select-Object -Last 1
                Get-DeskCase -BaseUri $uri -OAuthConsumer $consumer -OAuthToken $wrong -Verbose -Debug
                Get-DeskCase -BaseUri $uri -Credential $wrong -Verbose -Debug
            } *>&1 | Out-String -Width 400
            $text
            $Error | Format-List * -Force | Out-String -Width 400
            $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String -Width 400 }
            """, User);
        var everything = string.Join("\n", bad.Output.Select(o => o.ToString())) + string.Join("\n", bad.AllErrors.Select(e => e.ToString()));

        Assert.Contains("HttpAuthenticationFailed", everything);
        Assert.Contains("page=2&per_page=100: 429", everything); // the retries were reported…
        Assert.Contains("page=3&per_page=100: 503", everything);
        Assert.Contains("Desk GET /api/v2/cases/search?status=open%2Cpending%2Cresolved&page=1&per_page=100: 200", everything);
        foreach (var secret in new[] { Password, ConsumerSecret, TokenSecret, "wrong-password",
                                       Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)), "oauth_signature" })
            Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    public void Progress_counts_pages_and_cases_and_ends_with_a_completed_record()
    {
        Credentials();

        var result = RunOk("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100 | Measure-Object | Select-Object -ExpandProperty Count");

        Assert.Equal(600, (int)result.Output.Single().BaseObject);
        var records = result.Progress.Where(p => p.Activity == "Pulling Desk cases").ToList();
        Assert.Contains(records, p => p.StatusDescription.StartsWith("Page ", StringComparison.Ordinal) && p.StatusDescription.EndsWith(" of 6", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.All(records.SkipLast(1), p => Assert.InRange(p.PercentComplete, 0, 100));
    }

    [Fact]
    public void Select_First_stops_the_pull_after_a_few_pages()
    {
        Credentials();

        var first = RunOk("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 10 | Select-Object -First 15").Output;

        Assert.Equal(15, first.Count);
        Assert.InRange(_server.Requests.Count, 2, 40); // 60 pages in all; the bridge's bounded queue allows a little read-ahead
    }

    [Fact]
    public void Custom_fields_are_properties_only_when_asked_for_and_survive_Export_Csv()
    {
        Credentials();

        var plain = RunOk("Get-DeskCase -BaseUri $uri -Credential $cred | Select-Object -First 1").Output.Single();
        var withCustom = RunOk("""
            Get-DeskCase -BaseUri $uri -Credential $cred -IncludeCustomField | Select-Object -First 50 | Export-Csv custom.csv
            Import-Csv custom.csv
            """).Output;

        Assert.Null(plain.Properties["Custom_tier"]);
        Assert.Equal(50, withCustom.Count);
        var generated = new DeskCaseGenerator(_site.Cases, _site.Seed);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(generated.Case(i).Tier ?? "", P(withCustom[i], "Custom_tier"));
            Assert.Equal(generated.Case(i).Seats ?? "", P(withCustom[i], "Custom_seats"));
        }
    }

    [Fact]
    public async Task A_next_link_to_a_page_already_pulled_is_DeskPagingLoop_after_the_cases_before_it()
    {
        await Serve(_site with { RepeatNextOnPage = 2 });
        Credentials();

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("DeskPagingLoop", Id(error));
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("/api/v2/cases?page=2&per_page=100", error.Exception.Message);
        Assert.Equal(200, result.Output.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public void Wrong_credentials_are_HttpAuthenticationFailed_after_one_request()
    {
        Credentials();

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential ([pscredential]::new('agent@example.com', (ConvertTo-SecureString 'nope' -AsPlainText -Force)))");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("HttpAuthenticationFailed", Id(error));
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_site_whose_certificate_is_not_trusted_is_HttpCertificateRefused_at_once()
    {
        using var certificate = SelfSignedCertificate.For127001();
        await _server.DisposeAsync();
        _server = await LoopbackServer.StartAsync(new DeskMock(_site).Map, new LoopbackServerOptions { Certificate = certificate });
        Credentials();

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("HttpCertificateRefused", Id(error));
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("1 attempt", error.Exception.Message);
        Assert.Empty(_server.Requests); // not retried, and the password never left
    }

    [Fact]
    public void An_address_where_nothing_listens_fails_in_seconds_pointing_at_BaseUri()
    {
        // A port bound but not listening: connections are refused, and no other test's server can take it meanwhile.
        using var bound = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        bound.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var closed = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)bound.LocalEndPoint!).Port}/");
        Credentials();

        var result = Ps.Run("Get-DeskCase -BaseUri $args[0] -Credential $cred", closed);

        var error = Assert.Single(result.AllErrors);
        Assert.Equal(("HttpServiceUnavailable", ErrorCategory.ResourceUnavailable), (Id(error), error.CategoryInfo.Category));
        Assert.Contains("3 attempts): could not connect", error.Exception.Message);
        Assert.Contains("-BaseUri", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_page_that_is_not_JSON_is_HttpInvalidResponse_naming_the_page()
    {
        Credentials();
        _server.Faults.Enqueue(Fault.NotJson(), r => r.QueryString.Value!.Contains("page=3"));

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100");

        var error = Assert.Single(result.AllErrors);
        Assert.Equal("HttpInvalidResponse", Id(error));
        Assert.Contains("/api/v2/cases?page=3&per_page=100", error.Exception.Message);
        Assert.Equal(200, result.Output.Count);
    }

    [Fact]
    public async Task An_entry_that_is_not_a_case_is_an_InvalidDeskPage_error_for_it_and_a_page_that_is_not_a_HAL_page_ends_the_pull()
    {
        await _server.DisposeAsync();
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/v2/cases", () => Results.Text(
                """{"total_entries":3,"_links":{"next":{"href":"/api/v2/cases/more"}},"_embedded":{"entries":[{"id":1,"priority":3},{"id":2,"priority":"urgent"},{"id":3}]}}""", "application/json"));
            app.MapGet("/api/v2/cases/more", () => Results.Text("""{"_embedded":{"entries":{"id":4}}}""", "application/json"));
        });
        Credentials();

        var result = Ps.Run("Get-DeskCase -BaseUri $uri -Credential $cred -PerPage 100");

        Assert.Equal([1L, 3L], result.Output.Select(o => (long)P(o, "Id")!));
        var errors = result.AllErrors.ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("InvalidDeskPage", ErrorCategory.InvalidResult), (Id(e), e.CategoryInfo.Category)));
        Assert.Contains("/api/v2/cases?page=1&per_page=100", errors[0].Exception.Message);
        Assert.Contains("entry 2 (case 2), field 'priority'", errors[0].Exception.Message);
        Assert.Contains("/api/v2/cases/more: '_embedded.entries' should be a list", errors[1].Exception.Message);
        Assert.EndsWith("/api/v2/cases/more", errors[1].TargetObject.ToString());
    }
}
