using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// A store cmdlet that imports files: <c>-Path</c> (wildcards, positional, from the pipeline), <c>-LiteralPath</c>
/// (binds <c>PSPath</c> from <c>Get-ChildItem</c>), <c>-Recurse</c> for folders and <c>-Database</c>, declared once
/// for the file imports.
/// Each cmdlet names its file patterns and its help describes the files.
/// </summary>
public abstract class FileImportCmdlet : StoreCmdlet
{
    /// <summary>The parameter sets of <c>-Path</c> and <c>-LiteralPath</c>.</summary>
    protected const string PathSet = "Path", LiteralPathSet = "LiteralPath";

    /// <summary>The files to import; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>The files to import, taken literally (no wildcards); binds <c>PSPath</c> from <c>Get-ChildItem</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Takes the files matching the cmdlet's patterns in folders given to -Path or -LiteralPath, and in their subfolders.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>The SQLite database (default: $env:SUPPORTTOOLS_DB, else the per-user store).</summary>
    [Parameter]
    public string? Database { get; set; }

    /// <inheritdoc />
    protected override string? DatabaseArgument => Database;

    /// <summary>The files -Path or -LiteralPath name, folders taken apart by -Recurse into the files matching <paramref name="filePatterns"/>.</summary>
    protected IReadOnlyList<string> InputFiles(params string[] filePatterns)
    {
        var literal = ParameterSetName == LiteralPathSet;
        return [.. (literal ? LiteralPath : Path).SelectMany(pattern => Paths.InputFiles(pattern, literal, Recurse, filePatterns))];
    }
}
