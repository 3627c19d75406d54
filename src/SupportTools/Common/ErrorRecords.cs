using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// The module's error ids (stable: scripts and tests match on <c>FullyQualifiedErrorId</c>; defined in Core's
/// <see cref="ErrorIds"/>) and the one mapping of exceptions to error records. A Core exception says its own id, kind,
/// target and recommended action (<see cref="SupportToolsException"/>), so this mapping knows no capability; the
/// file system's exceptions are mapped here. Messages say where and why; they never hold secrets.
/// </summary>
public static class ErrorRecords
{
    /// <inheritdoc cref="ErrorIds.InvalidExportFile"/>
    public const string InvalidExportFile = ErrorIds.InvalidExportFile;
    /// <inheritdoc cref="ErrorIds.InvalidCallRecordFile"/>
    public const string InvalidCallRecordFile = ErrorIds.InvalidCallRecordFile;
    /// <inheritdoc cref="ErrorIds.InvalidZoneTable"/>
    public const string InvalidZoneTable = ErrorIds.InvalidZoneTable;
    /// <inheritdoc cref="ErrorIds.CountryNotFound"/>
    public const string CountryNotFound = ErrorIds.CountryNotFound;
    /// <inheritdoc cref="ErrorIds.InvalidInputFile"/>
    public const string InvalidInputFile = ErrorIds.InvalidInputFile;
    /// <inheritdoc cref="ErrorIds.InvalidInputObject"/>
    public const string InvalidInputObject = ErrorIds.InvalidInputObject;
    /// <inheritdoc cref="ErrorIds.FileNotFound"/>
    public const string FileNotFound = ErrorIds.FileNotFound;
    /// <inheritdoc cref="ErrorIds.PathIsFolder"/>
    public const string PathIsFolder = ErrorIds.PathIsFolder;
    /// <inheritdoc cref="ErrorIds.NotAFileSystemPath"/>
    public const string NotAFileSystemPath = ErrorIds.NotAFileSystemPath;
    /// <inheritdoc cref="ErrorIds.FileError"/>
    public const string FileError = ErrorIds.FileError;
    /// <inheritdoc cref="ErrorIds.FileAccessDenied"/>
    public const string FileAccessDenied = ErrorIds.FileAccessDenied;
    /// <inheritdoc cref="ErrorIds.DiskFull"/>
    public const string DiskFull = ErrorIds.DiskFull;
    /// <inheritdoc cref="ErrorIds.FileExists"/>
    public const string FileExists = ErrorIds.FileExists;
    /// <inheritdoc cref="ErrorIds.InvalidArgument"/>
    public const string InvalidArgument = ErrorIds.InvalidArgument;
    /// <inheritdoc cref="ErrorIds.NothingToWrite"/>
    public const string NothingToWrite = ErrorIds.NothingToWrite;
    /// <inheritdoc cref="ErrorIds.DatabaseNotFound"/>
    public const string DatabaseNotFound = ErrorIds.DatabaseNotFound;
    /// <inheritdoc cref="ErrorIds.NotASupportToolsDatabase"/>
    public const string NotASupportToolsDatabase = ErrorIds.NotASupportToolsDatabase;
    /// <inheritdoc cref="ErrorIds.DatabaseFromNewerVersion"/>
    public const string DatabaseFromNewerVersion = ErrorIds.DatabaseFromNewerVersion;
    /// <inheritdoc cref="ErrorIds.DatabaseBusy"/>
    public const string DatabaseBusy = ErrorIds.DatabaseBusy;
    /// <inheritdoc cref="ErrorIds.DatabaseReadOnly"/>
    public const string DatabaseReadOnly = ErrorIds.DatabaseReadOnly;
    /// <inheritdoc cref="ErrorIds.DatabaseIOError"/>
    public const string DatabaseIOError = ErrorIds.DatabaseIOError;
    /// <inheritdoc cref="ErrorIds.HttpAuthenticationFailed"/>
    public const string HttpAuthenticationFailed = ErrorIds.HttpAuthenticationFailed;
    /// <inheritdoc cref="ErrorIds.HttpPermissionDenied"/>
    public const string HttpPermissionDenied = ErrorIds.HttpPermissionDenied;
    /// <inheritdoc cref="ErrorIds.HttpNotFound"/>
    public const string HttpNotFound = ErrorIds.HttpNotFound;
    /// <inheritdoc cref="ErrorIds.HttpRequestRejected"/>
    public const string HttpRequestRejected = ErrorIds.HttpRequestRejected;
    /// <inheritdoc cref="ErrorIds.HttpServiceUnavailable"/>
    public const string HttpServiceUnavailable = ErrorIds.HttpServiceUnavailable;
    /// <inheritdoc cref="ErrorIds.HttpTimeout"/>
    public const string HttpTimeout = ErrorIds.HttpTimeout;
    /// <inheritdoc cref="ErrorIds.HttpInvalidResponse"/>
    public const string HttpInvalidResponse = ErrorIds.HttpInvalidResponse;
    /// <inheritdoc cref="ErrorIds.HttpCertificateRefused"/>
    public const string HttpCertificateRefused = ErrorIds.HttpCertificateRefused;
    /// <inheritdoc cref="ErrorIds.HttpResponseTooLarge"/>
    public const string HttpResponseTooLarge = ErrorIds.HttpResponseTooLarge;
    /// <inheritdoc cref="ErrorIds.HttpRedirectRefused"/>
    public const string HttpRedirectRefused = ErrorIds.HttpRedirectRefused;
    /// <inheritdoc cref="ErrorIds.DeskPagingLoop"/>
    public const string DeskPagingLoop = ErrorIds.DeskPagingLoop;
    /// <inheritdoc cref="ErrorIds.InvalidDeskPage"/>
    public const string InvalidDeskPage = ErrorIds.InvalidDeskPage;
    /// <inheritdoc cref="ErrorIds.InvalidCallFilter"/>
    public const string InvalidCallFilter = ErrorIds.InvalidCallFilter;
    /// <inheritdoc cref="ErrorIds.UnknownTimeZone"/>
    public const string UnknownTimeZone = ErrorIds.UnknownTimeZone;
    /// <inheritdoc cref="ErrorIds.InvalidLeadRow"/>
    public const string InvalidLeadRow = ErrorIds.InvalidLeadRow;
    /// <inheritdoc cref="ErrorIds.CloseLeadNotCreated"/>
    public const string CloseLeadNotCreated = ErrorIds.CloseLeadNotCreated;
    /// <inheritdoc cref="ErrorIds.CloseLeadOutcomeUnknown"/>
    public const string CloseLeadOutcomeUnknown = ErrorIds.CloseLeadOutcomeUnknown;
    /// <inheritdoc cref="ErrorIds.CloseCustomFieldNotFound"/>
    public const string CloseCustomFieldNotFound = ErrorIds.CloseCustomFieldNotFound;
    /// <inheritdoc cref="ErrorIds.InvalidScheduleFile"/>
    public const string InvalidScheduleFile = ErrorIds.InvalidScheduleFile;
    /// <inheritdoc cref="ErrorIds.InvalidSlaPolicy"/>
    public const string InvalidSlaPolicy = ErrorIds.InvalidSlaPolicy;
    /// <inheritdoc cref="ErrorIds.UnexpectedError"/>
    public const string UnexpectedError = ErrorIds.UnexpectedError;

