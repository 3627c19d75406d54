using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SupportTools.Calls;

namespace SupportTools.Commands;

/// <summary>Tab completion for -TimeZone: the tz database's IANA ids that start with (else contain) what was typed.</summary>
public sealed class TimeZoneCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => Completions.Complete(CallTimeZone.Ids, wordToComplete);
}
