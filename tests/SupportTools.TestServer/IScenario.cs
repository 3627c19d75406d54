using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer;

/// <summary>
/// A named mock service the console host can serve (<c>dotnet SupportTools.TestServer.dll &lt;name&gt; [--option value ...]</c>).
/// Any non-abstract class in this assembly that implements it, with a public parameterless constructor, is found by
/// <see cref="ScenarioRegistry"/>: adding the class (in its capability's folder: <c>Desk/</c>, <c>Close/</c>, <c>Echo/</c>) is all it takes. One instance
/// serves one server, so it may keep the mock's state (the leads created, …) in its fields.
/// </summary>
public interface IScenario
{
    /// <summary>The name the host is started with: lower case, e.g. <c>desk</c>.</summary>
    string Name { get; }

    /// <summary>One line for the host's usage text: what it mocks and its own options.</summary>
    string Description { get; }

    /// <summary>The hint a <c>--rate-limit</c> uses when no <c>--rate-limit-hint</c> is given: the real service's style.</summary>
    RateLimitHint DefaultRateLimitHint => RateLimitHint.RetryAfterSeconds;

    /// <summary>Adds the mock's endpoints. <paramref name="options"/> holds the <c>--name value</c> pairs it was started with.</summary>
    void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options);
}
