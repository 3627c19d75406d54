using System.Text.Json;
using SupportTools.Desk;

namespace SupportTools.Tests.Desk;

/// <summary>
/// One custom field value normalised by its field's type (Desk API v2: a custom field's <c>data.type</c> is string,
/// list, integer, boolean or date; the value shapes are those seen in recorded cases of two eras: <c>false</c> and
/// <c>"0"</c>, <c>40</c> and <c>"40"</c>, empty text for "not set").
/// </summary>
public class DeskCustomFieldValueTests
{
    private static object? Normalize(string json, DeskCustomFieldType type)
    {
        using var document = JsonDocument.Parse(json);
        return DeskCustomFieldValue.Normalize(document.RootElement, type);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("\"True\"", true)]
    [InlineData("\"no\"", false)]
    public void A_boolean_field_is_a_bool_however_it_was_sent(string json, bool expected) =>
        Assert.Equal(expected, Normalize(json, DeskCustomFieldType.Boolean));

    [Theory]
    [InlineData("40", 40L)]
    [InlineData("\"40\"", 40L)]
    [InlineData("40.0", 40L)]
    [InlineData("\" -7 \"", -7L)]
    public void An_integer_field_is_a_long_however_it_was_sent(string json, long expected) =>
        Assert.Equal(expected, Normalize(json, DeskCustomFieldType.Integer));

    [Theory]
    [InlineData("null", "Boolean")]
    [InlineData("\"\"", "Boolean")]
    [InlineData("\"\"", "Integer")]
    [InlineData("\"\"", "Text")]
    [InlineData("\"\"", "Date")]
    public void Null_and_empty_text_are_null_for_a_known_field(string json, string type) =>
        Assert.Null(Normalize(json, Enum.Parse<DeskCustomFieldType>(type)));

    [Fact]
    public void Text_and_list_fields_are_text_a_date_field_a_time_and_an_unreadable_or_unknown_value_stays_as_sent()
    {
        Assert.Equal("40", Normalize("40", DeskCustomFieldType.Text));
        Assert.Equal("false", Normalize("false", DeskCustomFieldType.List));
        Assert.Equal("gold", Normalize("\"gold\"", DeskCustomFieldType.List));
        Assert.Equal(new DateTimeOffset(2013, 5, 9, 17, 2, 16, TimeSpan.Zero), Normalize("\"2013-05-09T17:02:16Z\"", DeskCustomFieldType.Date));
        Assert.Equal("maybe", Normalize("\"maybe\"", DeskCustomFieldType.Boolean));
        Assert.Equal("12 seats", Normalize("\"12 seats\"", DeskCustomFieldType.Integer));
        Assert.Equal("", Normalize("\"\"", DeskCustomFieldType.Unknown));
        Assert.Equal(40L, Normalize("40", DeskCustomFieldType.Unknown));
        Assert.Equal(2.5, Normalize("2.5", DeskCustomFieldType.Unknown));
        Assert.Equal("[1,2]", Normalize("[1,2]", DeskCustomFieldType.Unknown));
    }
}
