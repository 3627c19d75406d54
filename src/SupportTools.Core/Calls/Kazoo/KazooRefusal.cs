using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// What crossbar said when it refused a request, read from its error envelope:
/// <c>{"data":{"created_from":{"date_range":{"message":"created_to … is more than 2682000 seconds from created_from …","cause":…}}},
/// "error":"400","message":"validation error","status":"error"}</c> (crossbar_view:time_range/5 and
/// cb_context:add_validation_error in 2600hz/kazoo). <see cref="IsRangeError"/> comes from the structure (a
/// <c>date_range</c> validation error), not from the wording.
/// </summary>
internal sealed partial record KazooRefusal(string? Text, bool IsRangeError, long? MaxRangeSeconds)
{
    /// <summary>What crossbar said in the answer that ended <paramref name="failure"/>, the client's secrets blanked out.</summary>
    public static KazooRefusal Read(Http.ServiceException failure)
    {
        var refusal = Read(failure.AnswerBody);
        return refusal with { Text = failure.Scrubber.ScrubOrNull(refusal.Text) };
    }

    /// <summary>The refusal in <paramref name="body"/>; an empty one when the body is not crossbar's envelope.</summary>
    public static KazooRefusal Read(byte[]? body)
    {
        if (body is not { Length: > 0 }) return new(null, false, null);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new(null, false, null);
            var parts = new List<string>();
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && message.GetString() is { Length: > 0 } said)
                parts.Add(said);
            var isRange = false;
            long? maxRange = null;
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in data.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.String)
                    {
                        parts.Add($"{field.Name}: {field.Value.GetString()}");
                        continue;
                    }
                    if (field.Value.ValueKind != JsonValueKind.Object) continue;
                    foreach (var check in field.Value.EnumerateObject())
                    {
                        var text = check.Value.ValueKind == JsonValueKind.Object && check.Value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                            ? m.GetString()
                            : check.Value.ValueKind == JsonValueKind.String ? check.Value.GetString() : null;
                        parts.Add($"{field.Name} ({check.Name}): {text ?? check.Value.GetRawText()}");
                        if (check.Name != "date_range") continue;
                        isRange = true;
                        // The server's own limit, when it says it, lets the pull split finer instead of failing.
                        if (text is not null && MoreThan().Match(text) is { Success: true } limit
                            && long.TryParse(limit.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                            maxRange = seconds;
                    }
                }
            }
            return new(parts.Count == 0 ? null : string.Join("; ", parts), isRange, maxRange);
        }
        catch (JsonException)
        {
            return new(null, false, null);
        }
    }

    [GeneratedRegex(@"more than (\d{1,12}) seconds", RegexOptions.CultureInvariant)]
    private static partial Regex MoreThan();
}
