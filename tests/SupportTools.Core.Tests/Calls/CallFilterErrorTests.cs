using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>Every way a filter can be wrong: each a <see cref="CallFilterException"/> naming where and why.</summary>
public sealed class CallFilterErrorTests
{
    private static CallFilterException Error(string json) =>
        Assert.Throws<CallFilterException>(() => CallFilter.Parse(json, CallTimeZone.Resolve("Pacific/Auckland")));

    [Theory]
    // Unknown field, operator, key.
    [InlineData("""[{"name":"unanswered","op":"eq","val":true},{"or":[{"name":"calltime","op":"gte","val":"00:00:00 04/03/2016"}]}]""", "[1].or[0]", "unknown field 'calltime'; the fields are call_id, call_time,")]
    [InlineData("""[{"name":"unanswered","op":"equalz","val":true}]""", "[0]", "unknown operator 'equalz'; the operators are ==, eq,")]
    [InlineData("""[{"name":"unanswered","op":"eq","value":true}]""", "[0]", "unknown key 'value'")]
    [InlineData("""[{"name":"call_id","op":"eq","field":"callid"}]""", "[0]", "unknown field 'callid'")]
    [InlineData("""[{"and":[{"or":[{"name":"x","op":"eq","val":1}]}]}]""", "[0].and[0].or[0]", "unknown field 'x'")]
    // Wrong value types.
    [InlineData("""[{"name":"duration_seconds","op":"gt","val":"30"}]""", "[0]", "duration_seconds takes a whole number, but val is the string '30'.")]
    [InlineData("""[{"name":"duration_seconds","op":"gt","val":5.5}]""", "[0]", "duration_seconds takes a whole number, but val is the number 5.5.")]
    [InlineData("""[{"name":"call_direction","op":"eq","val":5}]""", "[0]", "call_direction takes a string (in quotes), but val is the number 5.")]
    [InlineData("""[{"name":"unanswered","op":"eq","val":2}]""", "[0]", "unanswered takes true or false, but val is the number 2.")]
    [InlineData("""[{"name":"unanswered","op":"eq","val":"yes"}]""", "[0]", "unanswered takes true or false")]
    [InlineData("""[{"name":"call_time","op":"gte","val":"2016/03/04"}]""", "[0]", "call_time takes a time as 'HH:mm:ss dd/MM/yyyy'")]
    [InlineData("""[{"name":"call_time","op":"gte","val":1457078400}]""", "[0]", "call_time takes a time")]
    [InlineData("""[{"name":"caller_zone_id","op":"eq","val":{"id":7}}]""", "[0]", "caller_zone_id takes a whole number, but val is an object.")]
    // Operator and value do not fit.
    [InlineData("""[{"name":"call_direction","op":"in","val":{"dir":"inbound"}}]""", "[0]", "in needs a list in 'val' (e.g. \"val\":[\"inbound\",\"outbound\"]), but 'val' is an object.")]
    [InlineData("""[{"name":"call_direction","op":"not_in"}]""", "[0]", "not_in needs a list in 'val' (e.g. \"val\":[\"inbound\",\"outbound\"]), but there is no 'val'.")]
    [InlineData("""[{"name":"caller_zone_id","op":"in","val":[7,"8"]}]""", "[0]", "caller_zone_id takes a whole number, but val[1] is the string '8'.")]
    [InlineData("""[{"name":"call_direction","op":"is_null","val":null}]""", "[0]", "is_null takes no 'val' or 'field'.")]
    [InlineData("""[{"name":"call_direction","op":"is_not_null","val":"x"}]""", "[0]", "is_not_null takes no 'val'")]
    [InlineData("""[{"name":"duration_seconds","op":"like","val":"5%"}]""", "[0]", "like works on text fields only, and duration_seconds is not one.")]
    [InlineData("""[{"name":"caller_id_name","op":"ilike","val":5}]""", "[0]", "ilike needs a pattern string in 'val'")]
    [InlineData("""[{"name":"caller_id_name","op":"like","field":"call_id"}]""", "[0]", "like takes a pattern in 'val', not another field.")]
    [InlineData("""[{"name":"call_direction","op":"eq","val":["inbound","outbound"]}]""", "[0]", "'val' is a list; to test against several values use \"op\":\"in\".")]
    [InlineData("""[{"name":"call_direction","op":"eq","val":null}]""", "[0]", "val is null; comparisons never match a missing value, so test for one with \"op\":\"is_null\".")]
    [InlineData("""[{"name":"call_direction","op":"eq"}]""", "[0]", "needs a 'val' (or a 'field' to compare with).")]
    [InlineData("""[{"name":"call_direction","op":"in","field":"call_id"}]""", "[0]", "in tests against a list of values, not another field.")]
    [InlineData("""[{"name":"call_id","op":"eq","val":"a","field":"call_id"}]""", "[0]", "has both 'val' and 'field'; give one.")]
    [InlineData("""[{"name":"call_time","op":"lt","field":"duration_seconds"}]""", "[0]", "cannot compare call_time (a time) with duration_seconds (a number).")]
    // Structure.
    [InlineData("""[{"op":"eq","val":1}]""", "[0]", "has no 'name'")]
    [InlineData("""[{"name":"call_id","val":1}]""", "[0]", "has no 'op'")]
    [InlineData("""[{"name":7,"op":"eq","val":1}]""", "[0]", "'name' must be a field name, but is the number 7.")]
    [InlineData("""[{"name":"call_id","op":true,"val":1}]""", "[0]", "'op' must be an operator name, but is true.")]
    [InlineData("""[{"or":{"name":"call_id","op":"eq","val":"a"}}]""", "[0]", "'or' takes a list of filters, but found an object.")]
    [InlineData("""[{"or":[],"name":"call_id"}]""", "[0]", "an 'or' object holds only the 'or' list, but it also has 'name'.")]
    [InlineData("""[{"name":"call_id","op":"eq","val":"a"},"unanswered"]""", "[1]", "expected a filter object")]
    [InlineData("""[{"name":"call_id","op":"eq","val":"a","name":"call_time"}]""", "[0]", "the key 'name' appears twice.")]
    public void Each_problem_names_the_filter_and_the_reason(string json, string path, string reason)
    {
        var error = Error(json);
        Assert.Equal(path, error.FilterPath);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"filter {path}: ", error.Message);
    }

    [Theory]
    [InlineData("""[{"name":"call_id","op":"eq",""", "not valid JSON at line 1")]
    [InlineData("""[{"name":"call_id"}""", "not valid JSON")]
    [InlineData("unanswered", "not valid JSON at line 1, byte 1")]
    [InlineData("5", "the JSON is the number 5, not a list of filters")]
    [InlineData("\"x\"", "the JSON is the string 'x', not a list of filters")]
    public void Malformed_json_is_an_error_about_the_whole_filter(string json, string reason)
    {
        var error = Error(json);
        Assert.Null(error.FilterPath);
        Assert.Contains(reason, error.Reason);
        Assert.Contains("""'[{"name":"unanswered","op":"eq","val":true}]'""", error.Reason);
    }

    [Fact]
    public void Neutral_objects_of_unknown_types_are_named()
    {
        var error = Assert.Throws<CallFilterException>(() => CallFilter.From(
            [new Dictionary<string, object?> { ["name"] = "call_id", ["op"] = "eq", ["val"] = new Uri("http://x") }], CallTimeZone.Utc));
        Assert.Contains("val is a Uri", error.Reason);
    }
}
