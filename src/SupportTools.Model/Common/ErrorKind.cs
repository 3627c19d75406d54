namespace SupportTools;

/// <summary>
/// What kind of failure an error is, without PowerShell: each member has the name of the
/// <c>System.Management.Automation.ErrorCategory</c> the module reports it as (the cmdlet layer maps by name, and a
/// test keeps every member a category).
/// </summary>
public enum ErrorKind
{
    /// <summary>No better kind: a bug.</summary>
    NotSpecified,
    /// <summary>The content of a file, row or item is wrong.</summary>
    InvalidData,
    /// <summary>The caller's parameters are wrong or contradict each other.</summary>
    InvalidArgument,
    /// <summary>The thing asked for does not exist.</summary>
    ObjectNotFound,
    /// <summary>The credentials were refused.</summary>
    AuthenticationError,
    /// <summary>The action is not allowed for this user or these credentials.</summary>
    PermissionDenied,
    /// <summary>A service or resource cannot be reached now.</summary>
    ResourceUnavailable,
    /// <summary>No answer in time.</summary>
    OperationTimeout,
    /// <summary>An answer that cannot be used.</summary>
    InvalidResult,
    /// <summary>Refused for safety (a certificate, a redirect).</summary>
    SecurityError,
    /// <summary>Held by someone else for too long.</summary>
    ResourceBusy,
    /// <summary>Reading failed.</summary>
    ReadError,
    /// <summary>Writing failed.</summary>
    WriteError,
    /// <summary>Something this version cannot do (e.g. a database from a newer version).</summary>
    NotImplemented,
    /// <summary>The thing to create is already there.</summary>
    ResourceExists,
    /// <summary>The operation cannot be done in the current state.</summary>
    InvalidOperation,
}
