using System.Management.Automation;
using SupportTools.Calls;
using SupportTools.Desk;
using SupportTools.Http;
using SupportTools.Storage;

namespace SupportTools.Commands;

/// <summary>
/// The module's error ids (stable: scripts and tests match on <c>FullyQualifiedErrorId</c>) and the one mapping of
/// Core exceptions to error records, by type. Messages say where and why; they never hold secrets.
/// </summary>
public static class ErrorRecords
{
    /// <summary>An input file is not a valid export (bad JSON, wrong date, missing field…).</summary>
    public const string InvalidExportFile = nameof(InvalidExportFile);
    /// <summary>A call-record file (Kazoo CDR JSON or CSV) is malformed: the message gives file, line, record and field.</summary>
    public const string InvalidCallRecordFile = nameof(InvalidCallRecordFile);
    /// <summary>A zone table (CSV zone_id,country,region,prefix) is malformed or contradicts itself: file, line and column.</summary>
    public const string InvalidZoneTable = nameof(InvalidZoneTable);
    /// <summary>Get-CallRegion was asked for a country that no stored call's number is in.</summary>
    public const string CountryNotFound = nameof(CountryNotFound);
    /// <summary>An input file is not valid (the generic id; cmdlets that know the format use a specific one).</summary>
    public const string InvalidInputFile = nameof(InvalidInputFile);
    /// <summary>A piped or bound item is not valid.</summary>
    public const string InvalidInputObject = nameof(InvalidInputObject);
    /// <summary>A path matched no file.</summary>
    public const string FileNotFound = nameof(FileNotFound);
    /// <summary>A folder was given where a file is needed (use -Recurse to take the files in it, where offered).</summary>
    public const string PathIsFolder = nameof(PathIsFolder);
    /// <summary>A path is on a provider other than the file system.</summary>
    public const string NotAFileSystemPath = nameof(NotAFileSystemPath);
    /// <summary>A file could not be read or written.</summary>
    public const string FileError = nameof(FileError);
    /// <summary>A file or folder may not be read or written by this user.</summary>
    public const string FileAccessDenied = nameof(FileAccessDenied);
    /// <summary>The disk is full.</summary>
    public const string DiskFull = nameof(DiskFull);
    /// <summary>The output file exists and -NoClobber was given.</summary>
    public const string FileExists = nameof(FileExists);
    /// <summary>Parameters contradict each other, or a value is out of range.</summary>
    public const string InvalidArgument = nameof(InvalidArgument);
    /// <summary>Nothing valid arrived to write, so the output file was left as it was.</summary>
    public const string NothingToWrite = nameof(NothingToWrite);
    /// <summary>The database file does not exist (read cmdlets never create one).</summary>
    public const string DatabaseNotFound = nameof(DatabaseNotFound);
    /// <summary>The file is not a SupportTools database (another application's SQLite file, JSON, an empty file); it was left unchanged.</summary>
    public const string NotASupportToolsDatabase = nameof(NotASupportToolsDatabase);
    /// <summary>The database was written by a newer version of the module.</summary>
    public const string DatabaseFromNewerVersion = nameof(DatabaseFromNewerVersion);
    /// <summary>Another process held the database lock longer than the busy timeout.</summary>
    public const string DatabaseBusy = nameof(DatabaseBusy);
    /// <summary>The database (or its folder) cannot be written.</summary>
    public const string DatabaseReadOnly = nameof(DatabaseReadOnly);
    /// <summary>The database file could not be read or written, or is damaged.</summary>
    public const string DatabaseIOError = nameof(DatabaseIOError);
    /// <summary>A service refused the credentials (HTTP 401); never retried.</summary>
    public const string HttpAuthenticationFailed = nameof(HttpAuthenticationFailed);
    /// <summary>A service refused the action for these credentials (HTTP 403).</summary>
    public const string HttpPermissionDenied = nameof(HttpPermissionDenied);
    /// <summary>A service has no such resource (HTTP 404): check -BaseUri and identifiers.</summary>
    public const string HttpNotFound = nameof(HttpNotFound);
    /// <summary>A service refused the request itself (another 4xx, e.g. a 400 with field errors); the message has its words.</summary>
    public const string HttpRequestRejected = nameof(HttpRequestRejected);
    /// <summary>
    /// A service stayed unavailable through every retry (429, 5xx, no connection), asked to wait longer than allowed, or
    /// failed a create in a way that leaves open whether it took effect.
    /// </summary>
    public const string HttpServiceUnavailable = nameof(HttpServiceUnavailable);
    /// <summary>A service gave no complete answer in time on any attempt.</summary>
    public const string HttpTimeout = nameof(HttpTimeout);
    /// <summary>A service answered with something it should not send (not JSON, a link to another site).</summary>
    public const string HttpInvalidResponse = nameof(HttpInvalidResponse);
    /// <summary>The server's TLS certificate was refused (untrusted issuer, expired, another host's name); never retried.</summary>
    public const string HttpCertificateRefused = nameof(HttpCertificateRefused);
    /// <summary>An answer larger than the client allows (64 MiB, on the wire or decompressed): it was not read whole and not retried.</summary>
    public const string HttpResponseTooLarge = nameof(HttpResponseTooLarge);
    /// <summary>The server redirected to another origin (or too many times): not followed, so credentials stayed home.</summary>
    public const string HttpRedirectRefused = nameof(HttpRedirectRefused);
    /// <summary>A Desk page's next link leads back to a page already pulled: the pull stopped instead of looping forever.</summary>
    public const string DeskPagingLoop = nameof(DeskPagingLoop);
    /// <summary>A Desk page is JSON but not a HAL page of cases (a member of the wrong type, a field that cannot mean what it says).</summary>
    public const string InvalidDeskPage = nameof(InvalidDeskPage);
    /// <summary>A call filter (-Filter) is malformed JSON, names an unknown field or operator, or has a value of the wrong type; the message gives its path in the list.</summary>
    public const string InvalidCallFilter = nameof(InvalidCallFilter);
    /// <summary>A -TimeZone id that the tz database does not know.</summary>
    public const string UnknownTimeZone = nameof(UnknownTimeZone);
    /// <summary>Import-CloseLead: a row could not be cleaned (the message names the row and every problem); it was not sent.</summary>
    public const string InvalidLeadRow = nameof(InvalidLeadRow);
    /// <summary>Import-CloseLead: creating a lead failed after the allowed attempts; the lead was not created.</summary>
    public const string CloseLeadNotCreated = nameof(CloseLeadNotCreated);
    /// <summary>
    /// Import-CloseLead: a lead's create reached Close but its answer was lost and the look-up by name failed too: it may
    /// or may not exist (status Unknown). Running the import again settles it (leads are looked up by name first).
    /// </summary>
    public const string CloseLeadOutcomeUnknown = nameof(CloseLeadOutcomeUnknown);
    /// <summary>Import-CloseLead, Get-CloseLead: Close has no lead custom field by the name needed (nothing was created).</summary>
    public const string CloseCustomFieldNotFound = nameof(CloseCustomFieldNotFound);
    /// <summary>Import-BusinessSchedule: a schedule file is malformed (the message gives the file and the line or field).</summary>
    public const string InvalidScheduleFile = nameof(InvalidScheduleFile);
    /// <summary>Get-TicketSla: the policy (file, JSON or hashtable) is malformed; the message names the field.</summary>
    public const string InvalidSlaPolicy = nameof(InvalidSlaPolicy);
    /// <summary>An exception the module has no specific mapping for (a bug: please report it).</summary>
    public const string UnexpectedError = nameof(UnexpectedError);

