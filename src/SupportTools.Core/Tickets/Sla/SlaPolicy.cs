using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportTools.Tickets.BusinessHours;
using SupportTools.Tickets.Sla;

namespace SupportTools.Tickets;

/// <summary>
/// SLA goals per priority, and the statuses that pause each target. Written as JSON (a file, or a hashtable the cmdlet
/// turns into the same JSON; names in any case):
/// <code>
/// { "name": "Standard", "basis": "business",
///   "pause": { "resolution": ["Pending", "Waiting on Customer"] },
///   "priorities": {
///     "Urgent": { "firstResponse": "1h", "nextResponse": "2h", "resolution": "4h", "basis": "calendar" },
///     "High":   { "firstResponse": "4h", "nextResponse": "8h", "resolution": { "time": "24h", "basis": "calendar" } },
///     "Default": { "firstResponse": 8, "resolution": "40h" } },
///   "businessHours": { "timeZone": "Europe/London", "hours": { "Mon-Fri": "09:00-17:00" } } }
/// </code>
/// A goal is a number of hours, text such as <c>90m</c>, <c>4h</c>, <c>1h30m</c> or a time span <c>hh:mm:ss</c>. Its basis
/// (business or calendar) is the goal's own, else the priority's, else the policy's, else business. <c>Default</c>
/// serves priorities not listed (and tickets with none). Without <c>pause</c>, Pending and Waiting on Customer pause
/// Resolution and nothing pauses the response targets; whatever is configured, no target runs while the ticket is
/// Resolved or Closed.
/// </summary>
public sealed partial class SlaPolicy
{
    private const string DefaultPriority = "Default";
    private readonly Dictionary<string, Dictionary<SlaTarget, SlaGoal>> _goals;
    private readonly Dictionary<SlaTarget, HashSet<string>> _pause;

    private SlaPolicy(string? name, Dictionary<string, Dictionary<SlaTarget, SlaGoal>> goals, Dictionary<SlaTarget, HashSet<string>> pause,
        BusinessSchedule? businessHours)
    {
        Name = name;
        _goals = goals;
        _pause = pause;
        BusinessHours = businessHours;
    }

    /// <summary>Its name, when given.</summary>
    public string? Name { get; }

    /// <summary>The schedule it names (<c>businessHours</c>), if any; <c>-BusinessHours</c> overrides it.</summary>
    public BusinessSchedule? BusinessHours { get; }

    /// <summary>The priorities it lists (Default included when given).</summary>
    public IReadOnlyList<string> Priorities => [.. _goals.Keys];

    /// <summary>True when some goal is counted in business hours.</summary>
    public bool UsesBusinessHours => _goals.Values.Any(g => g.Values.Any(goal => goal.Business));

    /// <summary>The goal of <paramref name="target"/> for <paramref name="priority"/> (or Default); null when there is none.</summary>
    internal SlaGoal? Goal(string? priority, SlaTarget target)
    {
        if (priority is not null && _goals.TryGetValue(priority, out var goals)) return goals.TryGetValue(target, out var goal) ? goal : null;
        return _goals.TryGetValue(DefaultPriority, out var fallback) && fallback.TryGetValue(target, out var g) ? g : null;
    }

    /// <summary>True when the policy has goals for <paramref name="priority"/>, or a Default entry.</summary>
    internal bool Covers(string? priority) =>
        priority is not null && _goals.ContainsKey(priority) || _goals.ContainsKey(DefaultPriority);

    /// <summary>True when <paramref name="status"/> (canonical) pauses <paramref name="target"/>.</summary>
    internal bool Pauses(SlaTarget target, string? status) =>
        TicketStatuses.IsDone(status) || status is not null && _pause.TryGetValue(target, out var set) && set.Contains(status);

