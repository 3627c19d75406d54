using System.Text.Json;
using SupportTools.Desk;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Desk;

/// <summary>A server that always has one more page of new cases: the pull stops at a page cap, naming the page.</summary>
public class DeskPageCapTests
{
    private static readonly Uri BaseUri = new("http://127.0.0.1:5000/");

    /// <summary>Page n holds cases 2n-1 and 2n and links to page n+1, for ever; <paramref name="total"/> is what it claims.</summary>
    private static Task<JsonDocument> Endless(Uri page, long? total, List<Uri> fetched)
    {
        fetched.Add(page);
        var n = long.Parse(page.Query.Split("page=")[1].Split('&')[0]);
        return Task.FromResult(JsonDocument.Parse($$$"""
            {"total_entries":{{{(total?.ToString() ?? "null")}}},"_links":{"next":{"href":"/api/v2/cases?page={{{n + 1}}}&per_page=2"}},
             "_embedded":{"entries":[{"id":{{{2 * n - 1}}}},{"id":{{{2 * n}}}}]}}
            """));
    }

    [Fact]
    public async Task Twice_the_pages_total_entries_calls_for_plus_ten_is_the_most_a_pull_follows()
    {
        var fetched = new List<Uri>();
        var cases = new List<DeskCase>();

        var error = await Assert.ThrowsAsync<DeskPageException>(() => DeskCasePager.PullAsync(BaseUri, new DeskCaseQuery { PerPage = 2 },
            (page, _) => Endless(page, 10, fetched), new RecordingReporter(), cases.Add, null, CancellationToken.None));

        Assert.Equal(DeskPageProblem.Loop, error.Problem);
        Assert.Equal(20, fetched.Count); // 10 cases fill 5 pages: 2 x 5 + 10
        Assert.EndsWith("/api/v2/cases?page=20&per_page=2", error.PageUri.AbsoluteUri);
        Assert.Contains("past the 20 pages this pull allows for 10 cases (total_entries)", error.Message);
        Assert.Equal(40, cases.Count);
    }

    [Fact]
    public async Task Without_total_entries_MaxPages_is_the_cap()
    {
        var fetched = new List<Uri>();

        var error = await Assert.ThrowsAsync<DeskPageException>(() => DeskCasePager.PullAsync(BaseUri, new DeskCaseQuery { PerPage = 2, MaxPages = 7 },
            (page, _) => Endless(page, null, fetched), new RecordingReporter(), _ => { }, null, CancellationToken.None));

        Assert.Equal(7, fetched.Count);
        Assert.Contains("past the 7 pages this pull allows (-MaxPages)", error.Message);
    }

    [Theory]
    [InlineData(null, 100, 100_000)]
    [InlineData(0L, 100, 10)]
    [InlineData(250L, 100, 16)]
    [InlineData(1_000_000_000L, 100, 100_000)]
    public void The_page_cap_follows_total_entries_within_MaxPages(long? total, int perPage, long expected) =>
        Assert.Equal(expected, DeskCasePager.PageCap(new DeskCaseQuery { PerPage = perPage }, total));
}
