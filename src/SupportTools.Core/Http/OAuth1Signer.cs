using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SupportTools.Http;

/// <summary>
/// OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849), as Desk's API took it: the consumer key and secret of the
/// application and the access token and secret of the user. Each request gets a fresh nonce and timestamp and a
/// signature over its method, URL and query parameters, sent in the <c>Authorization: OAuth …</c> header. Generic, not
/// Desk-specific. The secrets live only in the signing key and are never logged; the header carries the key, token,
/// nonce, timestamp and signature.
/// </summary>
public sealed class OAuth1Signer : IRequestSigner
{
    private readonly string _consumerKey, _token;
    private readonly byte[] _signingKey;
    private readonly Func<string> _nonce;
    private readonly Func<long> _timestamp;
    private readonly string[] _secrets;

    /// <summary>Signs with the application's consumer key and secret and the user's access token and secret.</summary>
    public OAuth1Signer(string consumerKey, string consumerSecret, string token, string tokenSecret)
        : this(consumerKey, consumerSecret, token, tokenSecret, NewNonce, () => DateTimeOffset.UtcNow.ToUnixTimeSeconds())
    {
    }

    /// <summary>For tests: a fixed nonce and timestamp reproduce the RFC's examples.</summary>
    internal OAuth1Signer(string consumerKey, string consumerSecret, string token, string tokenSecret, Func<string> nonce, Func<long> timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumerKey);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(tokenSecret);
        _consumerKey = consumerKey;
        _token = token;
        _signingKey = Encoding.ASCII.GetBytes(Encode(consumerSecret) + "&" + Encode(tokenSecret));
        _nonce = nonce;
        _timestamp = timestamp;
        // The two secrets, and the access token, which stands for the user as a password would.
        _secrets = [consumerSecret, tokenSecret, token];
    }

    /// <inheritdoc />
    public IEnumerable<string> Secrets => _secrets;

    /// <summary>Sets the request's <c>Authorization</c> header for its method and final URL (a new nonce each call, so each attempt).</summary>
    public void Sign(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", HeaderParameters(request.Method.Method, request.RequestUri, []));
    }

    /// <summary>
    /// The <c>Authorization</c> header's parameters (after <c>OAuth </c>) for a request; <paramref name="formBody"/> holds
    /// the parameters of an <c>application/x-www-form-urlencoded</c> body, which the signature covers too.
    /// </summary>
    internal string HeaderParameters(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> formBody)
    {
        var protocol = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", _consumerKey),
            new("oauth_nonce", _nonce()),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", _timestamp().ToString(CultureInfo.InvariantCulture)),
        };
        if (_token.Length > 0) protocol.Add(new("oauth_token", _token));
        var baseString = BaseString(method, uri, protocol.Concat(formBody));
        protocol.Add(new("oauth_signature", Convert.ToBase64String(HMACSHA1.HashData(_signingKey, Encoding.ASCII.GetBytes(baseString)))));
        return string.Join(", ", protocol.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    /// <summary>
    /// The signature base string (RFC 5849 §3.4.1): the method, the base string URI and the normalised parameters (the
    /// URL's query plus <paramref name="parameters"/>: the protocol and form-body parameters), each encoded.
    /// </summary>
    internal static string BaseString(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        // §3.4.1.2: lowercase scheme and host, the port only when not the scheme's default, the path without the query.
        var baseUri = uri.Scheme.ToLowerInvariant() + "://" + uri.Host.ToLowerInvariant() + (uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture)) + uri.AbsolutePath;
        // §3.4.1.3.2: encode names and values, sort by name then value (byte order), join.
        var normalized = string.Join("&", QueryParameters(uri).Concat(parameters)
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
        return method.ToUpperInvariant() + "&" + Encode(baseUri) + "&" + Encode(normalized);
    }

    /// <summary>The query's parameters, decoded as a form (<c>+</c> is a space); a name without <c>=</c> has an empty value.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri) => FormParameters(uri.Query.TrimStart('?'));

    /// <summary><c>application/x-www-form-urlencoded</c> text as decoded name/value pairs.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> FormParameters(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return new KeyValuePair<string, string>(Decode(name), Decode(value));
        });

    /// <summary>RFC 3986 percent-encoding of UTF-8 (§3.6): everything but letters, digits and <c>-._~</c>.</summary>
    internal static string Encode(string value) => Uri.EscapeDataString(value);

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
