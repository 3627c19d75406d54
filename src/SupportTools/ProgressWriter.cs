using System.Diagnostics;
using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// Throttled <c>Write-Progress</c> for long work: at most a few records a second, a percentage when the
/// total is known, and always a final Completed record. Core calls <see cref="Report"/> synchronously
/// on the pipeline thread, which is the only thread allowed to write.
/// </summary>
internal sealed class ProgressWriter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Cmdlet _cmdlet;
    private readonly ProgressRecord _record;
    private readonly string _unit;
    private readonly Stopwatch _sinceLast = new();

    /// <summary>Creates a writer for one activity (e.g. "Importing ticket activity").</summary>
    public ProgressWriter(Cmdlet cmdlet, int activityId, string activity, string status, string unit)
    {
        _cmdlet = cmdlet;
        _unit = unit;
        _record = new ProgressRecord(activityId, activity, status);
    }

    /// <summary>Reports <paramref name="completed"/> units of <paramref name="total"/>; skipped when too soon after the last.</summary>
    public void Report(long completed, long? total)
    {
        if (_sinceLast.IsRunning && _sinceLast.Elapsed < Interval) return;
        _sinceLast.Restart();
        _record.RecordType = ProgressRecordType.Processing;
        if (total is > 0)
        {
            _record.PercentComplete = (int)Math.Clamp(completed * 100 / total.Value, 0, 100);
            _record.StatusDescription = $"{completed:N0} of {total:N0} {_unit}";
        }
        else
        {
            _record.StatusDescription = $"{completed:N0} {_unit}";
        }
        _cmdlet.WriteProgress(_record);
    }

    /// <summary>Writes the Completed record that removes the bar.</summary>
    public void Complete()
    {
        _record.RecordType = ProgressRecordType.Completed;
        _record.PercentComplete = 100;
        _cmdlet.WriteProgress(_record);
    }
}
