using Microsoft.Data.Sqlite;

namespace SupportTools.Storage;

/// <summary>
/// Opens the SupportTools SQLite file (creating its folder), sets the pragmas the module relies on, and brings the
/// schema up to date from the registered <see cref="Migration"/>s, each in its own transaction, recorded in
/// <c>schema_version</c>. Re-running is a no-op.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>Every capability's migrations, in version order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = [.. Tickets.TicketSchema.Migrations];

    /// <summary>Opens (creating if needed) and migrates the database at <paramref name="path"/>.</summary>
    public static SqliteConnection Open(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // No pooling: a closed store releases its file, so callers (and tests) can move or delete it at once.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
        Migrate(connection);
        return connection;
    }

    /// <summary>Applies the migrations not yet recorded.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        using var current = connection.CreateCommand();
        current.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        var applied = Convert.ToInt32(current.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var migration in Migrations.Where(m => m.Version > applied).OrderBy(m => m.Version))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, migration.Sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$n", migration.Name);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>Runs SQL that returns nothing.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
