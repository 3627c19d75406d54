using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Reads the calls (or, with -Leg, the call legs) that match a filter, in time order (the Kazoo service's CSV query).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CallRecord")]
[OutputType(typeof(CallRecord))]
public sealed class GetCallRecordCommand : CallReadCmdlet
{
    /// <summary>The flask-restless filter list, as JSON or hashtables (default: every record).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public object[]? Filter { get; set; }

    /// <summary>The IANA time zone of CallTime and of the filter's local times (default: UTC).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string? TimeZone { get; set; }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        var zone = CallQueryInput.Zone(this, TimeZone);
        var filter = CallQueryInput.Filter(this, Filter, zone);
        using var store = OpenCalls();
        var progress = new CmdletReporter(this, "Reading call records", "records");
        try
        {
            foreach (var record in CallService.GetRecords(store, filter, zone, Leg, progress, CancellationToken))
                WriteObject(record);
        }
        finally
        {
            progress.Complete();
        }
    }
}
