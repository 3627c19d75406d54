using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Lists the countries the stored calls were made from or to.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CallCountry")]
[OutputType(typeof(string))]
public sealed class GetCallCountryCommand : CallReadCmdlet
{
    /// <inheritdoc />
    protected override void OnEnd()
    {
        using var store = OpenCalls();
        foreach (var country in CallService.GetCountries(store, Leg)) WriteObject(country);
    }
}
