using System.Management.Automation;
using SupportTools.Storage;

namespace SupportTools.Commands;

/// <summary>
/// A cmdlet that works on the SupportTools store: resolves <c>-Database</c> (the given path, else
/// <c>$env:SUPPORTTOOLS_DB</c>, else the per-user default; relative to the current PowerShell location, file system
/// only) and opens it for reading (never creating or altering anything) or writing (creating and migrating it).
/// Store failures are mapped by <see cref="ErrorRecords.From"/> like every other Core exception.
/// </summary>
public abstract class StoreCmdlet : SupportToolsCmdlet
{
    private string? _databasePath;

    /// <summary>The <c>-Database</c> argument (declared by each cmdlet, so it can sit in the parameter sets that use it).</summary>
    protected abstract string? DatabaseArgument { get; }

    /// <summary>The database file's full path.</summary>
    protected string DatabasePath => _databasePath ??= Paths.RequireOutputFile(DatabaseLocation.Resolve(DatabaseArgument));

    /// <summary>
    /// Opens the store for reading with <paramref name="open"/> (a capability's read-only open, which refuses a missing
    /// file with <c>DatabaseNotFound</c>: reads never create one).
    /// </summary>
    protected TStore OpenForReading<TStore>(Func<string, IOperationReporter, TStore> open)
    {
        var path = DatabasePath;
        WriteVerbose($"Opening database '{path}' read-only.");
        return open(path, new CmdletReporter(this, "Opening the database", "seconds"));
    }

    /// <summary>Warns once about the ids asked for that the store does not have (a typo, or the wrong database).</summary>
    protected void WarnAboutMissing(IEnumerable<long> requested, IReadOnlySet<long> found)
    {
        var missing = requested.Where(id => !found.Contains(id)).Distinct().ToArray();
        if (missing.Length == 0) return;
        var shown = string.Join(", ", missing.Take(10)) + (missing.Length > 10 ? $" and {missing.Length - 10:N0} more" : "");
        WriteWarning($"'{DatabasePath}' has no activity for {(missing.Length == 1 ? "ticket" : "tickets")} {shown}.");
    }

    /// <summary>
    /// Imports each file with <paramref name="import"/>, each in its own transaction. A file's failure (bad content,
    /// disk full, a lock held too long) is that file's error, with <paramref name="invalidFileId"/> for bad content, and
    /// the next file is tried; a store that is unusable for all (read-only, damaged, not a store) ends the command,
    /// naming the files not tried.
    /// </summary>
    protected void ImportEach(IReadOnlyList<string> files, string invalidFileId, Action<string> import)
    {
        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                import(files[i]);
            }
            catch (StoreException exception) when (exception.IsStoreUnusable)
            {
                var untried = files.Skip(i + 1).ToArray();
                var record = ErrorRecords.From(exception, null)!;
                if (untried.Length > 0)
                    record.ErrorDetails = new ErrorDetails($"{exception.Message} Not tried: {string.Join(", ", untried.Select(f => $"'{f}'"))}.");
                ThrowTerminatingError(record);
            }
            catch (Exception exception) when (ErrorRecords.From(exception, files[i], invalidFileId) is { } error)
            {
                // That file's problem: its transaction rolled back; the next file is still tried.
                WriteError(error);
            }
        }
    }

    /// <summary>Opens (creating and migrating when needed) the store for writing with <paramref name="open"/>.</summary>
    protected TStore OpenForWriting<TStore>(Func<string, IOperationReporter, TStore> open)
    {
        var path = DatabasePath;
        WriteVerbose(File.Exists(path) ? $"Opening database '{path}'." : $"Creating database '{path}'.");
        return open(path, new CmdletReporter(this, "Opening the database", "seconds"));
    }
}
