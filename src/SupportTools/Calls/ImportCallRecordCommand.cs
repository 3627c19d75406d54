using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Imports call detail records (Kazoo CDR JSON or CSV files, or piped records) into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CallRecord", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(CallImportSummary))]
public sealed class ImportCallRecordCommand : RecordImportCmdlet<CallStore, CallImportBatch, CallRecord>
{
    private const string NoDirection =
        "no record says its direction (call_direction, or direction as Kazoo's listing names it): filters and groups by call_direction leave them out.";

    /// <inheritdoc />
    protected override string RecordsName => "call records";

    /// <inheritdoc />
    protected override string[] FilePatterns => ["*.json", "*.jsonl", "*.ndjson", "*.csv"];

    /// <inheritdoc />
    protected override string InvalidFileId => ErrorRecords.InvalidCallRecordFile;

    /// <inheritdoc />
    protected override CallStore Open(string path, IOperationReporter reporter) => CallStore.Open(path, reporter);

    /// <inheritdoc />
    protected override void ImportFile(CallStore store, string file, IOperationReporter progress)
    {
        var summary = CallService.ImportFile(store, file, progress, CancellationToken);
        WriteVerbose($"'{file}': {summary.Records:N0} calls, {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
        if (summary.Records > 0 && summary.Inserted == 0)
            WriteWarning($"'{file}' added nothing: all {summary.Records:N0} calls were already in '{DatabasePath}'.");
        if (summary.LacksDirection) WriteWarning($"'{file}': {NoDirection}");
        WriteObject(summary);
    }

    /// <inheritdoc />
    protected override CallRecord ToRecord(PSObject input, long position)
    {
        try
        {
            return input.BaseObject as CallRecord
                   ?? CallRecordFields.FromFields(input.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, Plain(p))));
        }
        catch (InputFormatException exception)
        {
            throw new InputFormatException(exception.Reason, field: exception.Field, record: position, item: input, inner: exception);
        }
    }

    /// <inheritdoc />
    protected override CallImportBatch BeginImport(CallStore store) => CallService.BeginImport(store);

    /// <inheritdoc />
    protected override void Add(CallImportBatch batch, CallRecord record) => batch.Add(record);

    /// <inheritdoc />
    protected override void Commit(CallImportBatch batch)
    {
        var summary = batch.Commit();
        WriteVerbose($"Imported {summary.Records:N0} piped call records: {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored.");
        if (summary.LacksDirection) WriteWarning($"The piped records: {NoDirection}");
        WriteObject(summary);
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
}
