using System.Runtime.InteropServices;

namespace SupportTools.Storage;

/// <summary>
/// Direct calls into the same native SQLite library SQLitePCLRaw loads (<c>e_sqlite3</c>, resolved the same way), for
/// the per-row calls of bulk loops. SQLitePCLRaw's calls take a SafeHandle (a reference count taken and dropped on
/// every call) and a full GC transition; at twenty binds a row over millions of rows that was a sixth of an import.
/// The short calls here skip the GC transition: they neither block nor call back (text is bound STATIC or TRANSIENT,
/// never with a managed destructor). Measured again (bench calls-import, 2M calls, 5 runs each, alternating builds):
/// without SuppressGCTransition the CSV import's writer thread took 3.8-5.6 s of CPU against 3.4-3.6 s with it, and the
/// import 5.3-6.6 s against 3.8-5.0 s; JSON lines, whose parser is the busier thread, did not differ measurably.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>Tells SQLite to copy bound text before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    /// <summary>Tells SQLite the bound text stays in place and unchanged until it is bound again (no copy).</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_bind_null(IntPtr statement, int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_column_type(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern long sqlite3_column_int64(IntPtr statement, int column);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int sqlite3_changes(IntPtr database);

    /// <summary>Runs the statement: may wait for locks and do I/O, so it keeps the GC transition.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_step(IntPtr statement);

    /// <summary>Resets the statement (releasing a read lock outside a transaction, so it keeps the GC transition).</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    public static extern int sqlite3_reset(IntPtr statement);
}
