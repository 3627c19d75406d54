using System.Management.Automation;

namespace SupportTools.Commands.Close;

/// <summary>
/// Runs a Close cmdlet's step so that an exception neither PowerShell nor the module's mapping knows (a bug) ends the
/// command as <c>UnexpectedError</c> with its type and message, instead of escaping raw (issue 14: "no exception
/// type escapes unmapped"). Mapped exceptions and pipeline stops pass through to <see cref="SupportToolsCmdlet"/>.
/// </summary>
internal static class UnexpectedErrorGuard
{
    public static void Run(Cmdlet cmdlet, Action step)
    {
        try
        {
            step();
        }
        catch (Exception exception) when (exception is not (RuntimeException or OperationCanceledException) && ErrorRecords.From(exception, null) is null)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Unexpected(exception, null));
        }
    }
}
