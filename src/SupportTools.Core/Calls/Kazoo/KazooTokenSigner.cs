using SupportTools.Http;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// Puts the current crossbar auth token in <c>X-Auth-Token</c> on every attempt; the session replaces the token when it
/// renews it, so a retried request carries the new one. No token (before authentication): no header. Its secrets are the
/// token in use and the credential's own (the API key or the md5 of user and password the authentication body carries),
/// so a crossbar that echoes either back never gets it into an error.
/// </summary>
internal sealed class KazooTokenSigner(KazooCredential credential) : IRequestSigner
{
    private volatile string? _token;

    /// <summary>The token requests are sent with, or null for none.</summary>
    public string? Token
    {
        get => _token;
        set => _token = value;
    }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => _token is { } token ? [token, credential.Secret] : [credential.Secret];

    /// <inheritdoc />
    public void Sign(HttpRequestMessage request)
    {
        request.Headers.Remove("X-Auth-Token");
        if (_token is { } token) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
    }
}
