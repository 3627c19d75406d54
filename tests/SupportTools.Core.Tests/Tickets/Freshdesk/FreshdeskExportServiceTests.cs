using System.Net.Http.Headers;
using System.Text;
using SupportTools.Http;
using SupportTools.TestServer;
using SupportTools.TestServer.Freshdesk;
using SupportTools.Tests.Storage;
using SupportTools.Tickets;
using SupportTools.Tickets.Freshdesk;

namespace SupportTools.Tests.Tickets.Freshdesk;

/// <summary>
/// Whole pulls from the freshdesk mock on a loopback server: the listing with the key, the files from pre-signed links
/// without it, days without exports, the 30-day window, files already there, the per-minute limit and failures.
/// </summary>
public sealed class FreshdeskExportServiceTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateOnly Dec1 = new(2026, 12, 1), Dec2 = new(2026, 12, 2), Dec3 = new(2026, 12, 3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "st-freshdesk-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    private sealed record Pull(List<FileInfo> Files, List<FreshdeskExportFailure> Failures, RecordingReporter Reporter,
        LoopbackServer Server, FreshdeskMock Mock, List<FreshdeskExportDownload> Asked);

    private async Task<Pull> PullAsync(FreshdeskMockOptions? mock = null, IReadOnlyList<DateOnly>? dates = null, bool force = false,
        bool approve = true, string key = FreshdeskMock.DefaultApiKey, Action<LoopbackServer>? arrange = null, LoopbackServerOptions? serverOptions = null)
    {
        var freshdesk = new FreshdeskMock(mock ?? new FreshdeskMockOptions());
        await using var server = await LoopbackServer.StartAsync(freshdesk.Map, serverOptions);
        arrange?.Invoke(server);
        var pull = new Pull([], [], new RecordingReporter(), server, freshdesk, []);
        var request = new FreshdeskExportRequest
        {
            Api = new ServiceClientOptions
            {
                BaseUri = server.BaseUri,
                ServiceName = "Freshdesk",
                Signer = new BasicAuthSigner(key, "X"),
                BaseDelay = TimeSpan.FromMilliseconds(5),
            },
            Dates = dates ?? [Dec1, Dec2],
            OutputFolder = _folder,
            Force = force,
            Approve = (download, _) =>
            {
                pull.Asked.Add(download);
                return Task.FromResult(approve);
            },
        };
        await new FreshdeskExportService(new FixedClock(Today)).PullAsync(request, pull.Reporter, pull.Files.Add, pull.Failures.Add, CancellationToken.None);
        return pull;
    }

    private static IEnumerable<RecordedRequest> Listings(LoopbackServer server) =>
        server.Requests.Where(r => r.PathAndQuery.StartsWith(FreshdeskExportService.ExportPath, StringComparison.Ordinal));

    private static IEnumerable<RecordedRequest> FileRequests(LoopbackServer server) =>
        server.Requests.Where(r => r.PathAndQuery.StartsWith(FreshdeskMock.FilePrefix, StringComparison.Ordinal));

    [Fact]
    public async Task Writes_each_days_file_named_by_date_with_the_key_on_the_listing_only()
    {
        var pull = await PullAsync();

        Assert.Equal(["ticket_activities_2026-12-01.json", "ticket_activities_2026-12-02.json"], pull.Files.Select(f => f.Name));
        Assert.Equal(pull.Mock.FileContent(Dec1, 1), File.ReadAllBytes(Path.Combine(_folder, "ticket_activities_2026-12-01.json")));
        Assert.Equal(pull.Mock.FileContent(Dec2, 1), File.ReadAllBytes(Path.Combine(_folder, "ticket_activities_2026-12-02.json")));
        Assert.Equal(["/api/v2/export/ticket_activities?created_at=2026-12-01", "/api/v2/export/ticket_activities?created_at=2026-12-02"],
            Listings(pull.Server).Select(r => r.PathAndQuery));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FreshdeskMock.DefaultApiKey + ":X"));
        Assert.All(Listings(pull.Server), r => Assert.Equal(basic, r.Headers["Authorization"]));
        Assert.Equal(2, FileRequests(pull.Server).Count());
        Assert.All(FileRequests(pull.Server), r => Assert.False(r.Headers.ContainsKey("Authorization")));
        Assert.Equal(0, pull.Mock.RefusedWithAuthorization);
        Assert.Empty(pull.Failures);
        Assert.Empty(Directory.GetFiles(_folder, "*.partial", SearchOption.AllDirectories).Concat(Directory.GetFiles(_folder, ".*")));
        Assert.Equal((2L, (long?)2L), (pull.Reporter.ProgressReports[^1].Completed, pull.Reporter.ProgressReports[^1].Total));
        Assert.Contains(pull.Reporter.ProgressReports, p => p.Status.StartsWith("2026-12-02: file 1 of 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_file_host_refuses_a_request_that_carries_the_key()
    {
        // What the pull must never do, done by hand: the mock answers as S3 does to a pre-signed link with an Authorization header.
        var freshdesk = new FreshdeskMock(new FreshdeskMockOptions());
        await using var server = await LoopbackServer.StartAsync(freshdesk.Map);
        using var http = new HttpClient();
        using var listing = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "/api/v2/export/ticket_activities?created_at=2026-12-01"));
        listing.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(FreshdeskMock.DefaultApiKey + ":X")));
        var body = await (await http.SendAsync(listing)).Content.ReadAsStringAsync();
        var link = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("export")[0].GetProperty("url").GetString()!;
        using var download = new HttpRequestMessage(HttpMethod.Get, link);
        download.Headers.Authorization = listing.Headers.Authorization;

        using var refused = await http.SendAsync(download);

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("<Code>InvalidArgument</Code>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, freshdesk.RefusedWithAuthorization);
        Assert.Equal(200, (int)(await http.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Several_files_a_day_are_numbered_in_the_listed_order()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { FilesPerDay = 3 }, [Dec3]);

        Assert.Equal(["ticket_activities_2026-12-03_1.json", "ticket_activities_2026-12-03_2.json", "ticket_activities_2026-12-03_3.json"],
            pull.Files.Select(f => f.Name));
        Assert.Equal(pull.Mock.FileContent(Dec3, 2), File.ReadAllBytes(pull.Files[1].FullName));
        Assert.Equal([(1, 3), (2, 3), (3, 3)], pull.Asked.Select(a => (a.Index, a.Count)));
    }

    [Fact]
    public async Task Reads_the_older_accounts_single_object_answer()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { LegacyShape = true, FilesPerDay = 2 }, [Dec1]);

        var file = Assert.Single(pull.Files);
        Assert.Equal("ticket_activities_2026-12-01.json", file.Name);
        Assert.Equal(pull.Mock.FileContent(Dec1, 1), File.ReadAllBytes(file.FullName));
    }

    [Fact]
    public async Task A_day_without_an_export_is_a_warning_and_the_other_days_are_pulled()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { MissingDates = new HashSet<DateOnly> { Dec2 }, EmptyDates = new HashSet<DateOnly> { Dec3 } }, [Dec1, Dec2, Dec3]);

        Assert.Equal(["ticket_activities_2026-12-01.json"], pull.Files.Select(f => f.Name));
        Assert.Empty(pull.Failures);
        Assert.Collection(pull.Reporter.Warnings,
            w => Assert.Contains("no ticket-activity export for 2026-12-02 (404)", w),
            w => Assert.Contains("lists no ticket-activity export file for 2026-12-03", w));
        Assert.False(File.Exists(Path.Combine(_folder, "ticket_activities_2026-12-02.json")));
    }

    [Fact]
    public async Task Days_older_than_30_days_or_still_to_come_are_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => PullAsync(dates: [Dec1, Today.AddDays(-31), Today.AddDays(-45), Today.AddDays(2)]));

        Assert.Contains("keeps ticket-activity exports for 30 days", error.Message);
        Assert.Contains("2026-11-05, 2026-10-22", error.Message);
        Assert.Contains("the oldest day it can have is 2026-11-06", error.Message);
        Assert.Contains("2026-12-08 is still to come", error.Message);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task The_oldest_kept_day_and_tomorrow_are_asked_for()
    {
        var pull = await PullAsync(dates: [Today.AddDays(-30), Today.AddDays(1)]);

        Assert.Equal(["ticket_activities_2026-11-06.json", "ticket_activities_2026-12-07.json"], pull.Files.Select(f => f.Name));
    }

    [Fact]
    public async Task A_file_already_there_is_kept_without_a_download_and_replaced_with_Force()
    {
        Directory.CreateDirectory(_folder);
        var existing = Path.Combine(_folder, "ticket_activities_2026-12-01.json");
        File.WriteAllText(existing, "{\"kept\":true}");

        var kept = await PullAsync(dates: [Dec1, Dec2]);
        Assert.Equal("{\"kept\":true}", File.ReadAllText(existing));
        Assert.Equal(["ticket_activities_2026-12-01.json", "ticket_activities_2026-12-02.json"], kept.Files.Select(f => f.Name));
        Assert.Single(FileRequests(kept.Server));
        Assert.Contains(kept.Reporter.VerboseLines, line => line.Contains("ticket_activities_2026-12-01.json' is there already: kept (-Force"));
        Assert.Equal([false], kept.Asked.Select(a => a.Replaces));

        var replaced = await PullAsync(dates: [Dec1], force: true);
        Assert.Equal(replaced.Mock.FileContent(Dec1, 1), File.ReadAllBytes(existing));
        Assert.Equal([true], replaced.Asked.Select(a => a.Replaces));
    }

    [Fact]
    public async Task A_declined_file_is_neither_downloaded_nor_written()
    {
        var pull = await PullAsync(approve: false);

        Assert.Empty(pull.Files);
        Assert.Equal(2, pull.Asked.Count);
        Assert.Empty(FileRequests(pull.Server));
        Assert.Equal(2, Listings(pull.Server).Count());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Waits_out_the_per_minute_limit_as_Retry_After_asks()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { ApiLimit = 2, ApiWindow = TimeSpan.FromSeconds(1) }, [Dec1, Dec2, Dec3]);

        Assert.Equal(3, pull.Files.Count);
        var listings = Listings(pull.Server).ToList();
        Assert.Contains(listings, r => r.Status == 429);
        Assert.Equal(3, listings.Count(r => r.Status == 200));
        Assert.Contains(pull.Reporter.VerboseLines, line => line.Contains("retrying in") && line.Contains("(as the server asked)"));
    }

    [Fact]
    public async Task A_refused_key_stops_the_pull_at_once()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => PullAsync(key: "wrong-key"));

        Assert.Equal(ServiceFailure.Authentication, error.Failure);
        Assert.Contains("You have to be logged in", error.Message);
        Assert.DoesNotContain("wrong-key", error.Message);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task An_account_without_the_feature_is_told_so_in_Freshdesks_words()
    {
        var error = await Assert.ThrowsAsync<ServiceException>(() => PullAsync(new FreshdeskMockOptions { FeatureDisabled = true }));

        Assert.Equal(ServiceFailure.PermissionDenied, error.Failure);
        Assert.Contains("Activity Export feature", error.Message);
    }

    [Fact]
    public async Task An_expired_link_fails_that_file_and_leaves_no_partial_file()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { LinkLifetime = TimeSpan.FromSeconds(-1) }, [Dec1, Dec2]);

        Assert.Empty(pull.Files);
        Assert.Equal(2, pull.Failures.Count);
        var failure = pull.Failures[0];
        Assert.Equal(Path.Combine(_folder, "ticket_activities_2026-12-01.json"), failure.Target);
        var service = Assert.IsType<ServiceException>(failure.Exception);
        Assert.Equal(403, service.StatusCode);
        Assert.Contains("Freshdesk export download", service.Message);
        Assert.DoesNotContain(FreshdeskMock.DefaultApiKey, service.Message);
        Assert.Empty(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []);
    }

    [Fact]
    public async Task A_download_that_is_not_an_export_is_not_written()
    {
        var pull = await PullAsync(dates: [Dec1, Dec2],
            arrange: server => server.Faults.Enqueue(Fault.NotJson(), r => r.Path.StartsWithSegments(FreshdeskMock.FilePrefix)));

        Assert.Equal(["ticket_activities_2026-12-02.json"], pull.Files.Select(f => f.Name));
        var failure = Assert.Single(pull.Failures);
        Assert.Equal(ServiceFailure.InvalidResponse, Assert.IsType<ServiceException>(failure.Exception).Failure);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_download_cut_off_midway_is_fetched_again_and_written_whole()
    {
        var pull = await PullAsync(dates: [Dec1],
            arrange: server => server.Faults.Enqueue(Fault.Truncated(), r => r.Path.StartsWithSegments(FreshdeskMock.FilePrefix)));

        Assert.Empty(pull.Failures);
        Assert.Equal(2, FileRequests(pull.Server).Count());
        Assert.Equal(pull.Mock.FileContent(Dec1, 1), File.ReadAllBytes(Path.Combine(_folder, "ticket_activities_2026-12-01.json")));
        Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_listing_of_the_wrong_shape_fails_that_day_only()
    {
        var pull = await PullAsync(dates: [Dec1, Dec2],
            arrange: server => server.Faults.Enqueue(Fault.NotJson(), r => r.Path.StartsWithSegments(FreshdeskExportService.ExportPath)));

        Assert.Equal(["ticket_activities_2026-12-02.json"], pull.Files.Select(f => f.Name));
        var failure = Assert.Single(pull.Failures);
        Assert.Equal((Dec1, "2026-12-01"), (failure.Date, failure.Target));
    }

    [Fact]
    public async Task Links_to_another_origin_are_fetched_there_without_the_key()
    {
        // "localhost" and 127.0.0.1 are two origins to the client: the links leave the API's origin, as S3 links do.
        var pull = await PullAsync(new FreshdeskMockOptions { FileHost = "localhost" }, [Dec1]);

        Assert.Equal(pull.Mock.FileContent(Dec1, 1), File.ReadAllBytes(Assert.Single(pull.Files).FullName));
        var download = Assert.Single(FileRequests(pull.Server));
        Assert.StartsWith("localhost:", download.Headers["Host"], StringComparison.Ordinal);
        Assert.False(download.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task The_pulled_files_import_into_the_store()
    {
        var pull = await PullAsync(new FreshdeskMockOptions { FilesPerDay = 2, ActivitiesPerFile = 80 }, [Dec1]);

        var database = Path.Combine(_folder, "store.db");
        using var store = TicketStore.Open(database);
        var summaries = pull.Files.Select(file => store.ImportFile(file.FullName)).ToList();
        Assert.All(summaries, s => Assert.Equal(s.Activities, s.Inserted));
        Assert.All(summaries, s => Assert.InRange(s.Activities, 40, 80));
        Assert.Equal(0, store.ImportFile(pull.Files[0].FullName).Inserted);
    }

    [Theory]
    [InlineData("acme.freshdesk.com", "https://acme.freshdesk.com/")]
    [InlineData("ACME.Freshdesk.com.", "https://acme.freshdesk.com/")]
    [InlineData("acme", "https://acme.freshdesk.com/")]
    [InlineData("support.example.org", "https://support.example.org/")]
    public void The_domain_gives_the_accounts_address(string domain, string address) =>
        Assert.Equal(new Uri(address), FreshdeskExportService.AccountAddress(domain));

    [Theory]
    [InlineData("https://acme.freshdesk.com")]
    [InlineData("acme.freshdesk.com/api")]
    [InlineData("")]
    public void A_domain_that_is_not_a_host_name_is_refused(string domain) =>
        Assert.Throws<InvalidRequestException>(() => FreshdeskExportService.AccountAddress(domain));

    [Fact]
    public void File_names_carry_the_day_and_a_number_only_when_the_day_has_several()
    {
        Assert.Equal("ticket_activities_2026-12-01.json", FreshdeskExportService.FileName(Dec1, 1, 1));
        Assert.Equal("ticket_activities_2026-12-01_2.json", FreshdeskExportService.FileName(Dec1, 2, 3));
    }
}