    /// <summary>
    /// The error record for an exception; null for exceptions the module does not map (they propagate unchanged).
    /// <paramref name="errorId"/> overrides the id of input-format errors, whose meaning depends on what was being read.
    /// An <see cref="ArgumentException"/> is a guard against a programming error (the user's mistakes are
    /// <see cref="InvalidRequestException"/>s), so it is reported as <see cref="UnexpectedError"/>, not as the user's fault.
    /// </summary>
    public static ErrorRecord? From(Exception exception, object? target, string? errorId = null) => exception switch
    {
        InputFormatException input => InvalidInput(input, errorId ?? input.ErrorId, target),
        SupportToolsException known => Record(known, known.ErrorId, target),
        FileNotFoundException notFound => new(exception, FileNotFound, ErrorCategory.ObjectNotFound, target ?? notFound.FileName),
        DirectoryNotFoundException => new(exception, FileNotFound, ErrorCategory.ObjectNotFound, target),
        UnauthorizedAccessException => new(exception, FileAccessDenied, ErrorCategory.PermissionDenied, target),
        IOException io when IsDiskFull(io) => new(exception, DiskFull, ErrorCategory.WriteError, target),
        IOException => new(exception, FileError, ErrorCategory.WriteError, target),
        ArgumentException => Unexpected(exception, target),
        _ => null,
    };

