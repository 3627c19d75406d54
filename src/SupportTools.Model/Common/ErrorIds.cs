namespace SupportTools;

/// <summary>
/// The module's error ids: stable, since scripts and tests match on <c>FullyQualifiedErrorId</c>. Core exceptions
/// (<see cref="SupportToolsException"/>) name theirs from here; the cmdlet layer's <c>ErrorRecords</c> repeats them for
/// scripts that already use its constants.
/// </summary>
public static class ErrorIds
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
}
