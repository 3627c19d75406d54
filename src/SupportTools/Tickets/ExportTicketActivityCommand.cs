using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Writes piped ticket activities as a Freshdesk export file (or as CSV with ISO 8601 times).</para>
/// </summary>
[Cmdlet(VerbsData.Export, "TicketActivity", SupportsShouldProcess = true)]
[OutputType(typeof(ExportSummary))]
public sealed class ExportTicketActivityCommand : SupportToolsCmdlet
{
    private ITicketActivityFileWriter? _writer;
    private CmdletReporter? _progress;
    private string? _targetPath;
    private bool _declined;
    private long _received;
    private readonly System.Diagnostics.Stopwatch _elapsed = new();

    /// <summary>The export file to write; a path ending in .csv gets CSV with the activity columns and ISO 8601 times.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The activities to write: <c>TicketActivity</c> objects, or rows with the activity columns (e.g. from <c>Import-Csv</c>).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Refuses to overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <inheritdoc />
    protected override void OnBegin()
    {
        _targetPath = Paths.RequireOutputFile(Path, NoClobber);
        _declined = !ShouldProcess(_targetPath, "Write ticket activity export");
        if (_declined) return;
        _elapsed.Start();
        // Written beside the target and moved into place only at the end: a failed, stopped or empty export never
        // replaces a good file.
        try
        {
            // A .csv target gets CSV with ISO 8601 times (Export-Csv would write them in this session's culture).
            _writer = _targetPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? TicketActivityCsvWriter.Create(_targetPath, NoClobber)
                : TicketActivityWriter.Create(_targetPath, noClobber: NoClobber);
        }
        catch (Exception exception) when (ErrorRecords.From(exception, _targetPath) is { } error)
        {
            ThrowTerminatingError(error);
        }
        _progress = new CmdletReporter(this, "Exporting ticket activity", "activities");
        WriteVerbose($"Writing ticket activity to '{_targetPath}'.");
    }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (_declined || InputObject?.BaseObject is null) return;
        _received++;
        try
        {
            _writer!.Write(TicketActivityInput.From(InputObject, _received));
            _progress!.Progress(_targetPath!, _writer.Count, null);
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidInputObject, InputObject));
        }
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_declined || _writer is null) return;
        _progress?.Complete();
        if (_writer.Count == 0)
        {
            var why = _received == 0 ? "no activity arrived" : $"none of the {_received:N0} objects received was a valid activity";
            WriteError(new ErrorRecord(new InvalidOperationException($"Nothing was exported because {why}; '{_targetPath}' was left as it was."),
                ErrorRecords.NothingToWrite, ErrorCategory.InvalidData, _targetPath));
            return;
        }
        _writer.Complete(NoClobber);
        var writer = _writer;
        _writer = null;
        writer.Dispose();
        var summary = new ExportSummary(_targetPath!, writer.Count, writer.TicketCount, writer.StartAt ?? default,
            writer.EndAt ?? default, new FileInfo(_targetPath!).Length, _elapsed.Elapsed);
        WriteVerbose($"Wrote {summary.Activities:N0} activities for {summary.Tickets:N0} tickets to '{_targetPath}'.");
        WriteObject(summary);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _writer?.Dispose(); // only reached when the export did not complete: deletes the partial file
        _writer = null;
        _progress?.Complete();
    }
}
