using System.Net.Http.Headers;
using System.Text;

namespace SupportTools.Http;

/// <summary>
/// HTTP basic authentication: Desk's e-mail and password, or Close's API key as the user with an empty password. The
/// header value is built once and only ever put on requests: nothing logs request headers.
/// </summary>
public sealed class BasicAuthSigner : IRequestSigner
{
    private readonly AuthenticationHeaderValue _header;
    private readonly string[] _secrets;

    /// <summary>Signs as <paramref name="user"/> with <paramref name="password"/> (empty for an API key).</summary>
    public BasicAuthSigner(string user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        // The password, the header's value and "user:password"; with an empty password the user is the API key (Close).
        _secrets = password.Length == 0 ? [user, user + ":", _header.Parameter!] : [password, user + ":" + password, _header.Parameter!];
    }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => _secrets;

    /// <inheritdoc />
    public void Sign(HttpRequestMessage request) => request.Headers.Authorization = _header;
}
