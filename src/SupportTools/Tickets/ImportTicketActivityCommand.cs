using System.Management.Automation;
using Microsoft.Data.Sqlite;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Imports Freshdesk ticket-activity export files, or piped activities, into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "TicketActivity", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(ImportSummary))]
public sealed class ImportTicketActivityCommand : SupportToolsCmdlet
{
    private const string PathSet = "Path", LiteralPathSet = "LiteralPath", InputObjectSet = "InputObject";

    private TicketStore? _store;
    private TicketImportBatch? _batch;
    private bool _declined;
    private string? _databasePath;

    /// <summary>Export files; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Export files, taken literally (no wildcards); binds <c>PSPath</c> from <c>Get-ChildItem</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Activities to import, e.g. from <c>New-TicketActivity</c>; one transaction per pipeline run.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [AllowNull]
    public TicketActivity? InputObject { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _databasePath = ResolveDatabasePath(Database);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == InputObjectSet)
        {
            AddPipedActivity();
            return;
        }
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var pattern in literal ? LiteralPath : Path)
            foreach (var file in ResolveInputPaths(pattern, literal))
                ImportFile(file);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
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
        if (!ShouldProcess(file, $"Import ticket activity into '{_databasePath}'")) return;
        var store = OpenStore();
        var progress = new CmdletReporter(this, "Importing ticket activity", "bytes");
        WriteVerbose($"Importing '{file}' ({new FileInfo(file).Length:N0} bytes) in one transaction.");
        try
        {
            var summary = store.ImportFile(file, progress, CancellationToken);
            WriteVerbose($"'{file}': {summary.Activities:N0} activities for {summary.Tickets:N0} tickets, " +
                         $"{summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
            if (summary.Activities > 0 && summary.Inserted == 0)
                WriteWarning($"'{file}' added nothing: all {summary.Activities:N0} activities were already in '{_databasePath}'.");
            WriteObject(summary);
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(exception, ErrorRecords.InvalidExportFile));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.IoFailure(exception, ErrorRecords.FileError, file));
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            progress.Complete();
        }
    }

    private void AddPipedActivity()
    {
        if (InputObject is null || _declined) return;
        if (_batch is null)
        {
            // One confirmation for the whole pipeline run: that is the unit that commits or rolls back.
            _declined = !ShouldProcess(_databasePath!, "Import piped ticket activity");
            if (_declined) return;
            _batch = OpenStore().BeginImport(null);
        }
        try
        {
            _batch.Add(InputObject);
        }
        catch (InputFormatException exception)
        {
            // One bad object is that object's problem: report it and keep the rest of the run.
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, item: InputObject),
                ErrorRecords.InvalidInputObject));
        }
    }

    private TicketStore OpenStore()
    {
        if (_store is not null) return _store;
        WriteVerbose($"Opening database '{_databasePath}'.");
        try
        {
            return _store = TicketStore.Open(_databasePath!);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.IoFailure(exception, ErrorRecords.DatabaseError, _databasePath!));
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _batch?.Dispose(); // not committed: the pipeline failed or was stopped, so roll back
        _store?.Dispose();
    }
}
