using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// The module's error ids (stable: scripts and tests match on <c>FullyQualifiedErrorId</c>) and the
/// mapping of Core exceptions to error records. Messages say where and why; they never hold secrets.
/// </summary>
public static class ErrorRecords
{
    /// <summary>An input file is not a valid export (bad JSON, wrong date, missing field…).</summary>
    public const string InvalidExportFile = nameof(InvalidExportFile);
    /// <summary>A piped or bound item is not valid.</summary>
    public const string InvalidInputObject = nameof(InvalidInputObject);
    /// <summary>A path matched no file.</summary>
    public const string FileNotFound = nameof(FileNotFound);
    /// <summary>A path is on a provider other than the file system.</summary>
    public const string NotAFileSystemPath = nameof(NotAFileSystemPath);
    /// <summary>The database file does not exist (read cmdlets never create one).</summary>
    public const string DatabaseNotFound = nameof(DatabaseNotFound);
    /// <summary>The database could not be opened or written.</summary>
    public const string DatabaseError = nameof(DatabaseError);
    /// <summary>A file could not be read or written.</summary>
    public const string FileError = nameof(FileError);
    /// <summary>The output file exists and -NoClobber was given.</summary>
    public const string FileExists = nameof(FileExists);
    /// <summary>Parameters contradict each other.</summary>
    public const string InvalidArgument = nameof(InvalidArgument);

    /// <summary>An input-format problem; the target is the offending item when Core had one, else the file.</summary>
    public static ErrorRecord InvalidInput(InputFormatException exception, string errorId) =>
        new(exception, errorId, ErrorCategory.InvalidData, exception.Item ?? exception.Path)
        {
            ErrorDetails = new ErrorDetails(exception.Message)
            {
                RecommendedAction = exception.Path is null
                    ? "Correct the item and run the command again."
                    : "Correct the file at the position given (or re-export it) and import it again; nothing from this file was imported.",
            },
        };

    /// <summary>No file at <paramref name="path"/>.</summary>
    public static ErrorRecord FileMissing(string path) =>
        new(new FileNotFoundException($"Cannot find the file '{path}'.", path), FileNotFound, ErrorCategory.ObjectNotFound, path);

    /// <summary>A path on a provider that is not the file system.</summary>
    public static ErrorRecord NotAFile(string path, string provider) =>
        new(new ArgumentException($"'{path}' is on the {provider} provider; a file-system path is required."),
            NotAFileSystemPath, ErrorCategory.InvalidArgument, path);

    /// <summary>A database path with no file behind it.</summary>
    public static ErrorRecord DatabaseMissing(string path) =>
        new(new FileNotFoundException($"There is no SupportTools database at '{path}'. Import data first, or pass -Database.", path),
            DatabaseNotFound, ErrorCategory.ObjectNotFound, path);

    /// <summary>An I/O or SQLite failure on <paramref name="target"/>.</summary>
    public static ErrorRecord IoFailure(Exception exception, string errorId, object target) =>
        new(exception, errorId, ErrorCategory.WriteError, target);

    /// <summary>Contradictory parameters.</summary>
    public static ErrorRecord InvalidArgumentError(string message, object? target) =>
        new(new ArgumentException(message), InvalidArgument, ErrorCategory.InvalidArgument, target);
}
