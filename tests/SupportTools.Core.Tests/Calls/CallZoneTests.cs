using System.Globalization;
using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>Zones: number normalisation, the longest prefix, zone tables replacing the geocoder, countries and regions.</summary>
public sealed class CallZoneTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _db;

    public CallZoneTests() => _db = _files.PathOf("calls.db");

    public void Dispose() => _files.Dispose();

    private const string ZoneTable = """
        zone_id,country,region,prefix
        1,New Zealand,New Zealand Other,64
        2,New Zealand,New Zealand Balclutha,643418
        3,New Zealand,New Zealand Mobile,6421
        3,New Zealand,New Zealand Mobile,+64 22;0064 27
        4,Australia,Australia Sydney,6129
        5,Fiji,Fiji,679
        """;

    private void ImportCalls(params (string Id, string Caller, string Callee)[] calls)
    {
        using var store = CallStore.Open(_db);
        using var batch = store.BeginImport();
        var time = new DateTimeOffset(2016, 3, 4, 8, 0, 0, TimeSpan.Zero);
        foreach (var (id, caller, callee) in calls)
            batch.Add(new CallRecord(id, time, "inbound", 10, 5, 5, caller, null, callee, "NORMAL_CLEARING", false, null, null));
        batch.Commit();
    }

    private CallZoneImportSummary ImportZones(string table = ZoneTable)
    {
        using var store = CallStore.Open(_db);
        return store.ImportZones(_files.Write("zones.csv", table));
    }

    private string Zones(string id) => (string)Sql.Scalar(_db, $"SELECT coalesce(caller_zone_id, 'NULL') || '/' || coalesce(callee_zone_id, 'NULL') FROM call_records WHERE call_id = '{id}'")!;

    [Theory]
    [InlineData("+64 3 418-1234", "6434181234")]
    [InlineData("0064 (3) 418 1234", "6434181234")]
    [InlineData("011 64 3 418 1234", "6434181234")]
    [InlineData("6434181234", "6434181234")]
    [InlineData("+1.212.555.1234", "12125551234")]
    [InlineData("1001", "1001")]
    [InlineData("sip:1001@example.com", null)]
    [InlineData("+64+3", null)]
    [InlineData("*98", null)]
    [InlineData("", null)]
    [InlineData("00", null)]
    public void Numbers_are_normalised_to_international_digits(string number, string? digits) =>
        Assert.Equal(digits, CallNumber.Normalize(number));

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        var table = new CallZoneTable();
        table.Add("64"u8, 1);
        table.Add("643"u8, 2);
        table.Add("643418"u8, 3);
        table.Add("1"u8, 4);
        Assert.Equal(3, table.ZoneOf("6434181234"u8));
        Assert.Equal(2, table.ZoneOf("6434191234"u8));
        Assert.Equal(1, table.ZoneOf("6493001000"u8));
        Assert.Equal(4, table.ZoneOf("12125551234"u8));
        Assert.Null(table.ZoneOf("44207"u8));
        Assert.Null(table.ZoneOf("6"u8));
        Assert.False(table.Add("643"u8, 9)); // a prefix has one zone
    }

    [Fact]
    public void A_zone_table_gives_zones_by_longest_prefix_to_calls_before_and_after_it()
    {
        ImportCalls(("before", "+6434181234", "+6421555123"));
        var summary = ImportZones();
        Assert.Equal((5L, 7L, 1L), (summary.Zones, summary.Prefixes, summary.Rezoned));
        Assert.Equal("2/3", Zones("before"));
        ImportCalls(("after", "+6493001000", "0061 2 9000 1234"), ("none", "+442071234567", "1001"));
        Assert.Equal("1/4", Zones("after"));
        Assert.Equal("NULL/NULL", Zones("none"));
        Assert.Equal(0L, ImportZones().Rezoned); // the same table again changes nothing
    }

    [Fact]
    public void Zone_ids_a_record_gives_are_kept_when_zones_change()
    {
        using (var store = CallStore.Open(_db))
        using (var batch = store.BeginImport())
        {
            batch.Add(new CallRecord("given", DateTimeOffset.UnixEpoch, null, 1, 1, 0, "+6434181234", null, "+6421555123", null, false, 99, null));
            batch.Commit();
        }
        ImportZones();
        Assert.Equal("99/3", Zones("given"));
    }

    [Fact]
    public void A_zone_a_record_gives_counts_as_used_when_the_table_has_it()
    {
        using (var store = CallStore.Open(_db))
        using (var batch = store.BeginImport())
        {
            batch.Add(new CallRecord("fiji", DateTimeOffset.UnixEpoch, null, 1, 1, 0, "+6434181234", null, "+6421555123", null, false, null, 5));
            batch.Commit();
        }
        ImportZones();
        using var reader = CallStore.OpenReadOnly(_db);
        Assert.Equal(["Fiji", "New Zealand"], reader.GetCountries());
        Assert.Equal("2/5", Zones("fiji"));
    }

    [Fact]
    public void Without_a_zone_table_the_geocoder_names_the_zones_and_countries_list_only_those_used()
    {
        ImportCalls(("a", "+6434181234", "+61298765432"), ("b", "+6421555123", "+6493031234"), ("c", "1001", "+447912345678"));
        using var store = CallStore.OpenReadOnly(_db);
        Assert.Equal(["Australia", "New Zealand", "United Kingdom"], store.GetCountries());
        var unknown = new List<string>();
        var regions = store.GetRegions(["new zealand", "Fiji", "NEW ZEALAND", "United Kingdom"], unknown);
        Assert.Equal(["New Zealand Auckland", "New Zealand Balclutha", "New Zealand Mobile", "United Kingdom Mobile"], regions.Select(r => r.Region));
        Assert.All(regions.Take(3), r => Assert.Equal("New Zealand", r.Country));
        Assert.Equal(["Fiji"], unknown);
        var balclutha = regions.Single(r => r.Region == "New Zealand Balclutha").ZoneId;
        Assert.Equal(balclutha, Sql.Scalar(_db, "SELECT caller_zone_id FROM call_records WHERE call_id = 'a'"));
        Assert.Equal(DBNull.Value, Sql.Scalar(_db, "SELECT caller_zone_id FROM call_records WHERE call_id = 'c'"));
    }

    [Fact]
    public void A_zone_table_replaces_the_geocoders_zones()
    {
        ImportCalls(("a", "+6434181234", "+61298765432"), ("b", "+447912345678", "+6493031234"));
        Assert.Equal(2L, ImportZones().Rezoned); // both calls: every number of theirs changes zone
        using var store = CallStore.OpenReadOnly(_db);
        Assert.Equal(["Australia", "New Zealand"], store.GetCountries());
        Assert.Equal([(2L, "New Zealand Balclutha"), (1L, "New Zealand Other")],
            store.GetRegions(["New Zealand"], new List<string>()).Select(r => (r.ZoneId, r.Region)));
        Assert.Equal(0L, Sql.Scalar(_db, "SELECT count(*) FROM call_zones WHERE source = 'geocoder'"));
    }

    /// <summary>Three calls whose rowids lie in three runs of the re-zoning (100,000 rowids each), as in a store of 250,000 calls.</summary>
    private void ImportCallsSpreadOverRuns()
    {
        ImportCalls(("a", "+6434181234", "+6421555123"), ("b", "+6493001000", "+61298765432"), ("c", "+6421555999", "+6434181111"));
        Sql.Execute(_db, "UPDATE call_records SET rowid = 150000 WHERE call_id = 'b'; UPDATE call_records SET rowid = 250001 WHERE call_id = 'c';");
    }

    [Fact]
    public void Re_zoning_reaches_calls_in_every_run_and_reports_progress_to_the_last()
    {
        ImportCallsSpreadOverRuns();
        var reporter = new RecordingReporter();
        using (var store = CallStore.Open(_db))
            Assert.Equal(3L, store.ImportZones(_files.Write("zones.csv", ZoneTable), reporter).Rezoned);
        Assert.Equal(("2/3", "1/4", "3/2"), (Zones("a"), Zones("b"), Zones("c")));
        Assert.Equal([100_000L, 200_000L, 250_001L], reporter.ProgressReports.Select(p => p.Completed));
        Assert.All(reporter.ProgressReports, p => Assert.Equal(250_001L, p.Total));
    }

    [Fact]
    public void A_zone_import_cancelled_midway_changes_nothing()
    {
        ImportCallsSpreadOverRuns();
        var before = (Zones("a"), Zones("b"), Zones("c"), Sql.Count(_db, "call_zones"));
        using var cancel = new CancellationTokenSource();
        using (var store = CallStore.Open(_db))
            Assert.ThrowsAny<OperationCanceledException>(() =>
                store.ImportZones(_files.Write("zones.csv", ZoneTable), new CancellingReporter(cancel), cancel.Token));
        Assert.Equal(before, (Zones("a"), Zones("b"), Zones("c"), Sql.Count(_db, "call_zones")));
        Assert.Equal(0L, Sql.Count(_db, "call_zone_prefixes"));
        Assert.Equal(3L, ImportZones().Rezoned); // the store is usable: the same import then runs whole
    }

    /// <summary>Cancels at the first progress report: after the first run of calls was re-zoned, before the next.</summary>
    private sealed class CancellingReporter(CancellationTokenSource cancel) : IOperationReporter
    {
        public void Progress(string status, long completed, long? total) => cancel.Cancel();

        public void Verbose(string message) { }

        public void Warning(string message) { }
    }

    public static TheoryData<string, long, string?, string> BadTables => new()
    {
        { "zone_id,country,region\n1,NZ,NZ Other\n", 1, null, "lacks prefix" },
        { "zone_id,country,region,prefix\n", 2, null, "no zones" },
        { "zone_id,country,region,prefix\nx,NZ,NZ Other,64\n", 2, "zone_id", "whole number" },
        { "zone_id,country,region,prefix\n1,,NZ Other,64\n", 2, "country", "empty" },
        { "zone_id,country,region,prefix\n1,NZ,NZ Other,64\n1,NZ,NZ Mobile,6421\n", 3, "zone_id", "line 2" },
        { "zone_id,country,region,prefix\n1,NZ,NZ Other,64\n2,NZ,NZ Mobile,+64\n", 3, "prefix", "zone 1's" },
        { "zone_id,country,region,prefix\n1,NZ,NZ Other,64abc\n", 2, "prefix", "number prefix" },
        { "call_id,call_time\n1,2016-03-04T08:00:00Z\n", 1, null, "Import-CallRecord" },
        { "\n[{\"call_id\":\"1\"}]", 1, null, "Import-CallRecord" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public void A_bad_zone_table_names_the_line_and_changes_nothing(string table, long line, string? field, string reason)
    {
        ImportZones();
        var exception = Assert.Throws<InputFormatException>(() => ImportZones(table));
        Assert.Equal((line, field), (exception.Line, exception.Field));
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.Equal(5L, Sql.Count(_db, "call_zones"));
    }
}
