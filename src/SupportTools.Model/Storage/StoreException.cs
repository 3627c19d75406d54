namespace SupportTools.Storage;

/// <summary>
/// A SupportTools database could not be used: every SQLite failure, and every I/O failure on the database file, leaves
/// the store as one of these, naming the database and saying why in plain words.
/// </summary>
public sealed class StoreException : SupportToolsException
{
    /// <summary>Creates the exception; <paramref name="reason"/> completes "the database '…' …".</summary>
    public StoreException(string databasePath, StoreFailure failure, string reason, Exception? inner = null)
        : base($"The database '{databasePath}' {reason}", inner)
    {
        DatabasePath = databasePath;
        Failure = failure;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Why it failed.</summary>
    public StoreFailure Failure { get; }

    /// <summary>
    /// True when nothing more can be done with this store in this run (not a store, newer, read-only, damaged, failing
    /// I/O, missing); false for failures that concern one unit of work (a lock held too long, a full disk), after
    /// which the next file may still be imported.
    /// </summary>
    public bool IsStoreUnusable => Failure is not (StoreFailure.Busy or StoreFailure.DiskFull);

    /// <inheritdoc />
    public override string ErrorId => Failure switch
    {
        StoreFailure.NotFound => ErrorIds.DatabaseNotFound,
        StoreFailure.NotAStore => ErrorIds.NotASupportToolsDatabase,
        StoreFailure.NewerVersion => ErrorIds.DatabaseFromNewerVersion,
        StoreFailure.Busy => ErrorIds.DatabaseBusy,
        StoreFailure.ReadOnly => ErrorIds.DatabaseReadOnly,
        StoreFailure.DiskFull => ErrorIds.DiskFull,
        _ => ErrorIds.DatabaseIOError,
    };

    /// <inheritdoc />
    public override ErrorKind Kind => Failure switch
    {
        StoreFailure.NotFound => ErrorKind.ObjectNotFound,
        StoreFailure.NotAStore => ErrorKind.InvalidData,
        StoreFailure.NewerVersion => ErrorKind.NotImplemented,
        StoreFailure.Busy => ErrorKind.ResourceBusy,
        StoreFailure.ReadOnly => ErrorKind.PermissionDenied,
        StoreFailure.DiskFull => ErrorKind.WriteError,
        _ => ErrorKind.ReadError,
    };

    /// <inheritdoc />
    public override object? Target => DatabasePath;

    /// <summary>Always the database: whatever file was being imported, it is the store that failed.</summary>
    public override object? TargetFor(object? callerTarget) => DatabasePath;
}
