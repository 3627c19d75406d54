using System.Globalization;
using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>Call-record files: every format, times, numbers as strings, derived fields, and bad input located by line and field.</summary>
public sealed class CallFileImportTests : IDisposable
{
    private const long Gregorian20160304T080000Z = 63624297600; // Kazoo's timestamp: Erlang Gregorian seconds (from year 0)
    private const long Unix20160304T080000Z = 1457078400;
    private readonly TestFiles _files = new();
    private readonly string _db;

    public CallFileImportTests() => _db = _files.PathOf("calls.db");

    public void Dispose() => _files.Dispose();

    private CallImportSummary Import(string name, string content)
    {
        var path = _files.Write(name, content);
        using var store = CallStore.Open(_db);
        return store.ImportFile(path);
    }

    private InputFormatException Rejected(string name, string content)
    {
        var exception = Assert.Throws<InputFormatException>(() => Import(name, content));
        Assert.EndsWith(name, exception.Path);
        if (File.Exists(_db)) Assert.Equal(0L, Sql.Count(_db, "call_records")); // one transaction: nothing of the file stays
        return exception;
    }

    private string Row(string callId, string columns = "call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, hangup_cause, caller_id_number, callee_id_number, caller_id_name, caller_zone_id, callee_zone_id, zones_given") =>
        (string)Sql.Scalar(_db, $"SELECT {string.Join(" || '|' || ", columns.Split(", ").Select(c => $"coalesce({c}, 'NULL')"))} FROM call_records WHERE call_id = '{callId}'")!;

    private const string KazooCdr = """
        {"call_id":"a1","timestamp":63624297600,"call_direction":"inbound","duration_seconds":"65","billing_seconds":"60","ringing_seconds":"5",
         "caller_id_number":"+6434181234","caller_id_name":"Jo","callee_id_number":"+6493001000","hangup_cause":"NORMAL_CLEARING",
         "custom_channel_vars":{"account_id":"x","nested":[1,{"call_id":"not this one"}]},"other_leg_call_id":"b1","media_server":"fs1"}
        """;

