using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportTools.Close;

/// <summary>
/// Revenue as people type it: <c>$1,234.50</c>, <c>1234.5</c>, <c>USD 1,234</c>, <c>1,234 USD</c>, <c>US$ 2.5M</c>
/// (K, M and B suffixes), <c>1 234</c>. Commas are thousands separators only (groups of three), the dot the decimal
/// point, so <c>1.234,50</c> is refused rather than guessed. Negative amounts, written <c>-1,234</c> or the accounting
/// way <c>(1,234)</c>, are problems: a company's revenue is not negative, so the figure is a mistake in the file.
/// </summary>
internal static partial class LeadRevenue
{
    /// <summary>The amount, or null with <paramref name="problem"/> saying why.</summary>
    public static decimal? Parse(string text, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        var negative = false;
        if (value.StartsWith('(') && value.EndsWith(')'))
        {
            negative = true;
            value = value[1..^1];
        }
        value = Currency().Replace(value, "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (value.StartsWith('-'))
        {
            negative = true;
            value = value[1..];
        }
        var match = Amount().Match(value);
        if (!match.Success)
        {
            problem = $"Revenue '{text}' is not an amount (e.g. $1,234.50)";
            return null;
        }
        decimal amount;
        try
        {
            amount = decimal.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            amount *= match.Groups["s"].Value.ToUpperInvariant() switch { "K" => 1_000m, "M" => 1_000_000m, "B" => 1_000_000_000m, _ => 1m };
        }
        catch (OverflowException)
        {
            // 29 digits and more do not fit a decimal (nor any company's revenue): a mistake in the file.
            problem = $"Revenue '{text}' is too large to be an amount";
            return null;
        }
        if (negative && amount != 0)
        {
            problem = $"Revenue '{text}' is negative";
            return null;
        }
        return amount;
    }

    [GeneratedRegex(@"US\$|USD|\$", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    [GeneratedRegex(@"^(?<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?<s>[KkMmBb])?$")]
    private static partial Regex Amount();
}
