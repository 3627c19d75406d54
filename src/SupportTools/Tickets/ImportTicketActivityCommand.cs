using System.Management.Automation;
using SupportTools.Storage;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Imports Freshdesk ticket-activity export files, or piped activities, into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "TicketActivity", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportTicketActivityCommand : FileImportCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string ExportFiles = "*.json";

    private TicketStore? _store;
    private TicketImportBatch? _batch;
    private bool _declined;
    private long _pipedRows;

    /// <summary>
    /// Activities to import: <c>TicketActivity</c> objects (e.g. from <c>New-TicketActivity</c>), rows with the
    /// activity columns (e.g. from <c>Import-Csv</c>), or files (<c>Get-ChildItem</c>). One transaction per pipeline run.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            AddPiped(InputObject);
            return;
        }
        ImportFiles(InputFiles(ExportFiles));
    }

    private void ImportFiles(IReadOnlyList<string> files) => ImportEach(files, ErrorRecords.InvalidExportFile, ImportFile);

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_batch is null) return;
        var summary = _batch.Commit();
        _batch.Dispose();
        _batch = null;
        WriteVerbose($"Imported {summary.Activities:N0} piped activities: {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored.");
        WriteObject(summary);
    }

    private void ImportFile(string file)
    {
        if (!ShouldProcess(file, $"Import ticket activity into '{DatabasePath}'")) return;
        var store = OpenStore();
        var progress = new CmdletReporter(this, "Importing ticket activity", "bytes");
        WriteVerbose($"Importing '{file}' ({new FileInfo(file).Length:N0} bytes) in one transaction.");
        try
        {
            var summary = store.ImportFile(file, progress, CancellationToken);
            WriteVerbose($"'{file}': {summary.Activities:N0} activities for {summary.Tickets:N0} tickets, " +
                         $"{summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
            if (summary.Activities > 0 && summary.Inserted == 0)
                WriteWarning($"'{file}' added nothing: all {summary.Activities:N0} activities were already in '{DatabasePath}'.");
            WriteObject(summary);
        }
        finally
        {
            progress.Complete();
        }
    }

    private void AddPiped(PSObject? input)
    {
        if (input?.BaseObject is null || _declined) return;
        if (input.BaseObject is FileSystemInfo item)
        {
            // Get-ChildItem binds here rather than to -LiteralPath (a PSObject takes anything): import the file.
            ImportFiles(Paths.InputFiles(item.FullName, literal: true, Recurse, ExportFiles));
            return;
        }
        _pipedRows++;
        TicketActivity activity;
        try
        {
            activity = TicketActivityInput.From(input, _pipedRows);
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidInputObject, input));
            return;
        }
        if (_batch is null)
        {
            // One confirmation for the whole pipeline run: that is the unit that commits or rolls back.
            _declined = !ShouldProcess(DatabasePath, "Import piped ticket activity");
            if (_declined) return;
            _batch = OpenStore().BeginImport(null);
        }
        try
        {
            _batch.Add(activity);
        }
        catch (InputFormatException exception)
        {
            // One bad object is that object's problem: report it and keep the rest of the run.
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, record: _pipedRows, item: input),
                ErrorRecords.InvalidInputObject));
        }
    }

    private TicketStore OpenStore() => _store ??= OpenForWriting((path, reporter) => TicketStore.Open(path, reporter));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _batch?.Dispose(); // not committed: the pipeline failed or was stopped, so roll back
        _store?.Dispose();
    }
}
