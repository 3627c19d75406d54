using System.Text.Json;
using SupportTools.Desk;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Desk;

/// <summary>Following HAL pages without HTTP: a fetch delegate serves pages from a dictionary and records the requests.</summary>
public class DeskCasePagerTests
{
    private static readonly Uri BaseUri = new("http://127.0.0.1:5000/");

    /// <summary>Pages by path and query; records what was fetched.</summary>
    private sealed class FakeDesk
    {
        public Dictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);
        public List<Uri> Fetched { get; } = [];

        public Task<JsonDocument> Fetch(Uri uri, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Fetched.Add(uri);
            Assert.Equal(BaseUri.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
            return Task.FromResult(JsonDocument.Parse(Pages[uri.PathAndQuery]));
        }
    }

    private static string Case(long id) =>
        "{\"id\":" + id + ",\"type\":\"email\",\"_links\":{\"self\":{\"href\":\"/api/v2/cases/" + id + "\"}}}";

    private static string Page(long? total, string? next, params long[] ids)
    {
        var nextLink = next is null ? "null" : "{\"href\":\"" + next + "\",\"class\":\"page\"}";
        return "{\"total_entries\":" + (total?.ToString() ?? "null") + ",\"_links\":{\"self\":null,\"previous\":null,\"next\":" + nextLink
            + "},\"_embedded\":{\"entries\":[" + string.Join(",", ids.Select(Case)) + "]}}";
    }

    private static async Task<(List<DeskCase> Cases, RecordingReporter Reporter)> Pull(FakeDesk desk, DeskCaseQuery? query = null, CancellationToken token = default)
    {
        var cases = new List<DeskCase>();
        var reporter = new RecordingReporter();
        await DeskCasePager.PullAsync(BaseUri, query ?? new DeskCaseQuery { PerPage = 2 }, desk.Fetch, reporter, cases.Add, null, token);
        return (cases, reporter);
    }

    [Fact]
    public async Task Follows_next_links_relative_and_absolute_until_there_is_none_and_reports_pages_and_cases()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = Page(5, "/api/v2/cases?page=2&per_page=2", 1, 2);
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = Page(5, "http://127.0.0.1:5000/api/v2/cases?page=3&per_page=2", 3, 4);
        desk.Pages["/api/v2/cases?page=3&per_page=2"] = Page(5, null, 5);

        var (cases, reporter) = await Pull(desk);

