using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Close;

/// <summary>
/// Reads Close's answers by their documented shape, and turns any other shape (valid JSON such as <c>{"items":[]}</c>,
/// a numeric id, a list that is not one) into a <see cref="ServiceException"/> of kind
/// <see cref="ServiceFailure.InvalidResponse"/> that names the URL and what was wrong, instead of the
/// <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> that <see cref="JsonElement"/> throws.
/// </summary>
internal static class CloseAnswer
{
    /// <summary>The answer's JSON, which must be an object.</summary>
    public static JsonDocument Object(ServiceResponse response)
    {
        var document = response.ParseJson();
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        var kind = document.RootElement.ValueKind;
        document.Dispose();
        throw Invalid(response, $"the answer is a JSON {Kind(kind)}, not an object");
    }

    /// <summary>The array <paramref name="name"/> of <paramref name="holder"/> (a page's <c>data</c>).</summary>
    public static JsonElement Array(ServiceResponse response, JsonElement holder, string name) =>
        holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw Invalid(response, $"the answer has no '{name}' list ({Found(holder, name)})");

    /// <summary>The non-empty text <paramref name="name"/> of <paramref name="item"/> (an id), where <paramref name="what"/> says whose.</summary>
    public static string Text(ServiceResponse response, JsonElement item, string name, string what) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid(response, $"{what} has no text '{name}' ({Found(item, name)})");

    /// <summary>The text <paramref name="name"/> of <paramref name="item"/>, or null when it is absent, null or not text.</summary>
    public static string? OptionalText(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An answer that is not what Close sends, for <paramref name="response"/>'s request.</summary>
    public static ServiceException Invalid(ServiceResponse response, string reason) =>
        new(ServiceFailure.InvalidResponse, CloseApi.ServiceName, response.Method, response.RequestUri, response.StatusCode, response.Attempts, reason);

    private static string Found(JsonElement holder, string name)
    {
        if (holder.ValueKind != JsonValueKind.Object) return $"found a JSON {Kind(holder.ValueKind)}";
        if (holder.TryGetProperty(name, out var value)) return $"it is a JSON {Kind(value.ValueKind)}";
        var members = holder.EnumerateObject().Select(p => p.Name).Take(8).ToList();
        return members.Count == 0 ? "the object is empty" : $"its members: {string.Join(", ", members)}";
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
