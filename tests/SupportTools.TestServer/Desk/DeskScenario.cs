using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Desk;

/// <summary>
/// The <c>desk</c> scenario: a <see cref="DeskMock"/> site. Options: <c>--cases 250</c>, <c>--seed 1</c>,
/// <c>--user a@b.c --password p</c> (basic authentication required), <c>--consumer-key k --consumer-secret s --token t
/// --token-secret u</c> (OAuth 1.0a required), <c>--repeat-next-on N</c>, <c>--drop-embedded-on N</c>,
/// <c>--null-links true</c>, <c>--empty-last-page true</c>, <c>--nonce-loop-on N</c>, <c>--mixed-eras true</c>,
/// <c>--no-custom-field-list true</c>; plus the shared rate-limit and fault options. Desk
/// answered rate limits with <c>X-Rate-Limit-Reset</c>.
/// </summary>
public sealed class DeskScenario : IScenario
{
    /// <inheritdoc/>
    public string Name => "desk";

    /// <inheritdoc/>
    public string Description =>
        "a Desk API v2 site of generated cases (/api/v2/cases, /api/v2/cases/search); --cases N --seed S --user U --password P " +
        "| --consumer-key K --consumer-secret S --token T --token-secret U, --repeat-next-on N, --drop-embedded-on N, --null-links true, --empty-last-page true, --nonce-loop-on N, --mixed-eras true, --no-custom-field-list true";

    /// <inheritdoc/>
    public RateLimitHint DefaultRateLimitHint => RateLimitHint.XRateLimitReset;

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options)
    {
        var consumerKey = options.Get<string?>("consumer-key", null);
        new DeskMock(new DeskMockOptions
        {
            Cases = options.Get("cases", 250),
            Seed = options.Seed,
            User = options.Get<string?>("user", null),
            Password = options.Get<string?>("password", null),
            OAuth = consumerKey is null ? null : (consumerKey, options.Get("consumer-secret", ""), options.Get("token", ""), options.Get("token-secret", "")),
            RepeatNextOnPage = options.Get<int?>("repeat-next-on", null),
            DropEmbeddedOnPage = options.Get<int?>("drop-embedded-on", null),
            NullLinks = options.Get("null-links", false),
            EmptyLastPage = options.Get("empty-last-page", false),
            NonceLoopOnPage = options.Get<int?>("nonce-loop-on", null),
            MixedEras = options.Get("mixed-eras", false),
            NoCustomFieldList = options.Get("no-custom-field-list", false),
        }).Map(endpoints);
    }
}
