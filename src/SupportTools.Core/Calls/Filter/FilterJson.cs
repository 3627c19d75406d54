using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// Reads a filter given as JSON into the neutral form <see cref="CallFilter"/> takes from any source: objects as
/// case-insensitive dictionaries, arrays as lists, numbers as <see cref="long"/> (or <see cref="double"/> when not whole),
/// strings, booleans and nulls as themselves. The cmdlet builds the same form from hashtables, so both are checked by one parser.
/// </summary>
internal static class FilterJson
{
    private const string Example = """a JSON list such as '[{"name":"unanswered","op":"eq","val":true}]'""";

    // Deep enough that a too-deep filter reaches the check in ToNeutral (and its clear message), not the parser's.
    private const int ReaderMaxDepth = 100_000;

    /// <summary>The filters in <paramref name="json"/>: a list of filter objects, or one filter object.</summary>
    public static IReadOnlyList<object?> Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        JsonDocument document;
        try
        {
            // The reader walks any depth without recursion; the depth limit is checked below, with a message that names it.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip, MaxDepth = ReaderMaxDepth });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}" : "";
            throw new CallFilterException(null, $"not valid JSON{where}; -Filter takes {Example}, or hashtables.", exception);
        }
        using (document)
        {
            return ToNeutral(document.RootElement, "", 0) switch
            {
                IReadOnlyList<object?> list => list,
                IReadOnlyDictionary<string, object?> one => [one],
                var other => throw new CallFilterException(null, $"the JSON is {CallFilterValues.Describe(other)}, not a list of filters; -Filter takes {Example}."),
            };
        }
    }

    private static object? ToNeutral(JsonElement element, string path, int depth)
    {
        if (depth > CallFilterLimits.MaxDepth && element.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            throw new CallFilterException(path.Length == 0 ? null : path,
                $"the JSON nests deeper than the limit of {CallFilterLimits.MaxDepth} objects and lists ({CallFilterLimits.MaxNesting} or/and levels).");
        return Value(element, path, depth);
    }

    private static object? Value(JsonElement element, string path, int depth) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element, path, depth),
        JsonValueKind.Array => element.EnumerateArray().Select((item, i) => ToNeutral(item, $"{path}[{i}]", depth + 1)).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> Object(JsonElement element, string path, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, ToNeutral(property.Value, $"{path}.{property.Name}", depth + 1)))
                throw new CallFilterException(path.Length == 0 ? null : path, $"the key '{property.Name}' appears twice.");
        }
        return result;
    }
}