    [Fact]
    public void A_json_array_of_kazoo_cdrs_imports_starting_at_their_gregorian_end_less_their_duration_and_numbers_as_strings()
    {
        var summary = Import("cdrs.json", $"[{KazooCdr},\n{KazooCdr.Replace("\"a1\"", "\"a2\"").Replace("63624297600", "\"63624297660\"")}]");
        Assert.Equal((2L, 2L, 0L), (summary.Records, summary.Inserted, summary.Duplicates));
        // A raw CDR document's timestamp is when the leg ended (see KazooShapes): 65 seconds before it, it started.
        Assert.Equal(Unix20160304T080000Z - 65, Sql.Scalar(_db, "SELECT call_time FROM call_records WHERE call_id = 'a1'"));
        Assert.Equal(Unix20160304T080000Z - 5, Sql.Scalar(_db, "SELECT call_time FROM call_records WHERE call_id = 'a2'"));
        Assert.StartsWith($"{Unix20160304T080000Z - 65}|inbound|65|60|5|0|NORMAL_CLEARING|+6434181234|+6493001000|Jo|", Row("a1"));
    }

    [Fact]
    public void Kazoo_timestamps_count_from_year_zero_as_erlang_does()
    {
        Assert.Equal(0, CallTimes.FromGregorian(62_167_219_200));
        Assert.Equal(Unix20160304T080000Z, CallTimes.FromGregorian(Gregorian20160304T080000Z));
    }

    [Fact]
    public void Json_objects_one_per_line_or_spread_over_lines_import_alike()
    {
        var pretty = KazooCdr.Replace("\"a1\"", "\"a3\"").Replace(",", ",\n  ");
        var summary = Import("cdrs.jsonl", $"\uFEFF{KazooCdr}\n{KazooCdr.Replace("\"a1\"", "\"a2\"").ReplaceLineEndings(" ")}\n{pretty}\n\n");
        Assert.Equal(3L, summary.Inserted);
        Assert.Equal(Row("a1"), Row("a3"));
    }

    [Fact]
    public void Csv_with_cdr_field_names_imports_and_an_empty_cell_is_missing()
    {
        var summary = Import("cdrs.csv", """
            call_id,call_time,call_direction,duration_seconds,billing_seconds,ringing_seconds,caller_id_number,caller_id_name,callee_id_number,hangup_cause,unanswered,extra
            c1,2016-03-04T21:00:00+13:00,outbound,40,30,10,+6493001000,"Support, Ltd",+61290001234,NORMAL_CLEARING,false,ignored
            c2,2016-03-04T08:00:00Z,inbound,12,0,12,+447912345678,,+6493001000,NO_ANSWER,,
            """);
        Assert.Equal(2L, summary.Inserted);
        Assert.StartsWith($"{Unix20160304T080000Z}|outbound|40|30|10|0|NORMAL_CLEARING|+6493001000|+61290001234|Support, Ltd|", Row("c1"));
        Assert.StartsWith($"{Unix20160304T080000Z}|inbound|12|0|12|1|NO_ANSWER|+447912345678|+6493001000|NULL|", Row("c2"));
    }

    [Fact]
    public void Csv_written_by_export_csv_from_call_records_reads_back()
    {
        // Export-Csv's headers are the PascalCase properties; its CallTime is how the culture writes a DateTimeOffset
        // (here en-GB's 4 March, which en-US would read as 3 April): CallTimeIso, the same time in ISO 8601, is read instead.
        var summary = Import("export.csv", """
            "CallId","CallTime","CallTimeIso","CallDirection","DurationSeconds","BillingSeconds","RingingSeconds","CallerIdNumber","CallerIdName","CalleeIdNumber","HangupCause","Unanswered","CallerZoneId","CalleeZoneId","InteractionId","Legs"
            "e1","04/03/2016 21:00:00 +13:00","2016-03-04T21:00:00.0000000+13:00","inbound","20","15","5","+6434181234","Jo","+6493001000","NORMAL_CLEARING","False","7","","63624297600-5f0c2a71","1"
            """);
        Assert.Equal(1L, summary.Inserted);
        Assert.Equal($"{Unix20160304T080000Z}|inbound|20|15|5|0|7|1|63624297600-5f0c2a71",
            Row("e1", "call_time, call_direction, duration_seconds, billing_seconds, ringing_seconds, unanswered, caller_zone_id, zones_given, interaction_id"));
    }

    [Fact]
    public void Csv_in_utf16_with_a_byte_order_mark_imports_and_bytes_not_utf8_are_refused_with_their_line_and_field()
    {
        const string csv = "call_id,call_time,caller_id_name\nu1,2016-03-04T08:00:00Z,Zoë\n";
        var utf16 = _files.PathOf("utf16.csv");
        File.WriteAllText(utf16, csv, System.Text.Encoding.Unicode);
        var latin1 = _files.PathOf("latin1.csv");
        File.WriteAllBytes(latin1, System.Text.Encoding.Latin1.GetBytes(csv.Replace("u1", "l1")));
        using (var store = CallStore.Open(_db))
        {
            store.ImportFile(utf16);
            var refused = Assert.Throws<InputFormatException>(() => store.ImportFile(latin1));
            Assert.Equal(((long?)2, "caller_id_name"), (refused.Line, refused.Field));
        }
        Assert.Equal("Zoë", Sql.Scalar(_db, "SELECT caller_id_name FROM call_records WHERE call_id = 'u1'"));
        Assert.Equal(0L, Sql.Scalar(_db, "SELECT count(*) FROM call_records WHERE call_id = 'l1'"));
    }

    [Theory]
    [InlineData("2016-03-04T08:00:00Z")]
    [InlineData("2016-03-04T08:00:00.750Z")]
    [InlineData("2016-03-04T21:00:00+13:00")]
    [InlineData("2016-03-04T03:00:00-0500")]
    [InlineData("2016-03-04 08:00:00+00:00")]
    [InlineData("2016-03-04T21:00:00.0000000+13:00")] // Get-CallRecord's CallTimeIso (round-trip "o")
    public void Call_times_in_iso_8601_with_an_offset_are_read_to_the_second(string time)
    {
        Assert.Equal(CallTimeReading.Valid, CallTimes.Parse(System.Text.Encoding.UTF8.GetBytes(time), out var unix));
        Assert.Equal(Unix20160304T080000Z, unix);
    }

    [Theory]
    [InlineData("13/04/2016 08:00:00 +13:00", "2016-04-12T19:00:00Z")]   // en-GB, day above 12: one reading
    [InlineData("4/13/2016 8:00:00 AM +13:00", "2016-04-12T19:00:00Z")]  // en-US, day above 12
    [InlineData("13.04.2016 08:00:00 +13:00", "2016-04-12T19:00:00Z")]   // de-DE
    [InlineData("04/04/2016 08:00:00 +00:00", "2016-04-04T08:00:00Z")]   // day = month
    public void A_date_whose_day_and_month_read_one_way_only_is_read_invariantly(string time, string expected)
    {
        Assert.Equal(CallTimeReading.Valid, CallTimes.Parse(System.Text.Encoding.UTF8.GetBytes(time), out var unix));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).ToUnixTimeSeconds(), unix);
    }

    [Theory]
    [InlineData("03/04/2016 08:00:00 +13:00")] // en-GB's 3 April or en-US's 4 March?
    [InlineData("3/4/2016 8:00:00 AM +13:00")]
    [InlineData("03.04.2016 08:00:00 +13:00")]
    public void A_date_whose_day_and_month_could_be_swapped_is_ambiguous(string time) =>
        Assert.Equal(CallTimeReading.Ambiguous, CallTimes.Parse(System.Text.Encoding.UTF8.GetBytes(time), out _));

    [Fact]
    public void An_ambiguous_csv_date_is_refused_with_its_line_and_field()
    {
        var error = Rejected("gb.csv", "call_id,call_time\nok,2016-03-04T08:00:00Z\nx1,03/04/2016 08:00:00 +13:00\n");
        Assert.Equal(((long?)3, "call_time"), (error.Line, error.Field));
        Assert.Contains("swapped", error.Reason);
    }

    [Theory]
    [InlineData("2016-03-04T08:00:00")]      // no offset: which zone?
    [InlineData("2016-02-30T08:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("1457078400")]
    public void Call_times_without_an_offset_or_invalid_are_refused(string time) =>
        Assert.Equal(CallTimeReading.Invalid, CallTimes.Parse(System.Text.Encoding.UTF8.GetBytes(time), out _));

    [Fact]
    public void Call_time_wins_over_timestamp_when_a_record_has_both()
    {
        Import("both.jsonl", """{"call_id":"t","timestamp":1,"call_time":"2016-03-04T08:00:00Z"}""");
        Assert.Equal(Unix20160304T080000Z, Sql.Scalar(_db, "SELECT call_time FROM call_records"));
    }

    [Theory]
    [InlineData("\"billing_seconds\":0,\"hangup_cause\":\"NORMAL_CLEARING\"", 1)]
    [InlineData("\"billing_seconds\":\"12\",\"hangup_cause\":\"NORMAL_CLEARING\"", 0)]
    [InlineData("\"billing_seconds\":12,\"hangup_cause\":\"user_busy\"", 1)]
    [InlineData("\"billing_seconds\":12,\"hangup_cause\":\"ORIGINATOR_CANCEL\"", 1)]
    [InlineData("\"hangup_cause\":\"NORMAL_CLEARING\"", 1)]                       // no billing seconds: 0
    [InlineData("\"billing_seconds\":0,\"unanswered\":false", 0)]                 // given wins
    [InlineData("\"billing_seconds\":30,\"unanswered\":\"true\"", 1)]
    [InlineData("\"billing_seconds\":30,\"unanswered\":1", 1)]
    public void Unanswered_is_derived_only_when_absent(string fields, long expected)
    {
        Import("u.jsonl", $$"""{"call_id":"u","call_time":"2016-03-04T08:00:00Z",{{fields}}}""");
        Assert.Equal(expected, Sql.Scalar(_db, "SELECT unanswered FROM call_records"));
    }

    [Fact]
    public void Unknown_fields_nested_objects_and_escapes_are_handled()
    {
        Import("e.jsonl", """{"x":{"call_id":"inner","y":[{"z":"}"}]},"call_id":"esc\"aped\u00e9","call_time":"2016-03-04T08:00:00Z","caller_id_name":"O\u2019Brien"}""");
        Assert.Equal("O\u2019Brien", Sql.Scalar(_db, "SELECT caller_id_name FROM call_records WHERE call_id = 'esc\"apedé'"));
    }

    public static TheoryData<string, string, long, string?, string> BadFiles => new()
    {
        { "a.jsonl", "{\"call_id\":\"1\",\"call_time\":\"2016-03-04T08:00:00Z\"}\n{\"call_id\":\"2\",\"call_time\":\"2016-03-04\"}", 2, "call_time", "ISO 8601" },
        { "b.jsonl", "{\"call_id\":\"1\",\"call_time\":\"2016-03-04T08:00:00Z\"}\n\n{\"call_time\":\"2016-03-04T08:00:00Z\"}", 3, "call_id", "no call_id" },
        { "c.jsonl", "{\"call_id\":\"1\"}", 1, "call_time", "no time" },
        { "d.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600},\n {\"call_id\":\"2\",\n  \"timestamp\":63624297600,\n  \"duration_seconds\":\"ten\"}]", 4, "duration_seconds", "whole number" },
        { "e.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600,\"billing_seconds\":-4}]", 1, "billing_seconds", "0 or more" },
        { "f.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600,\"call_direction\":\"sideways\"}]", 1, "call_direction", "inbound or outbound" },
        { "g.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600,\"unanswered\":\"maybe\"}]", 1, "unanswered", "true or false" },
        { "h.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600,\"caller_id_number\":[\"+64\"]}]", 1, "caller_id_number", "a list" },
        { "i.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600}\n{\"call_id\":\"2\"}]", 2, null, "expected ',' or ']'" },
        { "j.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600},\n{\"call_id\":\"2\",", 2, null, "truncated" },
        { "k.json", "[{\"call_id\":\"1\",\"timestamp\":63624297600}", 1, null, "closing ']'" },
        { "l.jsonl", "{\"call_id\":\"1\",\"timestamp\":63624297600}\n{\"call_id\":\"2\",\"timestamp\":63624297600,}", 2, null, "not valid JSON" },
        { "m.jsonl", "{\"call_id\":\"1\",\"timestamp\":63624297600}\nnot json", 2, null, "one per line" },
        { "n.csv", "call_id,call_time,duration_seconds\n1,2016-03-04T08:00:00Z,5\n2,2016-03-04T08:00:00Z,five", 3, "duration_seconds", "whole number" },
        { "o.csv", "call_id,call_time\n1,2016-03-04T08:00:00Z\n2,2016-03-04T08:00:00Z,extra", 3, null, "2 columns" },
        { "p.csv", "id,time\n1,2\n", 1, null, "must name call_id" },
        { "q.csv", "zone_id,country,region,prefix\n1,New Zealand,New Zealand Auckland,649\n", 1, null, "Import-CallZone" },
        { "r.csv", "call_id,call_time\n1,\"2016-03-04T08:00:00Z\n", 2, null, "malformed" },
        { "s.db", "SQLite format 3\0 and the rest", 1, null, "SQLite database" },
        { "t.json", "{\"metadata\":{\"start_at\":\"x\"},\n \"activities_data\":[]}", 1, null, "Import-TicketActivity" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_record_fails_its_file_naming_the_line_and_field(string name, string content, long line, string? field, string reason)
    {
        var exception = Rejected(name, content);
        Assert.Equal(line, exception.Line);
        Assert.Equal(field, exception.Field);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused() => Assert.Contains("empty", Rejected("empty.json", "").Reason, StringComparison.Ordinal);

    [Fact]
    public void A_bad_file_leaves_the_store_as_it_was_for_the_next_file()
    {
        Import("good.jsonl", """{"call_id":"g","call_time":"2016-03-04T08:00:00Z"}""");
        Assert.Throws<InputFormatException>(() => Import("bad.jsonl", "{\"call_id\":\"x\",\"call_time\":\"2016-03-04T08:00:00Z\"}\n{\"call_id\":\"y\"}"));
        Assert.Equal(1L, Import("next.jsonl", """{"call_id":"n","call_time":"2016-03-04T08:00:00Z"}""").Inserted);
        Assert.Equal(2L, Sql.Count(_db, "call_records"));
        Assert.Equal(2L, Sql.Count(_db, "call_imports"));
    }

    [Fact]
    public void Reimporting_a_file_adds_nothing_whatever_its_format()
    {
        var calls = new CallRecordGenerator(3, callsPerDay: 5000, customers: 100).Calls(500).ToList();
        var json = _files.PathOf("g.jsonl");
        var csv = _files.PathOf("g.csv");
        foreach (var (path, format) in new[] { (json, CallFileFormat.JsonLines), (csv, CallFileFormat.Csv) })
        {
            using var writer = CallRecordWriter.Create(path, format);
            foreach (var call in calls) writer.Write(call);
            writer.Complete();
        }
        using var store = CallStore.Open(_db);
        Assert.Equal(500L, store.ImportFile(json).Inserted);
        var again = store.ImportFile(csv);
        Assert.Equal((500L, 0L, 500L), (again.Records, again.Inserted, again.Duplicates));
        Assert.Equal(500L, store.ImportFile(json).Duplicates);
        Assert.Equal(500L, Sql.Count(_db, "call_records"));
    }

    [Fact]
    public void A_file_larger_than_the_buffers_streams_through_in_time_order()
    {
        var path = _files.PathOf("big.jsonl");
        using (var writer = CallRecordWriter.Create(path, CallFileFormat.JsonArray))
        {
            foreach (var call in new CallRecordGenerator(5).Calls(20_000)) writer.Write(call);
            writer.Complete();
        }
        using var store = CallStore.Open(_db);
        var reports = new RecordingReporter();
        Assert.Equal(20_000L, store.ImportFile(path, reports).Inserted);
        Assert.Contains(reports.ProgressReports, p => p.Completed == new FileInfo(path).Length);
        // Rows were written in time order: walking the time index meets the rowids one after another, but where a second's
        // calls straddle two chunks (two boundaries here, a few calls a second).
        Assert.InRange((long)Sql.Scalar(_db, "SELECT count(*) FROM (SELECT rowid - lag(rowid) OVER (ORDER BY call_time, call_key) AS step FROM call_records) WHERE step <> 1")!, 0, 20);
    }
}
