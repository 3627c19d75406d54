using System.Globalization;
using System.Text.Json;

namespace SupportTools.Desk;

/// <summary>
/// Turns one entry of a Desk page into a <see cref="DeskCase"/>. Lenient where the API itself varied (a missing field,
/// a null link, a number sent as a string, an entry without <c>id</c> whose self link carries it), strict where a value
/// cannot mean what the field says (a priority of "high", a time that is not a time): that is an
/// <see cref="DeskPageException"/> naming the page, the entry and the field.
/// </summary>
internal readonly struct DeskCaseReader
{
    private static readonly IReadOnlyDictionary<string, object?> NoCustomFields = new Dictionary<string, object?>();
    private readonly JsonElement _entry;
    private readonly Uri _page;
    private readonly int _index;

    private DeskCaseReader(JsonElement entry, Uri page, int index)
    {
        _entry = entry;
        _page = page;
        _index = index;
    }

    /// <summary>
    /// Reads entry <paramref name="index"/> (0-based) of the page at <paramref name="page"/>; custom field values are
    /// normalised by <paramref name="fieldTypes"/> (the site's field types) when given, else kept as sent.
    /// </summary>
    public static DeskCase Read(JsonElement entry, Uri page, int index, bool includeCustomFields,
        IReadOnlyDictionary<string, DeskCustomFieldType>? fieldTypes = null)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new DeskPageException(DeskPageProblem.InvalidPage, page, $"entry {index + 1} should be a case (an object), found {DeskPage.Describe(entry)}.");
        var reader = new DeskCaseReader(entry, page, index);
        var self = reader.Link("self");
        return new DeskCase(includeCustomFields ? reader.CustomFields(fieldTypes) : NoCustomFields)
        {
            Id = reader.Whole("id") ?? IdFromSelf(self),
            ExternalId = reader.Text("external_id"),
            Type = reader.Text("type"),
            Status = reader.Text("status"),
            Priority = (int?)reader.Whole("priority", int.MinValue, int.MaxValue),
            Subject = reader.Text("subject"),
            Blurb = reader.Text("blurb"),
            Description = reader.Text("description"),
            Labels = reader.Labels(),
            Language = reader.Text("language"),
            CreatedAt = reader.Time("created_at"),
            UpdatedAt = reader.Time("updated_at"),
            ChangedAt = reader.Time("changed_at"),
            ActiveAt = reader.Time("active_at"),
            ReceivedAt = reader.Time("received_at"),
            FirstOpenedAt = reader.Time("first_opened_at"),
            OpenedAt = reader.Time("opened_at"),
            FirstResolvedAt = reader.Time("first_resolved_at"),
            ResolvedAt = reader.Time("resolved_at"),
            LockedUntil = reader.Time("locked_until"),
            CustomerUri = reader.Link("customer"),
            AssignedUserUri = reader.Link("assigned_user"),
            AssignedGroupUri = reader.Link("assigned_group"),
            MessageUri = reader.Link("message"),
            HistoryUri = reader.Link("history"),
            SelfUri = self,
            Attachments = reader.LinkCount("attachments"),
            Notes = reader.LinkCount("notes"),
            Replies = reader.LinkCount("replies"),
        };
    }

    private bool TryGet(string name, out JsonElement value) =>
        _entry.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string? Text(string name)
    {
        if (!TryGet(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            // external_id and the like are sometimes numbers: keep their text.
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw Invalid(name, $"should be text, found {DeskPage.Describe(value)}"),
        };
    }

    private long? Whole(string name, long min = long.MinValue, long max = long.MaxValue) =>
        TryGet(name, out var value) ? Whole(value, name, min, max) : null;

    private long? Whole(JsonElement value, string field, long min, long max) =>
        TryWhole(value, out var number) && number >= min && number <= max
            ? number
            : throw Invalid(field, $"should be a whole number, found {DeskPage.Describe(value)}");

    /// <summary>A whole number however written: <c>7</c>, <c>7.0</c>, or the text <c>"7"</c>.</summary>
    private static bool TryWhole(JsonElement value, out long number)
    {
        number = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt64(out number)) return true;
                if (!value.TryGetDecimal(out var d) || d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue) return false;
                number = (long)d;
                return true;
            case JsonValueKind.String:
                return long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number);
            default:
                return false;
        }
    }

    private DateTimeOffset? Time(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0) return null;
        throw Invalid(name, $"should be a time (ISO 8601), found {DeskPage.Describe(value)}");
    }

    private string? Labels()
    {
        if (!TryGet("labels", out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind != JsonValueKind.Array) throw Invalid("labels", $"should be a list of names, found {DeskPage.Describe(value)}");
        var names = new List<string>(value.GetArrayLength());
        foreach (var label in value.EnumerateArray())
        {
            if (label.ValueKind != JsonValueKind.String) throw Invalid("labels", $"should hold names, found {DeskPage.Describe(label)}");
            names.Add(label.GetString()!);
        }
        return string.Join(DeskCase.LabelSeparator, names);
    }

    private string? Link(string rel) => DeskPage.Href(_entry, rel, _page, $"entry {_index + 1} _links");

    private int? LinkCount(string rel)
    {
        if (!_entry.TryGetProperty("_links", out var links) || links.ValueKind != JsonValueKind.Object
            || !links.TryGetProperty(rel, out var link) || link.ValueKind != JsonValueKind.Object
            || !link.TryGetProperty("count", out var count) || count.ValueKind == JsonValueKind.Null)
            return null;
        return (int?)Whole(count, $"_links.{rel}.count", 0, int.MaxValue);
    }

    private Dictionary<string, object?> CustomFields(IReadOnlyDictionary<string, DeskCustomFieldType>? fieldTypes)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!TryGet("custom_fields", out var custom)) return fields;
        if (custom.ValueKind != JsonValueKind.Object) throw Invalid("custom_fields", $"should be an object, found {DeskPage.Describe(custom)}");
        foreach (var field in custom.EnumerateObject())
            fields[field.Name] = fieldTypes is not null && fieldTypes.TryGetValue(field.Name, out var type)
                ? DeskCustomFieldValue.Normalize(field.Value, type)
                : DeskCustomFieldValue.AsSent(field.Value);
        return fields;
    }

    /// <summary>The number at the end of a self link (<c>/api/v2/cases/3011</c> → 3011), or null.</summary>
    private static long? IdFromSelf(string? self)
    {
        if (self is null) return null;
        var path = self.Split('?', '#')[0].TrimEnd('/');
        return long.TryParse(path.AsSpan(path.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private DeskPageException Invalid(string field, string why) =>
        new(DeskPageProblem.InvalidPage, _page, $"entry {_index + 1}{CaseText()}, field '{field}' {why}.");

    private string CaseText() =>
        _entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? $" (case {id.GetRawText()})" : "";
}
