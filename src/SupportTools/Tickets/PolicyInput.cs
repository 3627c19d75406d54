using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportTools.Tickets;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// Turns what users give <c>-Policy</c> into an <see cref="SlaPolicy"/>: a JSON file's path, JSON text, or a hashtable
/// (or object) of the same shape, converted to the same JSON so there is one reader. A <see cref="BusinessSchedule"/>
/// object under <c>BusinessHours</c> is taken as it is.
/// </summary>
internal static class PolicyInput
{
    /// <summary>The policy <paramref name="value"/> stands for (a file as a <see cref="FileInfo"/>, already resolved).</summary>
    public static SlaPolicy From(object? value, out BusinessSchedule? schedule)
    {
        schedule = null;
        var raw = value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
        switch (raw)
        {
            case SlaPolicy policy:
                return policy;
            case string text when text.TrimStart().StartsWith('{'):
                return Parse(text);
            case FileInfo file:
                return SlaPolicy.Read(file.FullName);
            case IDictionary or PSObject:
                var scheduleFound = (BusinessSchedule?)null;
                var node = ToJson(raw, ref scheduleFound);
                schedule = scheduleFound;
                return Parse(node!.ToJsonString());
            default:
                throw new InvalidRequestException("-Policy takes a hashtable (see Get-Help Get-TicketSla), a JSON file's path, or JSON text.");
        }
    }

    private static SlaPolicy Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return SlaPolicy.Parse(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new InputFormatException($"not valid JSON: {exception.Message}", section: "policy", inner: exception);
        }
    }

    private static JsonNode? ToJson(object? value, ref BusinessSchedule? schedule)
    {
        value = value is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : value;
        switch (value)
        {
            case null: return null;
            case string text: return JsonValue.Create(text);
            case bool flag: return JsonValue.Create(flag);
            case TimeSpan span: return JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture));
            case DateTime or DateTimeOffset: return JsonValue.Create(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case Enum e: return JsonValue.Create(e.ToString());
            case IDictionary table:
            {
                var result = new JsonObject();
                foreach (DictionaryEntry entry in table)
                {
                    var key = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture)!;
                    if (Unwrap(entry.Value) is BusinessSchedule found) schedule = found;
                    else result[key] = ToJson(entry.Value, ref schedule);
                }
                return result;
            }
            case PSObject custom:
            {
                var result = new JsonObject();
                foreach (var property in custom.Properties)
                {
                    if (Unwrap(property.Value) is BusinessSchedule found) schedule = found;
                    else result[property.Name] = ToJson(property.Value, ref schedule);
                }
                return result;
            }
            case IEnumerable list:
            {
                var result = new JsonArray();
                foreach (var item in list) result.Add(ToJson(item, ref schedule));
                return result;
            }
            default:
                return JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
