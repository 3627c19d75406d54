using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SupportTools.TestServer.Echo;

/// <summary>Answers every request with what it received, as JSON: for testing the server and its host themselves.</summary>
public sealed class EchoScenario : IScenario
{
    /// <inheritdoc/>
    public string Name => "echo";

    /// <inheritdoc/>
    public string Description => "every request answered with its method, path, query, headers and body as JSON";

    /// <inheritdoc/>
    public void Map(IEndpointRouteBuilder endpoints, ScenarioOptions options) =>
        endpoints.Map("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Json(new
            {
                method = request.Method,
                path = request.Path.Value,
                query = request.QueryString.Value,
                headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
                body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted),
            });
        });
}
