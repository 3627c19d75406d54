using System.Management.Automation;
using SupportTools.Calls;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Imports a zone table (zone_id,country,region,prefix) that gives calls their countries and regions.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CallZone", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CallZoneImportSummary))]
public sealed class ImportCallZoneCommand : StoreCmdlet
{
    private const string PathSet = "Path", LiteralPathSet = "LiteralPath";

    /// <summary>The zone table (CSV); a wildcard must match one file.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string Path { get; set; } = "";

    /// <summary>The zone table, taken literally (no wildcards); binds <c>PSPath</c> from <c>Get-Item</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <inheritdoc />
    protected override void OnRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        var files = Paths.InputFiles(literal ? LiteralPath : Path, literal, recurse: false, "*.csv");
        if (files.Count > 1)
        {
            WriteError(ErrorRecords.InvalidArgumentError(
                $"'{Path}' matches {files.Count} files; a zone table is one file (each import replaces the last): give one.", Path));
            return;
        }
        ImportEach(files, ErrorRecords.InvalidZoneTable, ImportFile);
    }

    private void ImportFile(string file)
    {
        if (!ShouldProcess(file, $"Replace the call zones of '{DatabasePath}' and derive the stored calls' zones again")) return;
        using var store = OpenForWriting((path, reporter) => CallStore.Open(path, reporter));
        var progress = new CmdletReporter(this, "Importing call zones", "calls");
        try
        {
            var summary = CallService.ImportZones(store, file, progress, CancellationToken);
            WriteVerbose($"'{file}': {summary.Zones:N0} zones with {summary.Prefixes:N0} prefixes; {summary.Rezoned:N0} stored calls changed zone, in {summary.Elapsed}.");
            WriteObject(summary);
        }
        finally
        {
            progress.Complete();
        }
    }
}
