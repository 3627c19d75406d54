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
    private readonly int _activityId;
    private readonly string _activity, _status, _unit;
    private readonly Stopwatch _sinceLast = new();

    /// <summary>Creates a writer for one activity (e.g. "Importing ticket activity").</summary>
    public ProgressWriter(Cmdlet cmdlet, int activityId, string activity, string status, string unit)
    {
        _cmdlet = cmdlet;
        _unit = unit;
        _activityId = activityId;
        _activity = activity;
        _status = status;
    }

    /// <summary>Reports <paramref name="completed"/> units of <paramref name="total"/>; skipped when too soon after the last.</summary>
    public void Report(long completed, long? total)
    {
        if (_sinceLast.IsRunning && _sinceLast.Elapsed < Interval) return;
        _sinceLast.Restart();
        // A fresh record each time: hosts and the Progress stream keep the objects they are given.
        var record = new ProgressRecord(_activityId, _activity, _status) { CurrentOperation = $"{completed:N0} {_unit}" };
        if (total is > 0)
        {
            record.PercentComplete = (int)Math.Clamp(completed * 100 / total.Value, 0, 100);
            record.CurrentOperation = $"{completed:N0} of {total:N0} {_unit}";
        }
        _cmdlet.WriteProgress(record);
    }

    /// <summary>Writes the Completed record that removes the bar.</summary>
    public void Complete() =>
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, _status) { RecordType = ProgressRecordType.Completed, PercentComplete = 100 });
}
