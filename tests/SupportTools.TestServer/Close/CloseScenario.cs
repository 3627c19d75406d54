using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Close;

/// <summary>
/// The <c>close</c> console scenario: a <see cref="CloseMock"/> (<c>--api-key</c>, default <see cref="CloseMock.DefaultApiKey"/>)
/// with <c>--leads N</c> existing leads spread over a few states, revenues and founding dates (seeded by <c>--seed</c>).
/// Close's own 429 style by default: the <c>rate_reset</c> body.
/// </summary>
public sealed class CloseScenario : IScenario
{
    private static readonly string[] States = ["CA", "NY", "TX", "WA", "MA", "IL", "FL"];

    /// <inheritdoc/>
    public string Name => "close";

    /// <inheritdoc/>
    public string Description => "Close leads API (custom fields, lead create, data/search); --api-key KEY, --leads N existing leads";

    /// <inheritdoc/>
    public RateLimitHint DefaultRateLimitHint => RateLimitHint.JsonRateReset;

    /// <summary>The mock this scenario serves (for tests that start the scenario in-process).</summary>
    public CloseMock? Mock { get; private set; }

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options)
    {
        Mock = new CloseMock(options.Get("api-key", CloseMock.DefaultApiKey));
        var random = new Random(options.Seed);
        var count = options.Get("leads", 0);
        for (var i = 1; i <= count; i++)
        {
            var founded = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Mock.Seed($"LEAD {i:D4}", States[random.Next(States.Length)], random.Next(1, 2000) * 1000m, founded);
        }
        Mock.Map(endpoints);
    }
}