    /// <summary>The PowerShell category of a Core <see cref="ErrorKind"/> (the same name; <see cref="ErrorCategory.NotSpecified"/> if none).</summary>
    public static ErrorCategory Category(ErrorKind kind) =>
        Enum.TryParse<ErrorCategory>(kind.ToString(), out var category) ? category : ErrorCategory.NotSpecified;

    /// <summary>
    /// The record for a Core exception with <paramref name="errorId"/>: its kind's category, the target it chooses
    /// given the caller's (<see cref="SupportToolsException.TargetFor"/>), and its recommended action when it has one.
    /// </summary>
    private static ErrorRecord Record(SupportToolsException exception, string errorId, object? target)
    {
        var record = new ErrorRecord(exception, errorId, Category(exception.Kind), exception.TargetFor(target));
        if (exception.RecommendedAction is { } action)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action };
        return record;
    }

    /// <summary>An exception <see cref="From"/> does not know: reported with its own type so nothing is lost.</summary>
    public static ErrorRecord Unexpected(Exception exception, object? target) =>
        new(exception, UnexpectedError, ErrorCategory.NotSpecified, target);

    /// <summary>An input-format problem with the id of its format; the target is the given one, else the offending item, else the file.</summary>
    public static ErrorRecord InvalidInput(InputFormatException exception, string errorId, object? target = null) =>
        Record(exception, errorId, target);

    /// <summary>No file at <paramref name="path"/>.</summary>
    public static ErrorRecord FileMissing(string path) =>
        new(new FileNotFoundException($"Cannot find the file '{path}' because it does not exist.", path), FileNotFound, ErrorCategory.ObjectNotFound, path);

    /// <summary>An existing output file and -NoClobber.</summary>
    public static ErrorRecord FileAlreadyExists(string path) =>
        new(new IOException($"The file '{path}' already exists and -NoClobber was given."), FileExists, ErrorCategory.ResourceExists, path);

    /// <summary>A wildcard pattern that matched nothing; says so when a file is literally called that.</summary>
    public static ErrorRecord NothingMatched(string pattern, bool literalExists) =>
        new(new FileNotFoundException(literalExists
                ? $"No file matches the pattern '{pattern}'. A file with exactly that name exists: [ ] * ? are wildcard characters in -Path, so use -LiteralPath '{pattern}'."
                : $"Cannot find the path '{pattern}' because it does not exist.", pattern),
            FileNotFound, ErrorCategory.ObjectNotFound, pattern);

    /// <summary>A folder where a file to write (or the database) was expected.</summary>
    public static ErrorRecord FolderGiven(string path) =>
        new(new IOException($"'{path}' is a folder; give a file name (e.g. '{Path.Combine(path, "name")}')."), PathIsFolder, ErrorCategory.InvalidArgument, path);

    /// <summary>A folder where files to read were expected.</summary>
    public static ErrorRecord FolderGivenForInput(string path, string filePattern, string? filePatterns = null, bool offerRecurse = true) =>
        new(new IOException($"'{path}' is a folder, not a file. Give " + (offerRecurse
                ? $"the files in it (e.g. '{Path.Combine(path, filePattern)}') or add -Recurse to take its {filePatterns ?? filePattern} files."
                : $"a file in it (e.g. '{Path.Combine(path, filePattern)}').")),
            PathIsFolder, ErrorCategory.InvalidArgument, path);

    /// <summary>A path on a provider that is not the file system.</summary>
    public static ErrorRecord NotAFile(string path, string provider) =>
        new(new InvalidRequestException($"'{path}' is on the {provider} provider; a file-system path is required."),
            NotAFileSystemPath, ErrorCategory.InvalidArgument, path);

    /// <summary>Contradictory parameters.</summary>
    public static ErrorRecord InvalidArgumentError(string message, object? target) =>
        From(new InvalidRequestException(message, target), null)!;

    /// <summary>ENOSPC on Unix, ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows: checked by code, not by message.</summary>
    private static bool IsDiskFull(IOException exception) =>
        (exception.HResult & 0xFFFF) is 28 or 0x70 or 0x27;
}
