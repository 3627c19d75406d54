using System.Text.Json;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// Reads the schedule file format (UTF-8 JSON; comments and trailing commas allowed; names in any case):
/// <code>
/// { "name": "Support desk", "timeZone": "Europe/London",
///   "holidays": ["2026-12-25", "2026-12-28..2026-12-31", { "name": "Boxing Day", "date": "2026-12-26" }],
///   "versions": [
///     { "hours": { "Mon-Fri": ["09:00-12:30", "13:30-17:30"], "Sat": "10:00-14:00" } },
///     { "effectiveFrom": "2027-01-04", "hours": { "Weekdays": "08:00-20:00" }, "breaks": { "Weekdays": "12:00-13:00" } } ] }
/// </code>
/// A schedule with one version may give <c>hours</c> and <c>breaks</c> at the top instead of <c>versions</c>;
/// <c>"hours": "24x7"</c> is every hour, <c>{}</c> none. Problems are <see cref="InputFormatException"/>s naming the file
/// and the line (JSON syntax) or the field's path (e.g. <c>versions[1].hours.Mon-Fri</c>).
/// </summary>
internal static class BusinessScheduleFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The schedule in the file at <paramref name="path"/>.</summary>
    public static BusinessSchedule Read(string path)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, Options);
        }
        catch (JsonException exception)
        {
            throw new InputFormatException($"not valid JSON: {exception.Message}", path,
                exception.LineNumber + 1, exception.BytePositionInLine + 1, inner: exception);
        }
        using (document) return FromJson(document.RootElement, path);
    }

    /// <summary>The schedule <paramref name="root"/> describes; <paramref name="path"/> (may be null) goes into errors.</summary>
    public static BusinessSchedule FromJson(JsonElement root, string? path, string prefix = "")
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad(path, prefix.TrimEnd('.'), "expected a JSON object describing a schedule");
        var name = Find(root, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        var zone = Find(root, "timeZone", "time_zone") is { ValueKind: JsonValueKind.String } z ? z.GetString()! :
            throw Bad(path, prefix + "timeZone", "missing: give an IANA time zone id such as \"Europe/London\"");
        var versions = new List<ScheduleVersionText>();
        if (Find(root, "versions") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                throw Bad(path, prefix + "versions", "expected a non-empty array of versions");
            var i = 0;
            foreach (var version in list.EnumerateArray())
            {
                var at = $"{prefix}versions[{i}]";
                var from = Find(version, "effectiveFrom", "effective_from") is { ValueKind: JsonValueKind.String } f ? f.GetString() : null;
                if (from is null && i > 0) throw Bad(path, at + ".effectiveFrom", "missing: every version after the first needs the date it starts (yyyy-MM-dd)");
                if (from is not null)
                {
                    try
                    {
                        ScheduleText.Date(from);
                    }
                    catch (FormatException exception)
                    {
                        throw Bad(path, at + ".effectiveFrom", exception.Message);
                    }
                }
                versions.Add(new ScheduleVersionText(from, Pairs(version, "hours", path, at + "."), Pairs(version, "breaks", path, at + ".")));
                i++;
            }
        }
        else versions.Add(new ScheduleVersionText(null, Pairs(root, "hours", path, prefix), Pairs(root, "breaks", path, prefix)));
        var holidays = Holidays(root, path, prefix);
        try
        {
            return ScheduleRules.Create(name, zone, versions, holidays);
        }
        catch (FormatException exception)
        {
            throw Bad(path, prefix.TrimEnd('.'), exception.Message);
        }
        catch (ArgumentException exception)
        {
            throw Bad(path, prefix + "versions", exception.Message);
        }
    }

    /// <summary>(weekdays, interval) pairs of an hours or breaks object; each checked here so errors name the field.</summary>
    private static List<(string, string)> Pairs(JsonElement owner, string member, string? path, string prefix)
    {
        var pairs = new List<(string, string)>();
        if (Find(owner, member) is not { } value || value.ValueKind == JsonValueKind.Null) return pairs;
        if (value.ValueKind == JsonValueKind.String && IsAllWeek(value.GetString()!))
        {
            pairs.Add(("Daily", "00:00-24:00"));
            return pairs;
        }
        if (value.ValueKind != JsonValueKind.Object)
            throw Bad(path, prefix + member, "expected an object of weekdays and intervals, e.g. { \"Mon-Fri\": \"09:00-17:00\" }, or \"24x7\"");
        foreach (var day in value.EnumerateObject())
        {
            var field = $"{prefix}{member}.{day.Name}";
            var intervals = day.Value.ValueKind switch
            {
                JsonValueKind.String => [day.Value.GetString()!],
                JsonValueKind.Array when day.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    day.Value.EnumerateArray().Select(e => e.GetString()!).ToList(),
                _ => throw Bad(path, field, "expected an interval \"HH:mm-HH:mm\" or an array of them"),
            };
            foreach (var interval in intervals)
            {
                try
                {
                    ScheduleText.Days(day.Name);
                    ScheduleText.Interval(interval, out _);
                }
                catch (FormatException exception)
                {
                    throw Bad(path, field, exception.Message);
                }
                pairs.Add((day.Name, interval));
            }
        }
        return pairs;
    }

    private static List<string> Holidays(JsonElement root, string? path, string prefix)
    {
        var holidays = new List<string>();
        if (Find(root, "holidays") is not { } list || list.ValueKind == JsonValueKind.Null) return holidays;
        if (list.ValueKind != JsonValueKind.Array) throw Bad(path, prefix + "holidays", "expected an array of dates");
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var field = $"{prefix}holidays[{i++}]";
            string text;
            if (entry.ValueKind == JsonValueKind.String) text = entry.GetString()!;
            else if (entry.ValueKind == JsonValueKind.Object && Find(entry, "date") is { ValueKind: JsonValueKind.String } date) text = date.GetString()!;
            else if (entry.ValueKind == JsonValueKind.Object && Find(entry, "from") is { ValueKind: JsonValueKind.String } from
                     && Find(entry, "to") is { ValueKind: JsonValueKind.String } to) text = $"{from.GetString()}..{to.GetString()}";
            else throw Bad(path, field, "expected \"yyyy-MM-dd\", \"yyyy-MM-dd..yyyy-MM-dd\", { \"date\": … } or { \"from\": …, \"to\": … }");
            try
            {
                ScheduleText.DateRange(text);
            }
            catch (FormatException exception)
            {
                throw Bad(path, field, exception.Message);
            }
            holidays.Add(text);
        }
        return holidays;
    }

    /// <summary>"24x7", "24/7" or "always": every hour of every day.</summary>
    internal static bool IsAllWeek(string text) =>
        text.Trim().ToLowerInvariant() is "24x7" or "24/7" or "always";

    private static JsonElement? Find(JsonElement owner, params string[] names)
    {
        if (owner.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in owner.EnumerateObject())
            if (names.Any(n => n.Equals(property.Name, StringComparison.OrdinalIgnoreCase))) return property.Value;
        return null;
    }

    private static InputFormatException Bad(string? path, string field, string reason) =>
        new(reason, path, field: field.Length == 0 ? null : field);
}
