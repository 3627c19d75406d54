using SupportTools.Tickets;

namespace SupportTools.Tests;

public class FreshdeskTimeTests
{
    [Theory]
    [InlineData("21-04-2017 09:33:38 +0000", 2017, 4, 21, 9, 33, 38, 0)]
    [InlineData("01-01-2020 00:00:00 +0530", 2020, 1, 1, 0, 0, 0, 330)]
    [InlineData("29-02-2024 23:59:59 -0800", 2024, 2, 29, 23, 59, 59, -480)]
    public void Parses_and_formats_the_export_format(string text, int y, int mo, int d, int h, int mi, int s, int offsetMinutes)
    {
        Assert.True(FreshdeskTime.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromMinutes(offsetMinutes)), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
        Assert.Equal(text, FreshdeskTime.ToString(value));
    }

    [Theory]
    [InlineData("2017-04-21 09:33:38 +0000")]
    [InlineData("21/04/2017 09:33:38 +0000")]
    [InlineData("31-04-2017 09:33:38 +0000")]
    [InlineData("21-04-2017 24:00:00 +0000")]
    [InlineData("21-04-2017 09:33:38")]
    [InlineData("")]
    public void Rejects_other_formats_and_impossible_dates(string text) =>
        Assert.False(FreshdeskTime.TryParse(text, out _));
}

public class ActivityBodyTests
{
    [Theory]
    [InlineData("{\"status\":", "activity")]
    [InlineData("", "activity")]
    [InlineData("[1,2]", "activity")]
    [InlineData("{\"status\":5}", "activity.status")]
    [InlineData("{\"note\":{\"id\":\"x\",\"type\":0}}", "activity.note.id")]
    [InlineData("{\"requester\":true}", "activity.requester")]
    [InlineData("{\"status\":\"Open\"} {}", "activity")]
    public void Bad_activity_json_is_an_input_error_naming_the_field(string json, string field)
    {
        var error = Assert.Throws<InputFormatException>(() => new SupportTools.Tickets.ActivityBodyReader().Read(json));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Facts_and_compact_json_come_out_of_one_pass()
    {
        var reader = new SupportTools.Tickets.ActivityBodyReader();
        var facts = reader.Read("""{ "status" : "waiting FOR customer", "requester_id": "42", "note": {"id": 7, "type": 3}, "Custom Field": "é", "x": [1, {"y": null}] }""");
        Assert.Equal("Waiting on Customer", facts.Status);
        Assert.Equal(42, facts.RequesterId);
        Assert.Equal((7L, 3), (facts.NoteId!.Value, facts.NoteType!.Value));
        Assert.Equal("status,requester_id,note,Custom Field,x", facts.Changes);
        Assert.False(facts.IsAutomation);
        Assert.Equal("""{"status":"waiting FOR customer","requester_id":"42","note":{"id":7,"type":3},"Custom Field":"é","x":[1,{"y":null}]}""",
            System.Text.Encoding.UTF8.GetString(reader.Json));
        var values = reader.Values.ToArray().Select(v => (v.Key, System.Text.Encoding.UTF8.GetString(reader.Json.Slice(v.Start, v.Length)))).ToList();
        Assert.Equal(("x", "[1,{\"y\":null}]"), values[^1]);
        Assert.Equal(("note", "{\"id\":7,\"type\":3}"), values[2]);
    }
}

public class ActivityKeyTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static long Key(long ticket = 1, DateTimeOffset? at = null, string type = "user", long? performer = 5, string json = "{\"status\":\"Open\"}") =>
        new SupportTools.Tickets.ActivityKey().Compute(ticket, at ?? At, type, performer, System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Equal_rows_share_a_key_and_every_field_changes_it()
    {
        var key = Key();
        Assert.Equal(key, Key());
        Assert.Equal(5, new[]
        {
            Key(ticket: 2), Key(at: At.AddSeconds(1)), Key(type: "system"), Key(performer: null), Key(json: "{\"status\":\"Pending\"}"),
        }.Where(k => k != key).Distinct().Count());
        // Same instant, other offset: one moment written in another zone, so the same activity.
        Assert.Equal(key, Key(at: At.ToOffset(TimeSpan.FromHours(2))));
    }
}
