using SupportTools.Calls;
using SupportTools.Tests.Storage;

namespace SupportTools.Tests.Calls;

/// <summary>Kazoo's own export shapes as files (see <see cref="KazooShapes"/>): one leg, one time, whatever the shape.</summary>
public sealed class KazooShapeImportTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _db;

    public KazooShapeImportTests() => _db = _files.PathOf("calls.db");

    public void Dispose() => _files.Dispose();

    private CallImportSummary Import(string name, string content)
    {
        using var store = CallStore.Open(_db);
        return store.ImportFile(_files.Write(name, content));
    }

    private InputFormatException Rejected(string name, string content) => Assert.Throws<InputFormatException>(() => Import(name, content));

    private static string Listing(string leg) => leg.Replace("\r", "").Replace("\n", "");

    [Fact]
    public void The_same_leg_as_a_raw_document_a_listing_response_and_the_listing_csv_is_one_leg_at_one_time()
    {
        Assert.Equal(1L, Import("raw.jsonl", Listing(KazooShapes.RawALeg) + "\n").Inserted);
        var response = Import("response.json", KazooShapes.Response(KazooShapes.ListingALeg));
        var csv = Import("listing.csv", KazooShapes.ListingCsv);
        Assert.Equal((1L, 0L, 1L), (response.Records, response.Inserted, response.Duplicates)); // idempotent across shapes: same id, same start
        Assert.Equal((1L, 0L, 1L), (csv.Records, csv.Inserted, csv.Duplicates));
        Assert.Equal(KazooShapes.StartUnix, Sql.Scalar(_db, "SELECT call_time FROM call_records"));
        Assert.Equal("inbound|65|60|" + KazooShapes.Interaction, Sql.Scalar(_db, "SELECT call_direction || '|' || duration_seconds || '|' || billing_seconds || '|' || interaction_id FROM call_records"));
    }

    [Fact]
    public void A_saved_crossbar_response_imports_its_data_array_whatever_the_order_of_its_members()
    {
        var b = Listing(KazooShapes.RawBLeg);
        var first = Import("page1.json", KazooShapes.Response(KazooShapes.ListingALeg, b));
        Assert.Equal((2L, 2L), (first.Records, first.Inserted));
        var dataFirst = Import("page2.json", $$$"""{"data":[{{{KazooShapes.ListingALeg.Replace("a-leg-1", "a-leg-2")}}}],"next_start_key":63624211200,"page_size":1,"metadata":{"nested":{"x":"}"}},"status":"success"}""");
        Assert.Equal(1L, dataFirst.Inserted);
    }

    [Fact]
    public void A_grouped_response_imports_each_groups_legs()
    {
        var grouped = $$"""{"page_size":2,"data":[[{{KazooShapes.RawALeg}},{{KazooShapes.RawBLeg}}],[{{KazooShapes.RawALeg.Replace("a-leg-1", "a-leg-3").Replace("b-leg-1", "b-leg-3")}}]],"status":"success"}""";
        var summary = Import("grouped.json", grouped);
        Assert.Equal((3L, 3L), (summary.Records, summary.Inserted));
    }

    [Fact]
    public void A_response_whose_data_holds_the_legs_by_interaction_imports_them()
    {
        var a3 = KazooShapes.RawALeg.Replace("a-leg-1", "a-leg-3").Replace("b-leg-1", "b-leg-3");
        var byInteraction = $$"""{"page_size":2,"data":{"{{KazooShapes.Interaction}}":[{{KazooShapes.RawALeg}},{{KazooShapes.RawBLeg}}], "63624297700-00000003" : [{{a3}}]},"status":"success"}""";
        var summary = Import("by-interaction.json", byInteraction);
        Assert.Equal((3L, 3L), (summary.Records, summary.Inserted));
        var error = Rejected("bad-group.json", """{"data":{"i1":[],"i2":"not legs"},"status":"success"}""");
        Assert.Contains("group of legs", error.Reason);
    }

    [Fact]
    public void A_response_with_one_cdr_as_its_data_imports_it()
    {
        var summary = Import("one.json", $$"""{"data":{{KazooShapes.RawALeg}},"revision":"1-abc","request_id":"r","status":"success"}""");
        Assert.Equal(1L, summary.Inserted);
    }

    [Fact]
    public void A_wrapper_that_holds_no_cdrs_says_what_it_found()
    {
        var error = Rejected("error.json", """{"auth_token":"","data":{"message":"invalid credentials"},"error":"401","message":"invalid_credentials","status":"error"}""");
        Assert.Equal(1L, error.Line);
        Assert.Contains("auth_token, data", error.Reason, StringComparison.Ordinal);
        error = Rejected("error2.json", """{"status":"error","error":"500","message":"datastore_fault"}""");
        Assert.Contains("status, error, message", error.Reason, StringComparison.Ordinal);
        Assert.Contains("'datastore_fault'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_response_is_refused()
    {
        var error = Rejected("cut.json", KazooShapes.Response(KazooShapes.ListingALeg)[..^40]);
        Assert.Contains("truncated", error.Reason);
    }

    [Fact]
    public void Direction_is_read_under_either_name_and_a_file_without_any_is_flagged()
    {
        var listing = Import("listing.json", KazooShapes.Response(KazooShapes.ListingALeg));
        Assert.Equal((1L, false), (listing.WithDirection, listing.LacksDirection));
        var none = Import("none.jsonl", """{"call_id":"n1","timestamp":63624297665,"duration_seconds":"5"}""" + "\n");
        Assert.True(none.LacksDirection);
    }

    [Fact]
    public void A_gregorian_timestamp_below_1970_is_refused_naming_the_field_and_the_next_file_still_imports()
    {
        using var store = CallStore.Open(_db);
        foreach (var bad in new[] { "0", "-1", "1457078400", "-9223372036854775808", "9223372036854775807" })
        {
            var error = Assert.Throws<InputFormatException>(() =>
                store.ImportFile(_files.Write($"bad{bad}.jsonl", $$"""{"call_id":"ok","timestamp":63624297665}""" + "\n" + $$"""{"call_id":"t","timestamp":{{bad}}}""" + "\n")));
            Assert.Equal(((long?)2, "timestamp"), (error.Line, error.Field));
        }
        Assert.Equal(1L, store.ImportFile(_files.Write("good.jsonl", """{"call_id":"ok","timestamp":63624297665}""" + "\n")).Inserted);
    }

    [Fact]
    public void A_lone_surrogate_or_invalid_utf8_in_a_json_string_is_a_located_error_and_the_next_file_imports()
    {
        using var store = CallStore.Open(_db);
        var surrogate = Assert.Throws<InputFormatException>(() => store.ImportFile(_files.Write("surrogate.jsonl",
            "{\"call_id\":\"a\",\"timestamp\":63624297665}\n{\"call_id\":\"b\",\"timestamp\":63624297665,\n \"caller_id_name\":\"Ann \\ud83d\"}\n")));
        Assert.Equal(((long?)3, "caller_id_name", (long?)2), (surrogate.Line, surrogate.Field, surrogate.Record));
        var path = _files.PathOf("latin1.jsonl");
        File.WriteAllBytes(path, [.. "{\"call_id\":\"c\",\"timestamp\":63624297665,\"caller_id_name\":\"Zo"u8, 0xEB, .. "\"}\n"u8]);
        var invalid = Assert.Throws<InputFormatException>(() => store.ImportFile(path));
        Assert.Equal(((long?)1, "caller_id_name"), (invalid.Line, invalid.Field));
        Assert.Equal(1L, store.ImportFile(_files.Write("next.jsonl", "{\"call_id\":\"d\",\"timestamp\":63624297665}\n")).Inserted);
        Assert.Equal(1L, Sql.Count(_db, "call_records"));
    }

    [Fact]
    public void A_call_time_at_the_calendars_ends_is_refused_at_import()
    {
        foreach (var time in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59-14:00" })
        {
            var error = Rejected("ends.csv", $"call_id,call_time\nx,{time}\n");
            Assert.Equal(((long?)2, "call_time"), (error.Line, error.Field));
        }
    }
}
