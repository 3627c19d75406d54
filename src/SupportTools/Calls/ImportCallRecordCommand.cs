using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Imports call detail records (Kazoo CDR JSON or CSV) into the SQLite store.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CallRecord", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(CallImportSummary))]
public sealed class ImportCallRecordCommand : StoreCmdlet
{
    private const string PathSet = "Path", LiteralPathSet = "LiteralPath";
    private static readonly string[] CallFiles = ["*.json", "*.jsonl", "*.ndjson", "*.csv"];

    private CallStore? _store;

    /// <summary>CDR files (JSON array, JSON lines or CSV); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>CDR files, taken literally (no wildcards); binds <c>PSPath</c> from <c>Get-ChildItem</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Takes the CDR files (*.json, *.jsonl, *.ndjson, *.csv) in folders given to -Path or -LiteralPath, and in their subfolders.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var files = (literal ? LiteralPath : Path).SelectMany(pattern => Paths.InputFiles(pattern, literal, Recurse, CallFiles)).ToList();
        ImportEach(files, ErrorRecords.InvalidCallRecordFile, ImportFile);
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
