using System.Diagnostics;
using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// Writes what Core reports to the cmdlet's streams: throttled <c>Write-Progress</c> (a few records a second, a
/// percentage when the total is known), verbose lines and warnings. Core calls it synchronously on the pipeline
/// thread, the only thread allowed to write. <see cref="Complete"/> writes the Completed record; callers put it in a
/// <c>finally</c> so the bar goes away also when the pipeline stops early.
/// </summary>
internal sealed class CmdletReporter : IOperationReporter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity, _unit;
    private readonly Stopwatch _sinceLast = new();
    private string _status;

    /// <summary>Creates a reporter for one activity (e.g. "Importing ticket activity"), counting <paramref name="unit"/>.</summary>
    public CmdletReporter(Cmdlet cmdlet, string activity, string unit, int activityId = 1)
    {
        _cmdlet = cmdlet;
        _unit = unit;
        _activityId = activityId;
        _activity = activity;
        _status = activity;
    }

    /// <inheritdoc />
    public void Progress(string status, long completed, long? total)
    {
        if (_sinceLast.IsRunning && _sinceLast.Elapsed < Interval && status == _status) return;
        _sinceLast.Restart();
        _status = string.IsNullOrEmpty(status) ? _activity : status;
        // A fresh record each time: hosts and the Progress stream keep the objects they are given.
        var record = new ProgressRecord(_activityId, _activity, _status) { CurrentOperation = $"{completed:N0} {_unit}" };
        if (total is > 0)
        {
            record.PercentComplete = (int)Math.Clamp(completed * 100 / total.Value, 0, 100);
            record.CurrentOperation = $"{completed:N0} of {total:N0} {_unit}";
        }
        _cmdlet.WriteProgress(record);
    }

    /// <inheritdoc />
    public void Verbose(string message) => _cmdlet.WriteVerbose(message);

    /// <inheritdoc />
    public void Warning(string message) => _cmdlet.WriteWarning(message);

    /// <summary>Writes the Completed record that removes the bar (always, so a bar shown by a throttled caller goes too).</summary>
    public void Complete()
    {
        try
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, _status) { RecordType = ProgressRecordType.Completed, PercentComplete = 100 });
        }
        catch (PipelineStoppedException)
        {
            // Stopped (Ctrl+C): the host clears the bar itself, and cleanup after this call must still run.
        }
    }
}
