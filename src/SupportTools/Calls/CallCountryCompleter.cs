using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SupportTools.Calls;
using SupportTools.Storage;

namespace SupportTools.Commands.Calls;

/// <summary>
/// Tab completion for Get-CallRegion -Country: the countries of the calls in the store the command line names with
/// -Database (else the default store). The store is opened read-only; a missing or unreadable one completes nothing.
/// </summary>
public sealed class CallCountryCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var path = DatabaseLocation.Resolve(fakeBoundParameters["Database"] as string);
            // Relative to the PowerShell location, as the cmdlet resolves it (the session's proxy cannot be used while
            // the completion itself runs in the pipeline; a script block runs in it).
            var here = ScriptBlock.Create("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath").Invoke()
                .Select(o => o.BaseObject as string).FirstOrDefault() ?? Environment.CurrentDirectory;
            path = Path.GetFullPath(path, here);
            if (!File.Exists(path)) return [];
            using var store = CallStore.OpenReadOnly(path);
            return Completions.Complete(CallService.GetCountries(store, fakeBoundParameters.Contains("Leg")), wordToComplete).ToList();
        }
        catch (Exception exception) when (exception is StoreException or IOException or UnauthorizedAccessException or RuntimeException)
        {
            return []; // completion never fails the command line
        }
    }
}
