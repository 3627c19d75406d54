using SupportTools.Http;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// Puts the current crossbar auth token in <c>X-Auth-Token</c> on every attempt; the session replaces the token when it
/// renews it, so a retried request carries the new one. No token (before authentication): no header.
/// </summary>
internal sealed class KazooTokenSigner : IRequestSigner
{
    private volatile string? _token;

    /// <summary>The token requests are sent with, or null for none.</summary>
    public string? Token
    {
        get => _token;
        set => _token = value;
    }

    /// <inheritdoc />
    public void Sign(HttpRequestMessage request)
    {
        request.Headers.Remove("X-Auth-Token");
        if (_token is { } token) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
    }
}
