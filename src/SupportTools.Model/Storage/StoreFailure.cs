namespace SupportTools.Storage;

/// <summary>
/// Why a store operation failed. The cmdlet layer turns each into a stable error id (given per member), so users and
/// scripts can tell a locked database from a damaged one without reading the message.
/// </summary>
public enum StoreFailure
{
    /// <summary>A reader was given a database that does not exist (or holds no data of its capability). Error id <c>DatabaseNotFound</c>.</summary>
    NotFound,

    /// <summary>The file is not a SupportTools database: another application's SQLite file, a JSON file, an empty file, a folder. Error id <c>NotASupportToolsDatabase</c>.</summary>
    NotAStore,

    /// <summary>The database was written by a newer module version (a schema step this version does not know). Error id <c>DatabaseFromNewerVersion</c>.</summary>
    NewerVersion,

    /// <summary>Another process held the database lock for longer than the busy timeout. Error id <c>DatabaseBusy</c>.</summary>
    Busy,

    /// <summary>The database, or the folder it is (to be) in, cannot be written. Error id <c>DatabaseReadOnly</c>.</summary>
    ReadOnly,

    /// <summary>The disk (or the database's size limit) is full. Error id <c>DiskFull</c>.</summary>
    DiskFull,

    /// <summary>The operating system failed to read or write the database file. Error id <c>DatabaseIOError</c>.</summary>
    Io,

    /// <summary>The database is damaged, or its tables are not what this module made. Error id <c>DatabaseIOError</c>.</summary>
    Corrupt,
}