    /// <summary>Reads a policy file; problems are <see cref="InputFormatException"/>s naming the file and field.</summary>
    public static SlaPolicy Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new InputFormatException($"not valid JSON: {exception.Message}", path, exception.LineNumber + 1, exception.BytePositionInLine + 1, inner: exception);
        }
        using (document) return Parse(document.RootElement, path);
    }

    /// <summary>The policy <paramref name="root"/> describes; <paramref name="path"/> (may be null) goes into errors.</summary>
    public static SlaPolicy Parse(JsonElement root, string? path = null)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad(path, null, "expected a JSON object with 'priorities'");
        var name = Find(root, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        var basis = Basis(Find(root, "basis"), true, path, "basis");
        if (Find(root, "priorities") is not { ValueKind: JsonValueKind.Object } priorities)
            throw Bad(path, "priorities", "missing: give the goals per priority, e.g. { \"High\": { \"firstResponse\": \"4h\" } }");
        var goals = new Dictionary<string, Dictionary<SlaTarget, SlaGoal>>(StringComparer.OrdinalIgnoreCase);
        foreach (var priority in priorities.EnumerateObject())
        {
            var field = $"priorities.{priority.Name}";
            if (priority.Value.ValueKind != JsonValueKind.Object) throw Bad(path, field, "expected an object of goals (firstResponse, nextResponse, resolution)");
            var priorityBasis = Basis(Find(priority.Value, "basis"), basis, path, field + ".basis");
            var targets = new Dictionary<SlaTarget, SlaGoal>();
            foreach (var member in priority.Value.EnumerateObject())
            {
                if (member.Name.Equals("basis", StringComparison.OrdinalIgnoreCase)) continue;
                if (!Enum.TryParse<SlaTarget>(member.Name, true, out var target) || !Enum.IsDefined(target))
                    throw Bad(path, $"{field}.{member.Name}", "is not a target (expected firstResponse, nextResponse or resolution)");
                targets[target] = Goal(member.Value, priorityBasis, path, $"{field}.{member.Name}");
            }
            var key = priority.Name.Equals(DefaultPriority, StringComparison.OrdinalIgnoreCase) ? DefaultPriority : TicketProperties.Normalize(priority.Name);
            goals[key] = targets;
        }
        var pause = new Dictionary<SlaTarget, HashSet<string>> { [SlaTarget.Resolution] = [TicketStatuses.Pending, TicketStatuses.WaitingOnCustomer] };
        if (Find(root, "pause") is { ValueKind: JsonValueKind.Object } pauses)
        {
            pause.Clear();
            foreach (var member in pauses.EnumerateObject())
            {
                if (!Enum.TryParse<SlaTarget>(member.Name, true, out var target) || !Enum.IsDefined(target))
                    throw Bad(path, $"pause.{member.Name}", "is not a target (expected firstResponse, nextResponse or resolution)");
                var statuses = member.Value.ValueKind switch
                {
                    JsonValueKind.String => [member.Value.GetString()!],
                    JsonValueKind.Array => member.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()!
                        : throw Bad(path, $"pause.{member.Name}", "expected status names")).ToList(),
                    JsonValueKind.Null => [],
                    _ => throw Bad(path, $"pause.{member.Name}", "expected a status name or an array of them"),
                };
                pause[target] = [.. statuses.Select(TicketStatuses.Normalize)];
            }
        }
        else if (Find(root, "pause") is { ValueKind: not JsonValueKind.Null } other)
            throw Bad(path, "pause", $"expected an object such as {{ \"resolution\": [\"Pending\"] }}, not {other.ValueKind}");
        BusinessSchedule? schedule = Find(root, "businessHours", "business_hours") is { ValueKind: JsonValueKind.Object } hours
            ? BusinessScheduleFile.FromJson(hours, path, "businessHours.") : null;
        return new SlaPolicy(name, goals, pause, schedule);
    }

    private static SlaGoal Goal(JsonElement value, bool business, string? path, string field)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var own = Basis(Find(value, "basis"), business, path, field + ".basis");
            var time = Find(value, "time", "hours") ?? throw Bad(path, field, "expected { \"time\": \"4h\" } (and optionally \"basis\")");
            return new SlaGoal(Time(time, path, field), own);
        }
        return new SlaGoal(Time(value, path, field), business);
    }

    /// <summary>A goal's time: hours as a number, or text (90m, 4h, 1h30m, hh:mm:ss).</summary>
    private static TimeSpan Time(JsonElement value, string? path, string field)
    {
        TimeSpan? time = value.ValueKind switch
        {
            JsonValueKind.Number => TimeSpan.FromHours(value.GetDouble()),
            JsonValueKind.String => ParseTime(value.GetString()!),
            _ => null,
        };
        if (time is not { } t || t <= TimeSpan.Zero)
            throw Bad(path, field, $"{value.GetRawText()} is not a positive goal (hours as a number, or text such as 90m, 4h, 1h30m, 08:00:00)");
        return t;
    }

    /// <summary>90m, 4h, 1h30m, 1.5h, or a time span in the invariant form ([d.]hh:mm[:ss]); null when it is none of them.</summary>
    internal static TimeSpan? ParseTime(string text)
    {
        var match = UnitsPattern().Match(text);
        if (match.Success && (match.Groups["h"].Success || match.Groups["m"].Success))
        {
            var hours = match.Groups["h"].Success ? double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = match.Groups["m"].Success ? double.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        }
        return text.Contains(':') && TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    [GeneratedRegex(@"^\s*(?:(?<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?<m>\d+(?:\.\d+)?)\s*m(?:in)?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();

    private static bool Basis(JsonElement? value, bool inherited, string? path, string field) => value switch
    {
        null => inherited,
        { ValueKind: JsonValueKind.String } v when v.GetString()!.Equals("business", StringComparison.OrdinalIgnoreCase) => true,
        { ValueKind: JsonValueKind.String } v when v.GetString()!.Equals("calendar", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw Bad(path, field, "expected \"business\" or \"calendar\""),
    };

    private static JsonElement? Find(JsonElement owner, params string[] names)
    {
        foreach (var property in owner.EnumerateObject())
            if (names.Any(n => n.Equals(property.Name, StringComparison.OrdinalIgnoreCase))) return property.Value;
        return null;
    }

    private static InputFormatException Bad(string? path, string? field, string reason) => new(reason, path, field: field, section: path is null && field is null ? "policy" : null);
}
