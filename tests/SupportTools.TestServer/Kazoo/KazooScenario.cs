using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Kazoo;

/// <summary>
/// The <c>kazoo</c> scenario: a <see cref="KazooMock"/> crossbar. Options: <c>--cdrs 200</c>, <c>--seed 1</c>,
/// <c>--start 2026-01-01T00:00:00Z</c>, <c>--days 60</c>, <c>--max-range 2682000</c>, <c>--token-uses N</c> (tokens
/// expire after N CDR requests), <c>--bad-page N</c>, <c>--bad-row N</c> (that CDR's duration_seconds is "n/a"), <c>--repeat-start-key-on N</c>, <c>--account-id</c>,
/// <c>--account-name</c>, <c>--api-key</c>, <c>--user</c>, <c>--password</c>; plus the shared rate-limit and fault options.
/// </summary>
public sealed class KazooScenario : IScenario
{
    /// <inheritdoc/>
    public string Name => "kazoo";

    /// <inheritdoc/>
    public string Description =>
        "a Kazoo crossbar (/v2/api_auth, /v2/user_auth, /v2/accounts/{id}/cdrs) of generated CDRs; --cdrs N --seed S --start ISO --days D " +
        "--max-range SECONDS --token-uses N --bad-page N --bad-row N --repeat-start-key-on N --account-id ID --account-name NAME --api-key KEY --user U --password P";

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options)
    {
        var defaults = new KazooMockOptions();
        new KazooMock(new KazooMockOptions
        {
            AccountId = options.Get("account-id", defaults.AccountId),
            AccountName = options.Get("account-name", defaults.AccountName),
            ApiKey = options.Get("api-key", defaults.ApiKey),
            User = options.Get("user", defaults.User),
            Password = options.Get("password", defaults.Password),
            Cdrs = options.Get("cdrs", defaults.Cdrs),
            Seed = options.Seed,
            Start = options.Get("start", defaults.Start),
            Span = TimeSpan.FromDays(options.Get("days", defaults.Span.TotalDays)),
            MaxRangeSeconds = options.Get("max-range", defaults.MaxRangeSeconds),
            TokenUses = options.Get<int?>("token-uses", null),
            BadPage = options.Get<int?>("bad-page", null),
            BadRow = options.Get<int?>("bad-row", null),
            RepeatStartKeyOn = options.Get<int?>("repeat-start-key-on", null),
        }).Map(endpoints);
    }
}
