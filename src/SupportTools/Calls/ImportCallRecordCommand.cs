using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Imports call detail records (Kazoo CDR JSON or CSV) into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CallRecord", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(CallImportSummary))]
public sealed class ImportCallRecordCommand : FileImportCmdlet
{
    private static readonly string[] CallFiles = ["*.json", "*.jsonl", "*.ndjson", "*.csv"];

    private CallStore? _store;

    /// <inheritdoc />
    protected override void OnRecord()
    {
        ImportEach(InputFiles(CallFiles), ErrorRecords.InvalidCallRecordFile, ImportFile);
    }

    private void ImportFile(string file)
    {
        if (!ShouldProcess(file, $"Import call records into '{DatabasePath}'")) return;
        var store = _store ??= OpenForWriting((path, reporter) => CallStore.Open(path, reporter));
        var progress = new CmdletReporter(this, "Importing call records", "bytes");
        WriteVerbose($"Importing '{file}' ({new FileInfo(file).Length:N0} bytes) in one transaction.");
        try
        {
            var summary = store.ImportFile(file, progress, Host.CurrentCulture, CancellationToken);
            WriteVerbose($"'{file}': {summary.Records:N0} calls, {summary.Inserted:N0} new, {summary.Duplicates:N0} already stored, in {summary.Elapsed}.");
            if (summary.Records > 0 && summary.Inserted == 0)
                WriteWarning($"'{file}' added nothing: all {summary.Records:N0} calls were already in '{DatabasePath}'.");
            WriteObject(summary);
        }
        finally
        {
            progress.Complete();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing) => _store?.Dispose();
}
