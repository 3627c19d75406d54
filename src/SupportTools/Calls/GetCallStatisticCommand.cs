using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Computes call statistics per hour, day, week or month (and group) over the stored call records.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CallStatistic")]
[OutputType(typeof(CallStatistic))]
public sealed class GetCallStatisticCommand : CallReadCmdlet
{
    /// <summary>The buckets: Monthly, Weekly (from Monday), Daily or Hourly, in the time zone.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public CallPeriod Period { get; set; }

    /// <summary>The flask-restless filter list, as JSON or hashtables.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? Filter { get; set; }

    /// <summary>Rows per group within each period: call_direction or unanswered.</summary>
    [Parameter]
    [ValidateSet("call_direction", "unanswered")]
    public string? GroupBy { get; set; }

    /// <summary>The IANA time zone of the buckets, labels and filter times (default: UTC).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string? TimeZone { get; set; }

    /// <summary>Also emit zero rows for periods without calls.</summary>
    [Parameter]
    public SwitchParameter IncludeEmpty { get; set; }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var zone = CallQueryInput.Zone(this, TimeZone);
        var query = new CallStatisticQuery(Period, zone, CallQueryInput.Filter(this, Filter, zone), GroupBy, IncludeEmpty, Leg);
        using var store = OpenCalls();
        var progress = new CmdletReporter(this, "Computing call statistics", "calls");
        try
        {
            foreach (var row in CallService.GetStatistics(store, query, progress, CancellationToken))
                WriteObject(row);
        }
        finally
        {
            progress.Complete();
        }
    }
}
