using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// What every SupportTools cmdlet shares: a cancellation token that <c>StopProcessing</c> (Ctrl+C) trips,
/// path resolution through PowerShell's providers, and the mapping of Core exceptions to error records.
/// Core never sees the cmdlet: it reports through callbacks that run on the pipeline thread.
/// </summary>
public abstract class SupportToolsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Tripped when the user stops the pipeline.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>A file-system path for a file the cmdlet will create (no wildcards, may not exist yet).</summary>
    protected string ResolveOutputPath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>Expands wildcards to existing file-system paths; writes an error and yields nothing when none match.</summary>
    protected IEnumerable<string> ResolveInputPaths(string path, bool literal)
    {
        if (literal)
        {
            var literalPath = GetUnresolvedProviderPathFromPSPath(path);
            if (File.Exists(literalPath)) return [literalPath];
            WriteError(ErrorRecords.FileMissing(literalPath));
            return [];
        }
        try
        {
            var resolved = GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name != "FileSystem")
            {
                WriteError(ErrorRecords.NotAFile(path, provider.Name));
                return [];
            }
            return resolved.Where(p => !Directory.Exists(p)).ToArray();
        }
        catch (ItemNotFoundException)
        {
            WriteError(ErrorRecords.FileMissing(path));
            return [];
        }
    }

    /// <summary>
    /// The database file for <c>-Database</c>: the given path, else <c>$env:SUPPORTTOOLS_DB</c>, else the
    /// per-user default; relative paths are relative to the current PowerShell location.
    /// </summary>
    protected string ResolveDatabasePath(string? database) =>
        GetUnresolvedProviderPathFromPSPath(Storage.DatabaseLocation.Resolve(database));

    /// <summary>The database for a read-only cmdlet; terminates when there is none (reads never create one).</summary>
    protected string RequireExistingDatabase(string? database)
    {
        var path = ResolveDatabasePath(database);
        if (!File.Exists(path)) ThrowTerminatingError(ErrorRecords.DatabaseMissing(path));
        WriteVerbose($"Using database '{path}'.");
        return path;
    }

    /// <summary>Disposes what the cmdlet holds; PowerShell calls it when the pipeline ends or stops.</summary>
    public void Dispose()
    {
        Dispose(true);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the derived cmdlet's resources.</summary>
    protected virtual void Dispose(bool disposing) { }
}
