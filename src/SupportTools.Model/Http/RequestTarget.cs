using System.Text;

namespace SupportTools.Http;

/// <summary>
/// Where a request goes, and how it is shown: a target is resolved against the service's base address and must stay on
/// its origin; shown URLs have the values of secret-looking query parameters (key, token, secret, password, signature)
/// replaced, so no verbose line or error message ever repeats a credential a service put in a link.
/// </summary>
internal static class RequestTarget
{
    private static readonly string[] SecretWords = ["key", "token", "secret", "password", "signature", "auth"];

    /// <summary>The absolute URL of <paramref name="target"/>; null when it leaves <paramref name="baseUri"/>'s origin.</summary>
    public static Uri? Resolve(Uri baseUri, string target)
    {
        if (!Uri.TryCreate(baseUri, target, out var uri))
            return null;
        var sameOrigin = uri.Scheme == baseUri.Scheme && string.Equals(uri.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == baseUri.Port && uri.UserInfo.Length == 0;
        return sameOrigin ? uri : null;
    }

    /// <summary>The whole URL, redacted, for error messages.</summary>
    public static string ForDisplay(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Authority) + ForLog(uri) : ForLog(uri);

    /// <summary>The path and query, redacted, for verbose lines.</summary>
    public static string ForLog(Uri uri)
    {
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains('?') ? uri.OriginalString[uri.OriginalString.IndexOf('?')..] : "");
        if (query.Length <= 1)
            return path;
        var shown = new StringBuilder(path).Append('?');
        var first = true;
        foreach (var pair in query[1..].Split('&'))
        {
            if (!first)
                shown.Append('&');
            first = false;
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            shown.Append(equals >= 0 && IsSecret(Uri.UnescapeDataString(name)) ? name + "=***" : pair);
        }
        return shown.ToString();
    }

    private static bool IsSecret(string name) =>
        SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
