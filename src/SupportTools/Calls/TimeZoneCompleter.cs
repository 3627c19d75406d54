using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>Tab completion for -TimeZone: the tz database's IANA ids that start with (else contain) what was typed.</summary>
public sealed class TimeZoneCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        var ids = CallTimeZone.Ids;
        var matches = ids.Where(id => id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0) matches = ids.Where(id => id.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, id));
    }
}
