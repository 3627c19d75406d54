using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// The one rule of the module's tab completion: candidates that start with what was typed (else contain it), in the
/// order given, quoted when they hold a space or a quote so the completed line still parses.
/// </summary>
internal static class Completions
{
    /// <summary>The completions of <paramref name="wordToComplete"/> among <paramref name="candidates"/>.</summary>
    public static IEnumerable<CompletionResult> Complete(IEnumerable<string> candidates, string wordToComplete)
    {
        var typed = wordToComplete.Trim('\'', '"');
        var all = candidates.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var matches = all.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = all.Where(c => c.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c));
    }

    private static string Quote(string value) =>
        value.Any(ch => char.IsWhiteSpace(ch) || ch is '\'' or '"' or '$' or '`' or ';' or '(' or ')' or '{' or '}' or ',' or '&' or '|' or '@' or '#')
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