        Assert.Equal([1L, 2, 3, 4, 5], cases.Select(c => c.Id!.Value));
        Assert.Equal(3, desk.Fetched.Count);
        Assert.Equal([("Page 1 of 3", 2L, (long?)5), ("Page 2 of 3", 4, 5), ("Page 3 of 3", 5, 5)], reporter.ProgressReports);
        Assert.Empty(reporter.Warnings);
    }

    [Fact]
    public async Task A_page_without_embedded_or_with_null_links_has_no_entries_and_ends_the_pull()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = """{"total_entries":2,"_links":{"next":{"href":"/api/v2/cases?page=2&per_page=2"}},"_embedded":{"entries":[{"id":1},{"id":2}]}}""";
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = """{"total_entries":2,"_links":{"self":{"href":"/api/v2/cases?page=2&per_page=2"},"next":{"href":"/api/v2/cases?page=3&per_page=2"}}}""";
        desk.Pages["/api/v2/cases?page=3&per_page=2"] = """{"total_entries":2,"_links":null,"_embedded":null}""";

        var (cases, reporter) = await Pull(desk);

        Assert.Equal([1L, 2], cases.Select(c => c.Id!.Value));
        Assert.Equal(3, desk.Fetched.Count);
        Assert.Empty(reporter.Warnings);
    }

    [Fact]
    public async Task An_empty_last_page_ends_the_pull()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = Page(2, "/api/v2/cases?page=2&per_page=2", 1, 2);
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = Page(2, null);

        var (cases, _) = await Pull(desk);

        Assert.Equal(2, cases.Count);
        Assert.Equal(2, desk.Fetched.Count);
    }

    [Theory]
    [InlineData("/api/v2/cases?page=1&per_page=2")]
    [InlineData("/api/v2/cases?per_page=2&page=1")] // the same page, parameters in another order
    [InlineData("http://127.0.0.1:5000/api/v2/cases?page=2&per_page=2")] // itself, written absolute
    public async Task A_next_link_to_a_page_already_pulled_stops_with_an_error_naming_the_page(string repeated)
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = Page(6, "/api/v2/cases?page=2&per_page=2", 1, 2);
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = Page(6, repeated, 3, 4);
        var cases = new List<DeskCase>();

        var error = await Assert.ThrowsAsync<DeskPageException>(() =>
            DeskCasePager.PullAsync(BaseUri, new DeskCaseQuery { PerPage = 2 }, desk.Fetch, new RecordingReporter(), cases.Add, null, default));

        Assert.Equal(DeskPageProblem.Loop, error.Problem);
        Assert.Equal(new Uri("http://127.0.0.1:5000/api/v2/cases?page=2&per_page=2"), error.PageUri);
        Assert.Contains("http://127.0.0.1:5000/api/v2/cases?page=2&per_page=2", error.Message);
        Assert.Contains(repeated, error.Message);
        Assert.Equal(2, desk.Fetched.Count);
        Assert.Equal(4, cases.Count); // what was pulled before the loop was seen still went out
    }

    [Theory]
    [InlineData("""[]""", "expected a JSON object (a HAL page), found a list")]
    [InlineData("""{"total_entries":"many"}""", "'total_entries' should be a whole number, found a string \"many\"")]
    [InlineData("""{"_embedded":[]}""", "'_embedded' should be an object, found a list")]
    [InlineData("""{"_embedded":{"entries":{"id":1}}}""", "'_embedded.entries' should be a list, found an object")]
    [InlineData("""{"_links":{"next":"/api/v2/cases?page=2"}}""", "'_links.next' should be an object with an href, found a string \"/api/v2/cases?page=2\"")]
    [InlineData("""{"_links":{"next":{"href":2}}}""", "'_links.next.href' should be a string, found the number 2")]
    public async Task A_page_that_is_not_a_HAL_page_of_cases_stops_with_an_error_naming_its_URL(string page, string reason)
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = page;

        var error = await Assert.ThrowsAsync<DeskPageException>(() => Pull(desk));

        Assert.Equal(DeskPageProblem.InvalidPage, error.Problem);
        Assert.Equal($"Desk page http://127.0.0.1:5000/api/v2/cases?page=1&per_page=2: {reason}.", error.Message);
    }

    [Fact]
    public async Task An_entry_that_is_not_a_valid_case_goes_to_the_callback_and_the_pull_goes_on()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = """{"total_entries":3,"_links":{"next":{"href":"/api/v2/cases?page=2&per_page=2"}},"_embedded":{"entries":[{"id":1},{"id":2,"created_at":"soon"}]}}""";
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = """{"total_entries":3,"_links":{"next":null},"_embedded":{"entries":[{"id":3}]}}""";
        var cases = new List<DeskCase>();
        var bad = new List<DeskPageException>();
        var reporter = new RecordingReporter();

        await DeskCasePager.PullAsync(BaseUri, new DeskCaseQuery { PerPage = 2 }, desk.Fetch, reporter, cases.Add, bad.Add, default);

        Assert.Equal([1L, 3], cases.Select(c => c.Id!.Value));
        var error = Assert.Single(bad);
        Assert.Contains("entry 2 (case 2), field 'created_at'", error.Message);
        Assert.Equal(new Uri(BaseUri, "/api/v2/cases?page=1&per_page=2"), error.PageUri);
        Assert.Empty(reporter.Warnings); // the page held the three entries total_entries promised
        Assert.Equal(3, reporter.ProgressReports[^1].Completed + 1);
    }

    [Fact]
    public async Task A_total_that_the_pages_do_not_hold_is_a_warning()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = Page(3, null, 1, 2);

        var (_, reporter) = await Pull(desk);

        Assert.Contains("holds 3 cases (total_entries) but its pages held 2", Assert.Single(reporter.Warnings));
    }

    [Fact]
    public async Task Cancellation_stops_between_pages()
    {
        var desk = new FakeDesk();
        desk.Pages["/api/v2/cases?page=1&per_page=2"] = Page(4, "/api/v2/cases?page=2&per_page=2", 1, 2);
        desk.Pages["/api/v2/cases?page=2&per_page=2"] = Page(4, null, 3, 4);
        using var stop = new CancellationTokenSource();
        var cases = new List<DeskCase>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeskCasePager.PullAsync(BaseUri, new DeskCaseQuery { PerPage = 2 }, desk.Fetch,
            new RecordingReporter(), c => { cases.Add(c); if (cases.Count == 2) stop.Cancel(); }, null, stop.Token));

        Assert.Single(desk.Fetched);
        Assert.Equal(2, cases.Count);
    }

    [Theory]
    [InlineData(null, null, DeskSinceField.Updated, 100, "/api/v2/cases?page=1&per_page=100")]
    [InlineData("open,Pending", null, DeskSinceField.Updated, 50, "/api/v2/cases/search?status=open%2Cpending&page=1&per_page=50")]
    [InlineData(null, "2024-03-04T01:00:00+01:00", DeskSinceField.Updated, 1, "/api/v2/cases/search?since_updated_at=1709510400&page=1&per_page=1")]
    [InlineData("resolved", "2024-03-04T00:00:00Z", DeskSinceField.Created, 100, "/api/v2/cases/search?status=resolved&since_created_at=1709510400&page=1&per_page=100")]
    public void The_list_takes_no_filters_so_a_filtered_pull_uses_the_case_search(string? status, string? since, DeskSinceField field, int perPage, string expected)
    {
        var query = new DeskCaseQuery
        {
            Status = status?.Split(',') ?? [],
            Since = since is null ? null : DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
            SinceField = field,
            PerPage = perPage,
        };

        Assert.Equal(expected, query.FirstPage());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Desk_serves_1_to_100_cases_a_page(int perPage) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeskCaseQuery { PerPage = perPage }.FirstPage());
}
