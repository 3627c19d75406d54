using System.Text.Json;
using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>One Kazoo CDR object to a <see cref="CallRecord"/>: raw documents and listing rows under one rule (see <see cref="KazooShapes"/>).</summary>
public sealed class KazooCdrDocumentTests
{
    private static CallRecord Convert(string json)
    {
        using var document = JsonDocument.Parse(json);
        return KazooCdrDocument.ToCallRecord(document.RootElement);
    }

    private static CallFieldException Refused(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return Assert.Throws<CallFieldException>(() => KazooCdrDocument.ToCallRecord(root));
    }

    [Fact]
    public void A_raw_document_starts_at_its_timestamp_less_its_duration()
    {
        var leg = Convert(KazooShapes.RawALeg);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(KazooShapes.StartUnix), leg.CallTime);
        Assert.Equal(("a-leg-1", "inbound", 65L, 60L, 5L), (leg.CallId, leg.CallDirection, leg.DurationSeconds, leg.BillingSeconds, leg.RingingSeconds));
        Assert.Equal(("+6434181234", "Ann Smith", "+6493001000", "NORMAL_CLEARING", false),
            (leg.CallerIdNumber, leg.CallerIdName, leg.CalleeIdNumber, leg.HangupCause, leg.Unanswered));
        Assert.Equal(KazooShapes.Interaction, leg.InteractionId);
        Assert.Null(leg.CallerZoneId);
    }

    [Fact]
    public void A_listing_row_gives_the_same_leg_as_the_raw_document()
    {
        var raw = Convert(KazooShapes.RawALeg);
        var listed = Convert(KazooShapes.ListingALeg);
        Assert.Equal(raw.CallTime, listed.CallTime);
        Assert.Equal((raw.CallId, raw.CallDirection, raw.DurationSeconds, raw.BillingSeconds, raw.CallerIdNumber, raw.CalleeIdNumber, raw.InteractionId),
            (listed.CallId, listed.CallDirection, listed.DurationSeconds, listed.BillingSeconds, listed.CallerIdNumber, listed.CalleeIdNumber, listed.InteractionId));
    }

    [Theory]
    [InlineData("""{"call_id":"l1","timestamp":63624297600,"duration_seconds":"65","direction":"inbound"}""")]
    [InlineData("""{"call_id":"l1","unix_timestamp":"1457078400","duration_seconds":"65"}""")]
    [InlineData("""{"call_id":"l1","datetime":"2016-03-04 08:00:00","duration_seconds":"65"}""")]
    [InlineData("""{"call_id":"l1","datetime":"2016-03-04_08-00-00","duration_seconds":"65"}""")]
    [InlineData("""{"call_id":"l1","timestamp":63624297665,"duration_seconds":"65","call_direction":"inbound"}""")]
    [InlineData("""{"call_id":"l1","call_time":"2016-03-04T21:00:00+13:00","timestamp":1,"duration_seconds":"65"}""")]
    public void Every_time_field_gives_the_start(string json) =>
        Assert.Equal(KazooShapes.StartUnix, Convert(json).CallTime.ToUnixTimeSeconds());

    [Fact]
    public void The_listing_names_fill_in_for_the_documents()
    {
        var leg = Convert("""{"call_id":"l2","unix_timestamp":1457078400,"direction":"OUTBOUND","dialed_number":"+61290001234","calling_from":"+6493001000","rate":"0.02"}""");
        Assert.Equal(("outbound", "+6493001000", "+61290001234"), (leg.CallDirection, leg.CallerIdNumber, leg.CalleeIdNumber));
    }

    [Theory]
    [InlineData("0", "timestamp")]
    [InlineData("-1", "timestamp")]
    [InlineData("1457078400", "timestamp")] // a Unix time given as Gregorian seconds: the year 46, refused
    [InlineData("-9223372036854775808", "timestamp")]
    [InlineData("9223372036854775807", "timestamp")]
    [InlineData("9223372036854775808", "timestamp")]
    public void A_timestamp_outside_the_calendar_is_refused_naming_the_field(string timestamp, string field)
    {
        var exception = Refused($$"""{"call_id":"t1","timestamp":{{timestamp}},"duration_seconds":"5"}""");
        Assert.Equal(CallField.Timestamp, exception.Field);
        Assert.StartsWith(field + ":", exception.Message);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    public void A_call_time_at_the_calendars_ends_is_refused(string time) =>
        Assert.Equal(CallField.CallTime, Refused($$"""{"call_id":"t1","call_time":"{{time}}"}""").Field);

    [Fact]
    public void A_lone_surrogate_escape_is_refused_naming_the_field()
    {
        var exception = Refused("""{"call_id":"s1","timestamp":63624297665,"caller_id_name":"Ann \ud83d"}""");
        Assert.Equal(CallField.CallerIdName, exception.Field);
        Assert.Contains("surrogate", exception.Message);
    }

    [Fact]
    public void A_b_leg_links_to_its_a_leg_without_an_interaction_id()
    {
        var b = Convert("""{"call_id":"b9","call_direction":"outbound","other_leg_call_id":"a9","timestamp":63624297665}""");
        var a = Convert("""{"call_id":"a9","call_direction":"inbound","other_leg_call_id":"b9","timestamp":63624297665}""");
        var bridged = Convert("""{"call_id":"b8","call_direction":"outbound","custom_channel_vars":{"bridge_id":"a8"},"timestamp":63624297665}""");
        var alone = Convert("""{"call_id":"c9","call_direction":"inbound","timestamp":63624297665}""");
        Assert.Equal(("a9", "a9", "a8", null), (b.InteractionId, a.InteractionId, bridged.InteractionId, alone.InteractionId));
    }

    [Fact]
    public void A_record_without_a_call_id_is_refused_naming_it() =>
        Assert.Equal(CallField.CallId, Refused("""{"timestamp":63624297665}""").Field);
}
