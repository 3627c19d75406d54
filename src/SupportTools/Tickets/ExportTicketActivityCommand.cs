using System.Management.Automation;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Writes piped ticket activities as a Freshdesk export file.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "TicketActivity", SupportsShouldProcess = true)]
[OutputType(typeof(ExportSummary))]
public sealed class ExportTicketActivityCommand : SupportToolsCmdlet
{
    private TicketActivityWriter? _writer;
    private string? _targetPath, _partialPath;
    private bool _declined;
    private readonly System.Diagnostics.Stopwatch _elapsed = new();

    /// <summary>The export file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The activities to write.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public TicketActivity? InputObject { get; set; }

    /// <summary>Refuses to overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _targetPath = ResolveOutputPath(Path);
        if (NoClobber && File.Exists(_targetPath))
            ThrowTerminatingError(new ErrorRecord(new IOException($"The file '{_targetPath}' already exists and -NoClobber was given."),
                ErrorRecords.FileExists, ErrorCategory.ResourceExists, _targetPath));
        _declined = !ShouldProcess(_targetPath, "Write ticket activity export");
        if (_declined) return;
        // Write beside the target and move into place at the end, so a failed or stopped export
        // never leaves a truncated file where a good one was.
        _partialPath = _targetPath + ".partial";
        _elapsed.Start();
        try
        {
            _writer = TicketActivityWriter.Create(_partialPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.IoFailure(exception, ErrorRecords.FileError, _targetPath));
        }
        WriteVerbose($"Writing ticket activity to '{_targetPath}'.");
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_declined || InputObject is null) return;
        _writer!.Write(InputObject);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_declined || _writer is null) return;
        _writer.Complete();
        var writer = _writer;
        _writer = null;
        writer.Dispose();
        File.Move(_partialPath!, _targetPath!, overwrite: true);
        var summary = new ExportSummary(_targetPath!, writer.Count, writer.TicketCount, writer.StartAt ?? default,
            writer.EndAt ?? default, new FileInfo(_targetPath!).Length, _elapsed.Elapsed);
        WriteVerbose($"Wrote {summary.Activities:N0} activities for {summary.Tickets:N0} tickets to '{_targetPath}'.");
        WriteObject(summary);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (_writer is null) return;
        _writer.Dispose(); // only reached when the export did not complete
        File.Delete(_partialPath!);
    }
}
