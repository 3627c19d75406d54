using SupportTools.Close;

namespace SupportTools.Tests.Close;

public class CloseQueryTests
{
    private static async Task<List<CloseLead>> Query(CloseServer close, DateOnly? from, DateOnly? to, IReadOnlyDictionary<string, string>? map = null)
    {
        var leads = new List<CloseLead>();
        await new CloseLeadService(close.Options()).GetLeadsAsync(from, to, map, NullReporter.Instance, leads.Add, CancellationToken.None);
        return leads;
    }

    [Fact]
    public async Task Reads_the_leads_founded_in_the_range_inclusive_with_state_and_revenue()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Seed("BEFORE", "CA", 1m, "2018-12-31");
        var first = close.Mock.Seed("FIRST DAY", "CA", 100.5m, "2019-01-01");
        close.Mock.Seed("LAST DAY", "NY", 200m, "2019-12-31");
        close.Mock.Seed("AFTER", "NY", 3m, "2020-01-01");
        close.Mock.Seed("NO DATE", "TX", 4m);
        var leads = await Query(close, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));
        Assert.Equal(["FIRST DAY", "LAST DAY"], leads.Select(l => l.Name).Order());
        var lead = leads.Single(l => l.Name == "FIRST DAY");
        Assert.Equal((first, "CA", 100.5m, "2019-01-01"), (lead.LeadId, lead.State, lead.Revenue, lead.Founded));
    }

    [Fact]
    public async Task Pages_with_the_cursor_and_asks_for_the_fields_in_the_search_no_request_per_lead()
    {
        await using var close = await CloseServer.StartAsync();
        for (var i = 0; i < 450; i++) close.Mock.Seed($"LEAD {i}", "WA", i, "2010-06-15");
        var leads = await Query(close, null, null);
        Assert.Equal(450, leads.Select(l => l.LeadId).Distinct().Count());
        Assert.All(leads, l => Assert.Equal(("WA", "2010-06-15"), (l.State, l.Founded)));
        var searches = close.Server.Requests.Where(r => r.PathAndQuery == "/api/v1/data/search/").ToList();
        Assert.Equal(3, searches.Count); // 200 + 200 + 50
        Assert.Contains($"custom.{close.Mock.FieldId("Revenue")}", searches[0].Body);
        Assert.Contains("cursor", searches[1].Body);
        Assert.DoesNotContain(close.Server.Requests, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v1/lead/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_segmentation_of_queried_leads_sums_per_state()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.Seed("A", "CA", 100m, "2019-05-01");
        close.Mock.Seed("B", "CA", 300m, "2019-05-01");
        close.Mock.Seed("C", "NY", 50m, "2019-05-01");
        var segmenter = new CloseLeadSegmenter();
        foreach (var lead in await Query(close, new DateOnly(2019, 1, 1), null)) segmenter.Add(lead.Name, lead.State, lead.Revenue);
        var ca = segmenter.Segments().Single(s => s.State == "CA");
        Assert.Equal((2, 400m, 200m, "B", 300m), (ca.Leads, ca.TotalRevenue!.Value, ca.MedianRevenue!.Value, ca.TopLead, ca.TopLeadRevenue!.Value));
    }

    [Fact]
    public async Task A_missing_founding_field_is_named()
    {
        await using var close = await CloseServer.StartAsync();
        close.Mock.RemoveField("Founded");
        var error = await Assert.ThrowsAsync<CloseFieldNotFoundException>(() => Query(close, null, null));
        Assert.Contains("'Founded'", error.Message);
        var id = close.Mock.AddField("Founding Date", "date");
        close.Mock.Seed("X", "CA", 1m);
        Assert.Single(await Query(close, null, null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Founded"] = "Founding Date" }));
        Assert.StartsWith("cf_", id);
    }
}
