using System.Text;
using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>
/// What the export reader accepts (BOM, unknown keys of any size at any buffer boundary) and how it refuses the rest:
/// always an <see cref="InputFormatException"/> naming the file, line, byte and field, never a framework exception.
/// </summary>
public sealed class ExportFileInputTests : IDisposable
{
    private const string Metadata = "\"metadata\":{\"start_at\":\"20-04-2017 10:00:00 +0000\",\"end_at\":\"21-04-2017 09:59:59 +0000\"}";
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Row(long ticket, string activity = """{"status":"Open"}""", string at = "21-04-2017 09:00:00 +0000", string extra = "") =>
        $$"""{"performed_at":"{{at}}","ticket_id":{{ticket}},"performer_type":"user","performer_id":7{{extra}},"activity":{{activity}}}""";

    private static string Export(params string[] rows) => "{" + Metadata + ",\"activities_data\":[\n" + string.Join(",\n", rows) + "\n]}";

    private string WriteBytes(byte[] content)
    {
        var path = _files.PathOf(Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string content) => WriteBytes(Encoding.UTF8.GetBytes(content));

    private static List<TicketActivity> ReadAll(string path)
    {
        using var reader = new TicketActivityFileReader(path);
        var activities = new List<TicketActivity>();
        while (reader.Read()) activities.Add(reader.ToActivity());
        return activities;
    }

    private static InputFormatException Refused(string path)
    {
        var error = Assert.Throws<InputFormatException>(() => ReadAll(path));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path, error.Message);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.BytePosition);
        return error;
    }

    [Theory]
    [InlineData("{}", "empty")]
    [InlineData("""{"name":"left-pad","version":"1.3.0","dependencies":{"a":"^1"}}""", "\"name\", \"version\", \"dependencies\"")]
    [InlineData("{" + Metadata + "}", "metadata but no activities_data")]
    public void A_JSON_object_that_is_not_an_export_is_refused_saying_what_is_missing(string content, string said)
    {
        var error = Refused(Write(content));
        Assert.Contains("activities_data", error.Reason);
        Assert.Contains(said, error.Reason);
        Assert.Equal("activities_data", error.Field);
    }

    [Theory]
    [InlineData("[1,2]", "a list")]
    [InlineData("\"x\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Top_level_values_other_than_an_object_say_what_was_found(string content, string found)
    {
        var error = Refused(Write(content));
        Assert.Contains("found " + found, error.Reason);
        Assert.Equal((1L, 1L), (error.Line!.Value, error.BytePosition!.Value));
    }

    [Theory]
    [InlineData("\"text\"", "a string \"text\"")]
    [InlineData("[1]", "a list (JSON array)")]
    [InlineData("7", "the number 7")]
    [InlineData("null", "null")]
    public void A_row_that_is_not_an_object_says_what_was_found(string row, string found)
    {
        var error = Refused(Write(Export(Row(1), row)));
        Assert.Equal($"activity 2 is not a JSON object, found {found}", error.Reason);
        Assert.Equal((2L, 3L), (error.Record!.Value, error.Line!.Value));
    }

    [Fact]
    public void A_UTF8_BOM_is_accepted_and_positions_count_from_after_it()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        var good = bom.Concat(Encoding.UTF8.GetBytes(Export(Row(1), Row(2)))).ToArray();
        Assert.Equal([1L, 2L], ReadAll(WriteBytes(good)).Select(a => a.TicketId));

        var bad = "{\"metadata\":{\"start_at\":\"x\"},\"activities_data\":[]}";
        var withBom = Refused(WriteBytes(bom.Concat(Encoding.UTF8.GetBytes(bad)).ToArray()));
        var without = Refused(Write(bad));
        Assert.Equal((without.Line, without.BytePosition), (withBom.Line, withBom.BytePosition));
    }

    [Fact]
    public void Invalid_UTF8_anywhere_is_located_with_its_field()
    {
        // Line 3 holds row 2; 0xFF sits inside the value of activity.Custom.
        var text = Export(Row(1), Row(2, """{"Custom":"abcXdef"}"""));
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xFF;
        var error = Refused(WriteBytes(bytes));
        Assert.Contains("UTF-8", error.Reason);
        Assert.Equal(3, error.Line);
        Assert.Equal(at - text.LastIndexOf('\n', at), error.BytePosition);
        Assert.Equal("activity.Custom", error.Field);
        Assert.Equal(2, error.Record);

        // In an ignored row-level key, in metadata, and a character cut short at the end of the file.
        var unknown = Encoding.UTF8.GetBytes(Export(Row(1, extra: ",\"note_x\":{\"deep\":\"Y\"}")));
        unknown[Array.IndexOf(unknown, (byte)'Y')] = 0xC3; // a lead byte followed by '"': not a character
        Assert.Equal("note_x.deep", Refused(WriteBytes(unknown)).Field);
        var meta = Encoding.UTF8.GetBytes(Export(Row(1)).Replace("\"end_at\"", "\"vendor\":\"Z\",\"end_at\""));
        meta[Array.IndexOf(meta, (byte)'Z')] = 0x80;
        var metaError = Refused(WriteBytes(meta));
        Assert.Equal(("metadata.vendor", "metadata"), (metaError.Field, metaError.Section));
        Assert.Contains("UTF-8", Refused(WriteBytes([.. Encoding.UTF8.GetBytes(Export(Row(1))), 0xE2, 0x82])).Reason);
    }

    [Theory]
    [InlineData("""{"Custom":"a\ud800b"}""", "activity.Custom")]
    [InlineData("""{"x":["\udc00"]}""", "activity.x")]
    [InlineData("""{"k\ud800":1}""", "activity")]
    public void A_lone_surrogate_escape_is_located(string activity, string field)
    {
        var error = Refused(Write(Export(Row(1), Row(2, activity))));
        Assert.Contains("surrogate", error.Reason);
        Assert.Equal(field, error.Field);
        Assert.Equal((3L, 2L), (error.Line!.Value, error.Record!.Value));
        var line = Export(Row(1), Row(2, activity)).Split('\n')[2];
        Assert.Equal(line.IndexOf("\\u", StringComparison.Ordinal) + 1, error.BytePosition);
    }

    [Fact]
    public void Lone_surrogates_in_ignored_keys_are_refused_and_pairs_are_accepted()
    {
        Assert.Equal("extra", Refused(Write(Export(Row(1, extra: ",\"extra\":\"\\udbff\"")))).Field);
        var emoji = ReadAll(Write(Export(Row(1, """{"Custom":"\ud83d\ude00 ok"}""", extra: ",\"extra\":\"\\ud83d\\ude00\""))));
        using var json = System.Text.Json.JsonDocument.Parse(Assert.Single(emoji).Activity);
        Assert.Equal("😀 ok", json.RootElement.GetProperty("Custom").GetString());
    }

    [Theory]
    [InlineData("21-04-2017 09:00:00 +1430", "14:00")]
    [InlineData("21-04-2017 09:00:00 -1500", "14:00")]
    [InlineData("01-01-0001 00:00:00 +0100", "range")]
    [InlineData("31-12-9999 23:30:00 -0100", "range")]
    public void Offsets_beyond_14_hours_and_unrepresentable_times_are_located(string time, string said)
    {
        var error = Refused(Write(Export(Row(1), Row(2, at: time))));
        Assert.Contains(said, error.Reason);
        Assert.Contains(time, error.Reason);
        Assert.Equal(("performed_at", 3L, 2L, 17L), (error.Field, error.Line!.Value, error.Record!.Value, error.BytePosition!.Value));

        var meta = Refused(Write(Export(Row(1)).Replace("20-04-2017 10:00:00 +0000", time)));
        Assert.Equal(("metadata.start_at", "metadata", (long?)null), (meta.Field, meta.Section, meta.Record));
        Assert.Contains("in metadata", meta.Message);
        Assert.DoesNotContain("record", meta.Message);
    }

    [Fact]
    public void Extreme_but_valid_times_are_read()
    {
        var activities = ReadAll(Write(Export(Row(1, at: "21-04-2017 09:00:00 +1400"), Row(2, at: "01-01-0001 00:00:00 -0100"),
            Row(3, at: "21-04-2017 09:00:00 \\u002B0530"))));
        Assert.Equal(TimeSpan.FromHours(14), activities[0].PerformedAt.Offset);
        Assert.Equal(new DateTime(1, 1, 1, 1, 0, 0), activities[1].PerformedAt.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(5.5), activities[2].PerformedAt.Offset); // written with an escape
    }

    [Fact]
    public void Trailing_data_is_named_as_such_not_as_truncation()
    {
        var export = Export(Row(1));
        var error = Refused(Write(export + "\n\n  {\"more\":1}"));
        Assert.Contains("unexpected data after the end of the export", error.Reason);
        Assert.Contains("{\"more\":1}", error.Reason);
        Assert.Contains($"line {export.Count(c => c == '\n') + 1}", error.Reason); // where the export's closing brace is
        Assert.DoesNotContain("truncated", error.Reason);
        Assert.Equal((export.Count(c => c == '\n') + 3L, 3L), (error.Line!.Value, error.BytePosition!.Value));
        Assert.Single(ReadAll(Write(export + "\r\n \t\n"))); // whitespace is fine
        Assert.Contains("truncated", Refused(Write(export[..^3])).Reason);
    }

    [Fact]
    public void A_huge_value_is_quoted_short_with_its_length()
    {
        var huge = new string('9', 10 * 1024 * 1024);
        var error = Refused(Write(Export(Row(1).Replace("\"ticket_id\":1", $"\"ticket_id\":\"{huge}\""))));
        Assert.True(error.Message.Length < 400, $"message of {error.Message.Length} characters");
        Assert.Contains("…", error.Reason);
        Assert.Contains("10,485,760 characters", error.Reason);
        Assert.Equal("ticket_id", error.Field);
    }

    /// <summary>Every kind of ignored value: nested objects and lists, escapes, long strings.</summary>
    private static string Extra(int i) =>
        $$""","x_trace":{"id":{{i}},"tags":["a","b",{"deep":[1,2.5e3,null,true]}],"blob":"{{new string('q', i % 300)}}\"\u00e9"}""";

    [Fact]
    public void Unknown_keys_in_every_row_and_in_metadata_are_ignored_in_a_multi_megabyte_file()
    {
        const int rows = 20_000;
        var export = Export(Enumerable.Range(1, rows).Select(i => Row(i, $$$"""{"note":{"id":{{{i}}},"type":0}}""", extra: Extra(i))).ToArray())
            .Replace("\"end_at\"", "\"exporter\":{\"name\":\"third-party\",\"opts\":[1,{\"a\":\"" + new string('m', 100_000) + "\"}]},\"end_at\"");
        var path = Write(export);
        Assert.True(new FileInfo(path).Length > 4_000_000);
        var activities = ReadAll(path);
        Assert.Equal(rows, activities.Count);
        Assert.Equal(Enumerable.Range(1, rows).Select(i => (long)i), activities.Select(a => a.TicketId));
        Assert.All(activities, a => Assert.Equal($$$"""{"note":{"id":{{{a.TicketId}}},"type":0}}""", a.Activity));
        using var store = TicketStore.Open(_files.PathOf("store.db"));
        Assert.Equal(rows, store.ImportFile(path).Inserted);
    }

    [Fact]
    public void Any_token_of_an_ignored_value_may_straddle_the_read_buffer_boundary()
    {
        // Shifting the padding by one byte at a time puts each byte of the ignored value on the 64 KiB boundary in turn.
        var tail = Row(2, extra: Extra(7)) + ",\n" + Row(3, """{"status":"Pending"}""");
        for (var shift = 0; shift < 160; shift++)
        {
            var head = Export(Row(1, $$"""{"Filler":"{{new string('f', 65_300 + shift)}}"}"""), tail);
            var activities = ReadAll(Write(head));
            Assert.Equal([1L, 2L, 3L], activities.Select(a => a.TicketId));
        }
    }

    [Fact]
    public void Every_damaged_byte_or_truncation_is_an_input_error_never_a_framework_exception()
    {
        var export = Export(Row(1, """{"note":{"id":5,"type":4},"Custom":"é\n","tags":["a"]}""", extra: Extra(3)), Row(2));
        var bytes = Encoding.UTF8.GetBytes(export);
        var damages = new byte[] { (byte)'"', (byte)'{', (byte)']', (byte)'\\', (byte)'1', 0xFF, 0xC3 };
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var damage in damages)
            {
                var copy = (byte[])bytes.Clone();
                copy[i] = damage;
                Check(copy);
            }
            Check(bytes[..i]);
        }

        static void Check(byte[] content)
        {
            // In memory: thousands of variants, and the stream is what the reader reads from a file too.
            try
            {
                using var reader = new TicketActivityFileReader(new MemoryStream(content), "damaged.json");
                while (reader.Read()) { }
            }
            catch (InputFormatException error)
            {
                Assert.Equal("damaged.json", error.Path);
                Assert.True(error.Line is not null || error.Field is not null, error.Message);
            }
        }
    }
}
