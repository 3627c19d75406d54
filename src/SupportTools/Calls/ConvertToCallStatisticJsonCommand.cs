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
    // Rows read from CSV text, by position in _statistics: their empty Group is null or "" (see OnEnd).
    private readonly HashSet<int> _fromText = [];
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
        var fromText = item is PSCustomObject;
        if (fromText && !TryFromColumns(InputObject!, out item)) return;
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
                $"ConvertTo-CallStatisticJson takes Get-CallStatistic rows, Get-CallCountry names or Get-CallRegion rows (or Import-Csv rows of them), not {item.GetType().FullName}.",
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
            case CallStatistic statistic:
                if (fromText) _fromText.Add(_statistics.Count);
                _statistics.Add(statistic);
                break;
            case string country: _countries.Add(country); break;
            case CallRegion region: _regions.Add(region); break;
        }
    }

    /// <summary>
    /// An Import-Csv row (a PSCustomObject of text columns) of this module's statistics, regions or countries as the
    /// object it was written from; false after writing an error when it is none of them or a value cannot be read.
    /// </summary>
    private bool TryFromColumns(PSObject row, out object item)
    {
        item = row;
        var columns = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in row.Properties)
            columns[property.Name] = property.Value is null ? null : LanguagePrimitives.ConvertTo<string>(property.Value);
        try
        {
            switch (CallStatisticRow.Kind(columns))
            {
                case "statistics": item = CallStatisticRow.Statistic(columns, System.Globalization.CultureInfo.CurrentCulture); return true;
                case "regions": item = CallStatisticRow.Region(columns, System.Globalization.CultureInfo.CurrentCulture); return true;
                case "countries": item = CallStatisticRow.Country(columns); return true;
                default:
                    WriteError(new InputFormatException(
                        $"ConvertTo-CallStatisticJson takes rows with the columns of Get-CallStatistic (PeriodLabel, Total, …), Get-CallRegion (Country, Region, ZoneId) or a Country column; this row has {string.Join(", ", columns.Keys)}.",
                        record: _count, item: row), row);
                    return false;
            }
        }
        catch (InputFormatException problem)
        {
            WriteError(new InputFormatException($"row {_count}: {problem.Reason}", field: problem.Field, record: _count, item: row), row);
            return false;
        }
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        // CSV writes a null Group and the "" group (calls without a direction) alike: when any row read from text has a
        // group, the query was grouped, so an empty one is the "" group, not "no grouping".
        if (_fromText.Any(i => _statistics[i].Group is not null))
            foreach (var i in _fromText.Where(i => _statistics[i].Group is null))
            {
                var s = _statistics[i];
                _statistics[i] = new CallStatistic(s.Period, s.PeriodLabel, "", s.Total, s.DurationMin, s.DurationMax, s.DurationMedian,
                    s.DurationMean, s.Answered, s.AnswerSeizureRatio, s.AverageCallDuration);
            }
        var reporter = new CmdletReporter(this, "Writing JSON", "rows");
        WriteObject(_kind switch
        {
            "countries" => CallStatisticJson.Countries(_countries, Indent),
            "regions" => CallStatisticJson.Regions(_regions, Indent),
            _ => CallStatisticJson.Statistics(_statistics, Indent, reporter),
        });
    }
}
