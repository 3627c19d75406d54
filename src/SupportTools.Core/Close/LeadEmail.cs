using System.Text.RegularExpressions;

namespace SupportTools.Close;

/// <summary>
/// E-mail addresses of the form <c>local@domain.tld</c>: trimmed, a <c>mailto:</c> prefix and surrounding angle
/// brackets removed, the domain lower-cased (the local part is kept as written: it may be case-sensitive).
/// </summary>
internal static partial class LeadEmail
{
    /// <summary>The cleaned address, or null with <paramref name="problem"/> saying why.</summary>
    public static string? Parse(string text, out string? problem)
    {
        problem = null;
        var value = text.Trim().Trim('<', '>').Trim();
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) value = value["mailto:".Length..];
        var at = value.LastIndexOf('@');
        if (at > 0)
        {
            var local = value[..at];
            var domain = value[(at + 1)..].ToLowerInvariant();
            if (Local().IsMatch(local) && !local.Contains("..", StringComparison.Ordinal) && !local.StartsWith('.') && !local.EndsWith('.')
                && Domain().IsMatch(domain))
                return $"{local}@{domain}";
        }
        problem = $"Email '{text}' is not an address of the form local@domain.tld";
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$")]
    private static partial Regex Local();

    [GeneratedRegex(@"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$")]
    private static partial Regex Domain();
}
