using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SupportTools.Desk;

namespace SupportTools.Commands.Desk;

/// <summary>
/// Tab completion for Measure-DeskCase: the numeric case properties for <c>-Property</c>, every case property for
/// <c>-By</c> (custom fields, <c>Custom_&lt;name&gt;</c>, depend on the site and are typed in full).
/// </summary>
public sealed class DeskCasePropertyCompleter : IArgumentCompleter
{
    private static readonly string[] AllProperties = typeof(DeskCase).GetProperties().Select(p => p.Name).ToArray();

    private static readonly string[] NumericProperties = typeof(DeskCase).GetProperties()
        .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal)))
        .Select(p => p.Name).Where(name => name != nameof(DeskCase.Id)).ToArray();

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completions.Complete(string.Equals(parameterName, "By", StringComparison.OrdinalIgnoreCase) ? AllProperties : NumericProperties, wordToComplete);
}
