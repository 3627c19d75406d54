using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// File-system paths from what users type: PowerShell-relative, through the providers, wildcards expanded unless
/// literal. A path that resolves to nothing usable gets an error that says why (no such file, a pattern that matched
/// nothing, a folder, another provider) and yields nothing, as <c>Get-Content</c> does.
/// </summary>
internal sealed class ProviderPaths(PSCmdlet cmdlet)
{
    private const string FileSystem = "FileSystem";

    /// <summary>
    /// The files <paramref name="path"/> names. Folders are an error unless <paramref name="recurse"/>, which takes the
    /// files matching any of <paramref name="filePatterns"/> beneath them (sorted, so imports run in a stable order).
    /// </summary>
    public IReadOnlyList<string> InputFiles(string path, bool literal, bool recurse, params string[] filePatterns)
    {
        var filePattern = string.Join(", ", filePatterns);
        var resolved = literal ? Literal(path) : Expand(path);
        var files = new List<string>();
        foreach (var item in resolved)
        {
            if (File.Exists(item)) files.Add(item);
            else if (Directory.Exists(item) && recurse)
            {
                var found = filePatterns.SelectMany(pattern => Directory.EnumerateFiles(item, pattern, SearchOption.AllDirectories))
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                if (found.Length == 0) cmdlet.WriteWarning($"'{item}' holds no {filePattern} files (subfolders included).");
                files.AddRange(found);
            }
            else if (Directory.Exists(item))
                cmdlet.WriteError(ErrorRecords.FolderGivenForInput(item, filePatterns[0], filePattern, cmdlet.MyInvocation.MyCommand.Parameters.ContainsKey("Recurse")));
        }
        return files;
    }

    /// <summary>
    /// The file-system path of a file the command creates or replaces (no wildcards; it may not exist yet), terminating
    /// when it cannot be one: another provider, a folder (<c>PathIsFolder</c>), or with <paramref name="noClobber"/> an
    /// existing file (<c>FileExists</c>).
    /// </summary>
    public string RequireOutputFile(string path, bool noClobber = false)
    {
        var (full, provider) = Unresolved(path);
        if (provider != FileSystem) cmdlet.ThrowTerminatingError(ErrorRecords.NotAFile(path, provider));
        if (Directory.Exists(full)) cmdlet.ThrowTerminatingError(ErrorRecords.FolderGiven(full));
        if (noClobber && File.Exists(full)) cmdlet.ThrowTerminatingError(ErrorRecords.FileAlreadyExists(full));
        return full;
    }

    /// <summary>A path made absolute through PowerShell's providers, without wildcard expansion, and its provider's name.</summary>
    private (string Path, string Provider) Unresolved(string path)
    {
        var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        return (full, provider.Name);
    }

    private IReadOnlyList<string> Literal(string path)
    {
        var (full, provider) = Unresolved(path);
        if (provider != FileSystem)
        {
            cmdlet.WriteError(ErrorRecords.NotAFile(path, provider));
            return [];
        }
        if (File.Exists(full) || Directory.Exists(full)) return [full];
        cmdlet.WriteError(ErrorRecords.FileMissing(full));
        return [];
    }

    private IReadOnlyList<string> Expand(string path)
    {
        try
        {
            var resolved = cmdlet.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name != FileSystem)
            {
                cmdlet.WriteError(ErrorRecords.NotAFile(path, provider.Name));
                return [];
            }
            if (resolved.Count > 0) return resolved;
        }
        catch (ItemNotFoundException)
        {
            // reported below, with a hint when the name only looks like a pattern
        }
        catch (System.Management.Automation.DriveNotFoundException exception)
        {
            cmdlet.WriteError(new ErrorRecord(exception, ErrorRecords.FileNotFound, ErrorCategory.ObjectNotFound, path));
            return [];
        }
        cmdlet.WriteError(ErrorRecords.NothingMatched(path, LiteralExists(path)));
        return [];
    }

    /// <summary>True when a file or folder is literally called <paramref name="path"/> (e.g. <c>br[1].json</c>).</summary>
    private bool LiteralExists(string path)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(path)) return false;
        var (full, provider) = Unresolved(path);
        return provider == FileSystem && (File.Exists(full) || Directory.Exists(full));
    }
}
