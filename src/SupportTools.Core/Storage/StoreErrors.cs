namespace SupportTools.Storage;

/// <summary>Turns SQLite result codes and file-system exceptions on the database file into <see cref="StoreException"/>s.</summary>
internal static class StoreErrors
{
    /// <summary>The failure for an SQLite result code (primary or extended); <paramref name="detail"/> is SQLite's own message.</summary>
    public static StoreException FromResult(string path, int result, string? detail, Exception? inner = null)
    {
        var said = string.IsNullOrEmpty(detail) ? "" : $" (SQLite: {detail})";
        return (result & 0xFF) switch
        {
            SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED =>
                new StoreException(path, StoreFailure.Busy, "is locked by another process." + said, inner),
            SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_PERM =>
                new StoreException(path, StoreFailure.ReadOnly, "cannot be written: the file or its folder is read-only." + said, inner),
            SQLitePCL.raw.SQLITE_CANTOPEN => CannotOpen(path, said, inner),
            SQLitePCL.raw.SQLITE_FULL =>
                new StoreException(path, StoreFailure.DiskFull, "could not grow: the disk is full (or the database reached its size limit)." + said, inner),
            SQLitePCL.raw.SQLITE_NOTADB =>
                new StoreException(path, StoreFailure.NotAStore, "is not a SupportTools database: it is not an SQLite database." + said, inner),
            SQLitePCL.raw.SQLITE_CORRUPT =>
                new StoreException(path, StoreFailure.Corrupt, "is damaged: SQLite found it corrupt." + said, inner),
            SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_NOMEM or SQLitePCL.raw.SQLITE_NOLFS =>
                new StoreException(path, StoreFailure.Io, "could not be read or written: the operating system reported an I/O error." + said, inner),
            // ERROR, SCHEMA, CONSTRAINT, MISMATCH…: the tables are not what this module made (changed by hand or by another tool).
            _ => new StoreException(path, StoreFailure.Corrupt, "does not hold the tables this module expects." + said, inner),
        };
    }

    /// <summary>The failure for an exception thrown while using the database file; null when it is not one of ours to translate.</summary>
    public static StoreException? FromException(string path, Exception exception) => exception switch
    {
        StoreException store => store,
        UnauthorizedAccessException => new StoreException(path, StoreFailure.ReadOnly, "cannot be written: access to the file or its folder is denied.", exception),
        FileNotFoundException or DirectoryNotFoundException => new StoreException(path, StoreFailure.NotFound, "does not exist.", exception),
        IOException io when IsDiskFull(io) => new StoreException(path, StoreFailure.DiskFull, "could not be written: the disk is full.", exception),
        IOException => new StoreException(path, StoreFailure.Io, $"could not be read or written: {exception.Message}", exception),
        _ => null,
    };

    /// <summary>ENOSPC on Unix (.NET reports the errno), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    /// <summary>SQLite cannot open the file: missing, or a file/folder it may not write (the journal files live beside the database).</summary>
    private static StoreException CannotOpen(string path, string said, Exception? inner)
    {
        if (!File.Exists(path)) return new StoreException(path, StoreFailure.NotFound, "does not exist." + said, inner);
        return new StoreException(path, StoreFailure.ReadOnly,
            "cannot be opened: the file or its folder is read-only or not accessible (SQLite keeps its journal files beside the database)." + said, inner);
    }
}
