using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// What the four readers of the call store share (Get-CallRecord, Get-CallStatistic, Get-CallCountry,
/// Get-CallRegion): <c>-Leg</c> (count legs, not calls), <c>-Database</c>, and a read-only open that never creates a store.
/// </summary>
public abstract class CallReadCmdlet : StoreCmdlet
{
    /// <summary>Count the legs (one per CDR, as Kazoo's service did) instead of the calls they make.</summary>
    [Parameter]
    public SwitchParameter Leg { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <summary>Says whether calls or legs are counted, then opens the store read-only (an error when it does not exist).</summary>
    protected CallStore OpenCalls()
    {
        WriteVerbose(Leg ? "Counting call legs, one per CDR (-Leg)." : "Counting calls: the legs of one interaction count once (-Leg counts the legs).");
        return OpenForReading((path, reporter) => CallStore.OpenReadOnly(path, reporter));
    }
}
