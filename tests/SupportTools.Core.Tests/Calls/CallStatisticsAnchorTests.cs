using System.Globalization;
using Microsoft.Data.Sqlite;
using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>
/// Get-CallStatistic's numbers against an independent computation: the benchmark anchor's window-function SQL
/// (bench/anchors/sqlite-calls.sql: hourly, inbound or outbound, grouped by unanswered, UTC) run by SQLite itself over
/// the same generated calls in a plain table, as a sqlite3 user would. Every period and group must agree.
/// </summary>
public sealed class CallStatisticsAnchorTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Hourly_grouped_statistics_equal_the_anchors_window_functions()
    {
        var calls = new CallRecordGenerator(7, callsPerDay: 20_000, customers: 2_000).Calls(30_000).ToList();
        var db = _files.PathOf("calls.db");
        using (var store = CallStore.Open(db))
        using (var batch = store.BeginImport("anchor test"))
        {
            foreach (var call in calls) batch.Add(call);
            batch.Commit();
        }
        var expected = Anchor(calls);

        var zone = CallTimeZone.Utc;
        var query = new CallStatisticQuery(CallPeriod.Hourly, zone, CallFilter.Parse("""[{"name":"call_direction","op":"in","val":["inbound","outbound"]}]""", zone), "unanswered");
        List<string> Ours(long minCallsPerReader)
        {
            using var store = CallStore.OpenReadOnly(db);
            return CallStatistics.ComputeInParts(store, query, null, default, minCallsPerReader).Select(r => Line(
                r.Period.UtcDateTime.ToString("yyyy-MM-dd HH:00:00", CultureInfo.InvariantCulture), r.Group!, r.Total, r.DurationMin!.Value,
                r.DurationMax!.Value, r.DurationMean!.Value, r.DurationMedian!.Value)).ToList();
        }

        Assert.True(expected.Count > 40, $"only {expected.Count} rows");
        Assert.Equal(expected, Ours(long.MaxValue));
        Assert.Equal(expected, Ours(1_000)); // split between readers
    }

    private List<string> Anchor(List<CallRecord> calls)
    {
        using var connection = Sql.Open(_files.PathOf("anchor.db"), SqliteOpenMode.ReadWriteCreate);
        Sql.Execute(connection, "CREATE TABLE cdr (call_time TEXT, call_direction TEXT, duration_seconds TEXT, unanswered TEXT)");
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO cdr VALUES ($t, $d, $s, $u)";
            var (t, d, s, u) = (insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$d", SqliteType.Text),
                insert.Parameters.Add("$s", SqliteType.Text), insert.Parameters.Add("$u", SqliteType.Text));
            foreach (var call in calls)
            {
                // As `.import --csv` would store the generator's CSV: everything text.
                t.Value = call.CallTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                d.Value = (object?)call.CallDirection ?? "";
                s.Value = call.DurationSeconds.ToString(CultureInfo.InvariantCulture);
                u.Value = call.Unanswered ? "1" : "0";
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        using var query = connection.CreateCommand();
        query.CommandText = File.ReadAllText(Path.Combine(RepoRoot(), "bench", "anchors", "sqlite-calls.sql"));
        using var reader = query.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Line(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5), reader.GetDouble(6)));
        return rows;
    }

    private static string Line(string period, string group, long total, long min, long max, double mean, double median) =>
        string.Create(CultureInfo.InvariantCulture, $"{period} {group} n={total} min={min} max={max} mean={mean:R} median={median:R}");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupportTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find SupportTools.sln above " + AppContext.BaseDirectory);
    }
}
