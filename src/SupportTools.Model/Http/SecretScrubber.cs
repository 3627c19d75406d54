using System.Text;

namespace SupportTools.Http;

/// <summary>
/// Blanks the module's own secrets out of text a server wrote (an error body that echoes <c>bad credentials: Basic …</c>)
/// before it reaches an error message, a verbose line or a failed-rows file: each secret as given, base64-encoded (as a
/// Basic header carries it) and URL-encoded. Secrets shorter than <see cref="MinimumLength"/> characters are left alone:
/// blanking every "ab" in a message would garble it and protect little.
/// </summary>
internal sealed class SecretScrubber
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The shortest secret scrubbed.</summary>
    public const int MinimumLength = 4;

    public static SecretScrubber None { get; } = new([]);

    private readonly Func<IEnumerable<string>> _secrets;

    public SecretScrubber(IEnumerable<string> secrets)
    {
        var fixedSecrets = secrets.ToArray();
        _secrets = () => fixedSecrets;
    }

    /// <summary>
    /// A scrubber of the secrets <paramref name="secrets"/> gives, read each time it scrubs: a signer whose secret
    /// changes (a session token renewed mid-pull) is scrubbed of the one it holds then.
    /// </summary>
    public SecretScrubber(Func<IEnumerable<string>> secrets) => _secrets = secrets;

    /// <summary>Every form of every secret, longest first.</summary>
    private string[] Forms() => _secrets()
        .Where(secret => !string.IsNullOrEmpty(secret) && secret.Length >= MinimumLength)
        .SelectMany(secret => new[] { secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Uri.EscapeDataString(secret) })
        .Distinct(StringComparer.Ordinal)
        // Longest first, so a secret inside a longer one (a password inside "user:password") never leaves a tail.
        .OrderByDescending(form => form.Length)
        .ToArray();

    /// <summary><paramref name="text"/> with every form of every secret replaced by <see cref="Mask"/>.</summary>
    public string Scrub(string text)
    {
        foreach (var form in Forms())
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
                text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>As <see cref="Scrub(string)"/>; null stays null.</summary>
    public string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);
}
