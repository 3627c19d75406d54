using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Writes Get-CallStatistic, Get-CallCountry or Get-CallRegion output as the Kazoo call_statistics service's JSON response body.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "CallStatisticJson")]
[OutputType(typeof(string))]
public sealed class ConvertToCallStatisticJsonCommand : SupportToolsCmdlet
{
    private readonly List<CallStatistic> _statistics = [];
    private readonly List<string> _countries = [];
    private readonly List<CallRegion> _regions = [];
    private string? _kind;
    private long _count;

    /// <summary>CallStatistic rows, country names (strings) or CallRegion rows; one kind per pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes indented JSON instead of one compact line.</summary>
    [Parameter]
    public SwitchParameter Indent { get; set; }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        _count++;
        var item = InputObject?.BaseObject;
        if (item is null) return; // as other cmdlets treat a piped $null: nothing to convert
        var kind = item switch
        {
            CallStatistic => "statistics",
            string => "countries",
            CallRegion => "regions",
            _ => null,
        };
        if (kind is null)
        {
            WriteError(new InputFormatException(
                $"ConvertTo-CallStatisticJson takes Get-CallStatistic rows, Get-CallCountry names or Get-CallRegion rows, not {item.GetType().FullName}.",
                record: _count, item: InputObject), InputObject);
            return;
        }
        if (_kind is not null && kind != _kind)
        {
            WriteError(new InputFormatException(
                $"This pipeline is writing the {_kind} body; {kind} cannot go in it (convert each kind in its own pipeline).",
                record: _count, item: InputObject), InputObject);
            return;
        }
        _kind = kind;
        switch (item)
        {
            case CallStatistic statistic: _statistics.Add(statistic); break;
            case string country: _countries.Add(country); break;
            case CallRegion region: _regions.Add(region); break;
        }
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var reporter = new CmdletReporter(this, "Writing JSON", "rows");
        WriteObject(_kind switch
        {
            "countries" => CallStatisticJson.Countries(_countries, Indent),
            "regions" => CallStatisticJson.Regions(_regions, Indent),
            _ => CallStatisticJson.Statistics(_statistics, Indent, reporter),
        });
    }
}
