using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Lists the countries the stored calls were made from or to.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CallCountry")]
[OutputType(typeof(string))]
public sealed class GetCallCountryCommand : StoreCmdlet
{
    /// <summary>Count the legs (one per CDR, as Kazoo's service did) instead of the calls they make.</summary>
    [Parameter]
    public SwitchParameter Leg { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <inheritdoc />
    protected override void OnEnd()
    {
        CallQueryInput.Counting(this, Leg);
        using var store = OpenForReading((path, reporter) => CallStore.OpenReadOnly(path, reporter));
        foreach (var country in CallService.GetCountries(store, Leg)) WriteObject(country);
    }
}