    /// <summary>
    /// The error record for a Core exception, chosen by its type; null for exceptions the module does not map (they
    /// propagate unchanged). <paramref name="errorId"/> overrides the id of input-format errors, whose meaning depends on
    /// what was being read.
    /// </summary>
    public static ErrorRecord? From(Exception exception, object? target, string? errorId = null) => exception switch
    {
        StoreException store => Store(store),
        ServiceException service => Service(service, target),
        DeskPageException page => new(exception, page.Problem == DeskPageProblem.Loop ? DeskPagingLoop : InvalidDeskPage, ErrorCategory.InvalidResult, page.PageUri),
        InputFormatException input => InvalidInput(input, errorId ?? (input.Path is null ? InvalidInputObject : InvalidInputFile), target),
        FileNotFoundException notFound => new(exception, FileNotFound, ErrorCategory.ObjectNotFound, target ?? notFound.FileName),
        DirectoryNotFoundException => new(exception, FileNotFound, ErrorCategory.ObjectNotFound, target),
        UnauthorizedAccessException => new(exception, FileAccessDenied, ErrorCategory.PermissionDenied, target),
        IOException io when IsDiskFull(io) => new(exception, DiskFull, ErrorCategory.WriteError, target),
        IOException => new(exception, FileError, ErrorCategory.WriteError, target),
        SupportTools.Close.CloseFieldNotFoundException field => new(exception, CloseCustomFieldNotFound, ErrorCategory.ObjectNotFound, target ?? string.Join(", ", field.Missing)),
        CallFilterException filter => new(exception, InvalidCallFilter, ErrorCategory.InvalidArgument, target ?? filter.FilterPath),
        UnknownTimeZoneException zone => new(exception, UnknownTimeZone, ErrorCategory.InvalidArgument, target ?? zone.ZoneId),
        ArgumentException => new(exception, InvalidArgument, ErrorCategory.InvalidArgument, target),
        _ => null,
    };

