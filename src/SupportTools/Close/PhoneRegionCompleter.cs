using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>Tab completion for -DefaultRegion: the ISO 3166 region codes libphonenumber knows (US, GB, NZ, …).</summary>
public sealed class PhoneRegionCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) => Completions.Complete(PhoneRegions.All, wordToComplete);
}
