using SQLitePCL;

namespace SupportTools.Storage;

/// <summary>A scalar SQL function written in C#, registered on a connection for a migration that needs this module's logic.</summary>
/// <param name="Name">The SQL name.</param>
/// <param name="Arity">How many arguments it takes.</param>
/// <param name="Body">Computes the result from the arguments (read with SQLitePCL's <c>raw.sqlite3_value_*</c>).</param>
internal sealed record SqlFunction(string Name, int Arity, Func<sqlite3_value[], long> Body)
{
    /// <summary>Registers the function on <paramref name="handle"/> (deterministic, UTF-8).</summary>
    public void Register(sqlite3 handle)
    {
        var result = raw.sqlite3_create_function(handle, Name, Arity, raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC, null,
            (context, _, arguments) => raw.sqlite3_result_int64(context, Body(arguments)));
        if (result != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused the function {Name} ({result}).");
    }
}