    /// <summary>A store failure: the id says which (see <see cref="StoreFailure"/>); the target is the database path.</summary>
    public static ErrorRecord Store(StoreException exception)
    {
        var (id, category) = exception.Failure switch
        {
            StoreFailure.NotFound => (DatabaseNotFound, ErrorCategory.ObjectNotFound),
            StoreFailure.NotAStore => (NotASupportToolsDatabase, ErrorCategory.InvalidData),
            StoreFailure.NewerVersion => (DatabaseFromNewerVersion, ErrorCategory.NotImplemented),
            StoreFailure.Busy => (DatabaseBusy, ErrorCategory.ResourceBusy),
            StoreFailure.ReadOnly => (DatabaseReadOnly, ErrorCategory.PermissionDenied),
            StoreFailure.DiskFull => (DiskFull, ErrorCategory.WriteError),
            _ => (DatabaseIOError, ErrorCategory.ReadError),
        };
        return new ErrorRecord(exception, id, category, exception.DatabasePath);
    }

    /// <summary>A failed request: the id and category say why (see <see cref="ServiceFailure"/>); the target is the item being sent, else the URL.</summary>
    public static ErrorRecord Service(ServiceException exception, object? target = null)
    {
        var (id, category) = exception.Failure switch
        {
            ServiceFailure.Authentication => (HttpAuthenticationFailed, ErrorCategory.AuthenticationError),
            ServiceFailure.PermissionDenied => (HttpPermissionDenied, ErrorCategory.PermissionDenied),
            ServiceFailure.NotFound => (HttpNotFound, ErrorCategory.ObjectNotFound),
            ServiceFailure.Rejected => (HttpRequestRejected, ErrorCategory.InvalidArgument),
            ServiceFailure.Timeout => (HttpTimeout, ErrorCategory.OperationTimeout),
            ServiceFailure.InvalidResponse => (HttpInvalidResponse, ErrorCategory.InvalidResult),
            ServiceFailure.NotTrusted => (HttpCertificateRefused, ErrorCategory.SecurityError),
            ServiceFailure.ResponseTooLarge => (HttpResponseTooLarge, ErrorCategory.InvalidResult),
            ServiceFailure.RedirectRefused => (HttpRedirectRefused, ErrorCategory.SecurityError),
            _ => (HttpServiceUnavailable, ErrorCategory.ResourceUnavailable),
        };
        return new ErrorRecord(exception, id, category, target ?? exception.RequestUri)
        {
            ErrorDetails = new ErrorDetails(exception.Message)
            {
                RecommendedAction = exception.Failure switch
                {
                    ServiceFailure.Authentication => "Check the credentials (user and password, or API key) and run the command again.",
                    ServiceFailure.Ambiguous => "Check in the service whether the item exists before running the command again.",
                    ServiceFailure.NotTrusted => "Check the host name in -BaseUri; if the certificate is your organisation's own, add its issuer to this machine's trusted roots.",
                    ServiceFailure.ResponseTooLarge => "Ask for smaller pages (e.g. -PerPage), or check that -BaseUri points at the service's API and not at another site.",
                    ServiceFailure.RedirectRefused => "Give the address the service redirects to as -BaseUri if you trust it.",
                    ServiceFailure.Network => "Check the address in -BaseUri (host name and port) and the network connection, then try again.",
                    ServiceFailure.RateLimited or ServiceFailure.ServerError or ServiceFailure.Timeout =>
                        "The service is busy or unreachable: try again later.",
                    _ => "",
                },
            },
        };
    }

    /// <summary>An exception <see cref="From"/> does not know: reported with its own type so nothing is lost.</summary>
    public static ErrorRecord Unexpected(Exception exception, object? target) =>
        new(exception, UnexpectedError, ErrorCategory.NotSpecified, target);

    /// <summary>An input-format problem; the target is the offending item when Core had one, else the file.</summary>
    public static ErrorRecord InvalidInput(InputFormatException exception, string errorId, object? target = null) =>
        new(exception, errorId, ErrorCategory.InvalidData, target ?? exception.Item ?? exception.Path)
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
        new(new ArgumentException($"'{path}' is on the {provider} provider; a file-system path is required."),
            NotAFileSystemPath, ErrorCategory.InvalidArgument, path);

    /// <summary>Contradictory parameters.</summary>
    public static ErrorRecord InvalidArgumentError(string message, object? target) =>
        new(new ArgumentException(message), InvalidArgument, ErrorCategory.InvalidArgument, target);

    /// <summary>ENOSPC on Unix, ERROR_DISK_FULL/ERROR_HANDLE_DISK_FULL on Windows: checked by code, not by message.</summary>
    private static bool IsDiskFull(IOException exception) =>
        (exception.HResult & 0xFFFF) is 28 or 0x70 or 0x27;
}
