using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Imports call detail records (Kazoo CDR JSON or CSV files, or piped records) into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CallRecord", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(CallImportSummary))]
public sealed class ImportCallRecordCommand : FileImportCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string NoDirection =
        "no record says its direction (call_direction, or direction as Kazoo's listing names it): filters and groups by call_direction leave them out.";
    private static readonly string[] CallFiles = ["*.json", "*.jsonl", "*.ndjson", "*.csv"];

    private CallStore? _store;
    private CallImportBatch? _batch;
    private bool _declined;
    private long _pipedRecords;

    /// <summary>
    /// Call records to import: <c>CallRecord</c> objects (from <c>Get-KazooCdr</c> or <c>Get-CallRecord</c>), rows with
    /// the CDR columns (from <c>Import-Csv</c>, e.g. of <c>Get-CallRecord | Export-Csv</c>'s file), or files
    /// (<c>Get-ChildItem</c>). One transaction per pipeline run, committed at its end.
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
        ImportFiles(InputFiles(CallFiles));
    }

    /// <inheritdoc />
    protected override void OnEnd()
    {
        if (_batch is null) return;
        var summary = _batch.Commit();
        _batch.Dispose();
        _batch = null;
        WriteVerbose($"Imported {summary.Records:N0} piped call records: {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored.");
        if (summary.LacksDirection) WriteWarning($"The piped records: {NoDirection}");
        WriteObject(summary);
    }

    private void ImportFiles(IReadOnlyList<string> files) => ImportEach(files, ErrorRecords.InvalidCallRecordFile, ImportFile);

    private void ImportFile(string file)
    {
        if (!ShouldProcess(file, $"Import call records into '{DatabasePath}'")) return;
        var store = OpenStore();
        var progress = new CmdletReporter(this, "Importing call records", "bytes");
        WriteVerbose($"Importing '{file}' in one transaction.");
        try
        {
            var summary = CallService.ImportFile(store, file, progress, CancellationToken);
            WriteVerbose($"'{file}': {summary.Records:N0} calls, {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
            if (summary.Records > 0 && summary.Inserted == 0)
                WriteWarning($"'{file}' added nothing: all {summary.Records:N0} calls were already in '{DatabasePath}'.");
            if (summary.LacksDirection) WriteWarning($"'{file}': {NoDirection}");
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
            ImportFiles(Paths.InputFiles(item.FullName, literal: true, Recurse, CallFiles));
            return;
        }
        _pipedRecords++;
        CallRecord record;
        try
        {
            record = input.BaseObject as CallRecord
                     ?? CallRecordFields.FromFields(input.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, Plain(p))));
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, record: _pipedRecords, item: input,
                inner: exception), ErrorRecords.InvalidInputObject, input));
            return;
        }
        if (_batch is null)
        {
            // One confirmation for the whole pipeline run: that is the unit that commits or rolls back.
            _declined = !ShouldProcess(DatabasePath, "Import piped call records");
            if (_declined) return;
            _batch = CallService.BeginImport(OpenStore());
        }
        try
        {
            _batch.Add(record);
        }
        catch (InputFormatException exception)
        {
            WriteError(ErrorRecords.InvalidInput(new InputFormatException(exception.Reason, field: exception.Field, record: _pipedRecords, item: input),
                ErrorRecords.InvalidInputObject, input));
        }
    }

    /// <summary>A property's value without PowerShell's wrapper (Core takes plain values).</summary>
    private static object? Plain(PSPropertyInfo property)
    {
        try
        {
            return property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
        }
        catch (GetValueException)
        {
            return null; // a script property that fails is no CDR field
        }
    }

    private CallStore OpenStore() => _store ??= OpenForWriting((path, reporter) => CallStore.Open(path, reporter));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _batch?.Dispose(); // not committed: the pipeline failed or was stopped, so roll back
        _store?.Dispose();
    }
}
