using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Lists the regions (with their zone ids) of countries the stored calls were made from or to.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CallRegion")]
[OutputType(typeof(CallRegion))]
public sealed class GetCallRegionCommand : CallReadCmdlet
{
    private CallStore? _store;
    private readonly HashSet<string> _done = new(StringComparer.OrdinalIgnoreCase); // each country once per pipeline run

    /// <summary>
    /// Countries, in any case (e.g. from <c>Get-CallCountry</c>, or the <c>Country</c> of piped regions); each is listed
    /// once per pipeline run, however often it comes.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CallCountryCompleter))]
    public string[] Country { get; set; } = [];

    /// <inheritdoc />
    protected override void OnBegin()
    {
        _store = OpenCalls();
    }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var unknown = new List<string>();
        foreach (var region in CallService.GetRegions(_store!, Country.Where(c => _done.Add(c.Trim())), unknown, Leg)) WriteObject(region);
        if (unknown.Count == 0) return;
        var known = CallService.GetCountries(_store!, Leg);
        foreach (var country in unknown)
        {
            var message = $"No stored call was made from or to '{country}'. " +
                          (known.Count == 0 ? $"'{DatabasePath}' has no call zones yet." : $"Countries with calls: {string.Join(", ", known.Take(20))}{(known.Count > 20 ? ", …" : "")}.");
            WriteError(new ErrorRecord(new ItemNotFoundException(message), ErrorRecords.CountryNotFound, ErrorCategory.ObjectNotFound, country)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Check the spelling (Get-CallCountry lists the countries), or import the calls or zone table that has it." },
            });
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _store?.Dispose();
}
