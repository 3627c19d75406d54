using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SupportTools.TestServer;
using SupportTools.TestServer.Desk;

namespace SupportTools.Tests.Desk;

/// <summary>The console host's <c>desk</c> scenario: its options reach the mock, and Desk's rate-limit hint is the default.</summary>
public class DeskScenarioTests
{
    [Fact]
    public async Task Options_set_the_site_the_credentials_and_the_page_faults()
    {
        Assert.IsType<DeskScenario>(ScenarioRegistry.Create("desk"));
        await using var server = await ScenarioRegistry.StartAsync(ScenarioRegistry.Create("desk"),
            ["--cases", "30", "--seed", "4", "--user", "a@b.c", "--password", "pw", "--repeat-next-on", "2", "--null-links", "true"]);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        using var anonymous = await client.GetAsync("/api/v2/cases?page=2&per_page=10");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("a@b.c:pw")));
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/v2/cases?page=2&per_page=10"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var root = page.RootElement;
        Assert.Equal(30, root.GetProperty("total_entries").GetInt32());
        Assert.Equal("/api/v2/cases?page=1&per_page=10", root.GetProperty("_links").GetProperty("next").GetProperty("href").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("_links").GetProperty("self").ValueKind);
        var entries = root.GetProperty("_embedded").GetProperty("entries");
        Assert.Equal(10, entries.GetArrayLength());
        Assert.Equal(11, entries[0].GetProperty("id").GetInt32());
        Assert.Equal(new DeskCaseGenerator(30, 4).Case(10).Type, entries[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_rate_limit_answers_with_Desks_X_Rate_Limit_Reset_by_default()
    {
        await using var server = await ScenarioRegistry.StartAsync(ScenarioRegistry.Create("desk"), ["--cases", "5", "--rate-limit", "1/1m"]);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        using var first = await client.GetAsync("/api/v2/cases");
        using var second = await client.GetAsync("/api/v2/cases");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.Contains("X-Rate-Limit-Reset"));
    }
}
