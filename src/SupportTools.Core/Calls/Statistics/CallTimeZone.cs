using NodaTime;
using NodaTime.TimeZones;

namespace SupportTools.Calls;

/// <summary>
/// The time zone a call query is read and reported in: an IANA id resolved through NodaTime's own tz database
/// (<see cref="DateTimeZoneProviders.Tzdb"/>), so a query gives the same buckets on every platform whatever the
/// operating system's zone data. Ids are matched in any case; a Windows id (e.g. "New Zealand Standard Time") is
/// mapped to its IANA zone through the CLDR table NodaTime ships.
/// </summary>
public sealed class CallTimeZone
{
    private CallTimeZone(DateTimeZone zone) => Zone = zone;

    /// <summary>UTC, the default (as the Kazoo service's).</summary>
    public static CallTimeZone Utc { get; } = new(DateTimeZone.Utc);

    /// <summary>The IANA id.</summary>
    public string Id => Zone.Id;

    /// <summary>Every IANA id the tz database knows (for tab completion).</summary>
    public static IReadOnlyList<string> Ids => DateTimeZoneProviders.Tzdb.Ids;

    /// <summary>The version of the tz database (e.g. 2025b), for -Verbose.</summary>
    public static string DatabaseVersion => TzdbDateTimeZoneSource.Default.TzdbVersion;

    internal DateTimeZone Zone { get; }

    /// <summary>The zone called <paramref name="id"/>; UTC for null or blank; <see cref="UnknownTimeZoneException"/> otherwise.</summary>
    public static CallTimeZone Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return Utc;
        id = id.Trim();
        var provider = DateTimeZoneProviders.Tzdb;
        var zone = provider.GetZoneOrNull(id);
        if (zone is null && provider.Ids.FirstOrDefault(known => known.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } anyCase)
            zone = provider[anyCase];
        if (zone is null && TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping
                .FirstOrDefault(pair => pair.Key.Equals(id, StringComparison.OrdinalIgnoreCase)).Value is { } windows)
            zone = provider[windows];
        return zone is null ? throw new UnknownTimeZoneException(id, Suggest(id, provider.Ids)) : new CallTimeZone(zone);
    }

    /// <summary>
    /// Ids whose city (the last part) contains what was typed or is a typo away from it, e.g. "Auckand" → Pacific/Auckland.
    /// </summary>
    private static List<string> Suggest(string id, IEnumerable<string> ids)
    {
        var typed = id[(id.LastIndexOf('/') + 1)..].Replace(' ', '_');
        if (typed.Length < 3) return [];
        return ids.Where(known =>
            {
                var city = known[(known.LastIndexOf('/') + 1)..];
                return city.Contains(typed, StringComparison.OrdinalIgnoreCase) || Distance(city, typed) <= 2;
            })
            .Take(5).ToList();
    }

    /// <summary>Levenshtein distance, ignoring case.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (same ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
