using SupportTools.Storage;

namespace SupportTools.Calls;

/// <summary>Binds a filter's values to a statement built around its condition.</summary>
internal static class CallQuerySql
{
    /// <summary>Binds <paramref name="filter"/>'s parameters (?1, ?2…) to <paramref name="statement"/>.</summary>
    public static void Bind(SqliteStatement statement, CallFilter filter)
    {
        for (var i = 0; i < filter.Parameters.Count; i++)
        {
            switch (filter.Parameters[i])
            {
                case long number: statement.Bind(i + 1, number); break;
                case string text: statement.Bind(i + 1, text); break;
                default: throw new InvalidOperationException($"A call filter bound a {filter.Parameters[i].GetType().Name}.");
            }
        }
    }
}
