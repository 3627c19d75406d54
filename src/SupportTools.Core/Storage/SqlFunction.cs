using SQLitePCL;

namespace SupportTools.Storage;

/// <summary>A scalar SQL function written in C#, registered on a connection for SQL that needs this module's logic (a migration, a bulk update).</summary>
/// <param name="Name">The SQL name.</param>
/// <param name="Arity">How many arguments it takes.</param>
/// <param name="Body">Computes the result (an integer, or null for SQL NULL) from the arguments (read with SQLitePCL's <c>raw.sqlite3_value_*</c>).</param>
internal sealed record SqlFunction(string Name, int Arity, Func<sqlite3_value[], long?> Body)
{
    /// <summary>Registers the function on <paramref name="handle"/> (deterministic, UTF-8).</summary>
    public void Register(sqlite3 handle)
    {
        var result = raw.sqlite3_create_function(handle, Name, Arity, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, null,
            (context, _, arguments) =>
            {
                if (Body(arguments) is { } value) raw.sqlite3_result_int64(context, value);
                else raw.sqlite3_result_null(context);
            });
        if (result != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused the function {Name} ({result}).");
    }
}
