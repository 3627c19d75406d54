using System.Net;
using System.Text.Json;
using SupportTools.TestServer;
using SupportTools.TestServer.Echo;

namespace SupportTools.Tests.Http;

/// <summary>The test server's scenarios and the options every scenario shares.</summary>
public sealed class ScenarioTests
{
    [Theory]
    [InlineData("20/1s", 20, 1000)]
    [InlineData("20/s", 20, 1000)]
    [InlineData("600/15s", 600, 15_000)]
    [InlineData("5/500ms", 5, 500)]
    [InlineData("100/1m", 100, 60_000)]
    [InlineData("3/00:00:02", 3, 2000)]
    public void Rate_limits_read_as_requests_per_window(string text, int requests, int milliseconds)
    {
        var options = ScenarioOptions.Parse(["--rate-limit", text, "--rate-limit-hint", "ratelimitheader"]);

        Assert.Equal(new RateLimitPolicy(requests, TimeSpan.FromMilliseconds(milliseconds), RateLimitHint.RateLimitHeader), options.RateLimit);
    }

    [Theory]
    [InlineData("--rate-limit", "20")]
    [InlineData("--rate-limit", "0/1s")]
    [InlineData("--rate-limit", "20/0s")]
    [InlineData("--rate-limit", "x/1s")]
    [InlineData("--rate-limit-hint", "Sometimes")]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-rate", "often")]
    [InlineData("--fault-kinds", "500,explode")]
    [InlineData("--fault-kinds", "delay:soon")]
    [InlineData("--seed", "1.5")]
    public void A_malformed_shared_option_is_an_error_naming_it(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ScenarioOptions.Parse([name, value]));

        Assert.Contains(name, error.Message);
    }

    [Theory]
    [InlineData("pages")]
    [InlineData("--pages", "3", "--seed")]
    [InlineData("--", "3")]
    public void Arguments_must_be_name_value_pairs(params string[] arguments) =>
        Assert.Throws<ArgumentException>(() => ScenarioOptions.Parse(arguments));

    [Fact]
    public void Defaults_when_no_shared_option_is_given_and_scenario_options_by_name()
    {
        var options = ScenarioOptions.Parse(["--Pages", "3", "--since", "2024-03-04T00:00:00Z", "--hint", "JsonRateReset"]);

        Assert.Null(options.RateLimit);
        Assert.Equal((0.0, 1), (options.FaultRate, options.Seed));
        Assert.Equal(["Status(429)", "Status(500)", "Status(502)", "Status(503)", "Reset", "DropAfterHandling", "Truncated"], options.FaultKinds.Select(f => f.Name));
        Assert.Equal(3, options.Get("pages", 1));
        Assert.Equal(7, options.Get("per-page", 7));
        Assert.Equal(new DateTime(2024, 3, 4), options.Get("since", DateTime.MinValue).Date);
        Assert.Equal(RateLimitHint.JsonRateReset, options.Get("hint", RateLimitHint.None));
        Assert.Throws<ArgumentException>(() => options.Get("since", 0));
    }

    [Fact]
    public void Fault_kinds_read_by_name()
    {
        var options = ScenarioOptions.Parse(["--fault-kinds", "429, 502,reset,drop,truncated,notjson,delay:35s", "--rate-limit-hint", "JsonRateReset"]);

        Assert.Equal(
            [Fault.Status(429, RateLimitHint.JsonRateReset), Fault.Status(502), Fault.Reset(), Fault.DropAfterHandling(), Fault.Truncated(), Fault.NotJson(), Fault.Delay(TimeSpan.FromSeconds(35))],
            options.FaultKinds);
    }

    [Fact]
    public void The_registry_finds_the_scenario_classes_by_name()
    {
        Assert.Contains("echo", ScenarioRegistry.Names);
        Assert.IsType<EchoScenario>(ScenarioRegistry.Create("ECHO"));
        Assert.NotSame(ScenarioRegistry.Create("echo"), ScenarioRegistry.Create("echo"));
        var error = Assert.Throws<ArgumentException>(() => ScenarioRegistry.Create("nope"));
        Assert.Contains("echo", error.Message);
    }

    [Fact]
    public async Task A_started_scenario_serves_its_endpoints_behind_its_rate_limit()
    {
        await using var server = await ScenarioRegistry.StartAsync(new EchoScenario(), ["--rate-limit", "2/1m", "--rate-limit-hint", "XRateLimitReset"]);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        using var echoed = await client.PostAsync("/api/v2/cases?page=2", new StringContent("hello"));
        var echo = JsonDocument.Parse(await echoed.Content.ReadAsStringAsync()).RootElement;
        using var second = await client.GetAsync("/");
        using var third = await client.GetAsync("/");

        Assert.Equal(("POST", "/api/v2/cases", "?page=2", "hello"),
            (echo.GetProperty("method").GetString(), echo.GetProperty("path").GetString(), echo.GetProperty("query").GetString(), echo.GetProperty("body").GetString()));
        Assert.Equal("1", echoed.Headers.GetValues("X-Rate-Limit-Remaining").Single());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (second.StatusCode, third.StatusCode));
    }

    [Fact]
    public async Task A_started_scenario_meets_its_random_faults()
    {
        await using var server = await ScenarioRegistry.StartAsync(new EchoScenario(), ["--fault-rate", "1", "--fault-kinds", "503,notjson", "--seed", "3"]);
        using var client = new HttpClient { BaseAddress = server.BaseUri };

        for (var i = 0; i < 10; i++) (await client.GetAsync("/")).Dispose();

        Assert.All(server.Requests, r => Assert.Contains(r.Fault, new[] { "Status(503)", "NotJson" }));
        Assert.Equal(2, server.Requests.Select(r => r.Fault).Distinct().Count());
    }
}
