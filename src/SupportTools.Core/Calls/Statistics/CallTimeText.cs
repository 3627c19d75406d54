using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace SupportTools.Calls;

/// <summary>
/// Times as the Kazoo call_statistics service writes and reads them: <c>HH:mm:ss dd/MM/yyyy</c> local time in the
/// query's zone (period labels and <c>call_time</c> filter values). Filter values may also be ISO 8601, with an offset
/// (an instant) or without (local time in the zone), or a date alone (the start of that day in the zone).
/// </summary>
internal static class CallTimeText
{
    /// <summary>The service's format.</summary>
    public const string Format = "HH:mm:ss dd/MM/yyyy";

    private static readonly LocalDateTimePattern Service = LocalDateTimePattern.CreateWithInvariantCulture(Format);
    private static readonly LocalDateTimePattern SpaceSeparated = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFFF");

    /// <summary>The label of a local time: <c>HH:mm:ss dd/MM/yyyy</c>.</summary>
    public static string Label(LocalDateTime local) => Service.Format(local);

    /// <summary>
    /// Reads a <c>call_time</c> filter value. A local time that occurs twice (a fall-back) is the first occurrence; one
    /// that does not occur (skipped by a spring-forward) is moved forward by the gap, as clocks are.
    /// </summary>
    public static bool TryParse(string text, DateTimeZone zone, out Instant instant)
    {
        text = text.Trim();
        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } withOffset)
        {
            instant = withOffset.Value.ToInstant();
            return true;
        }
        foreach (var pattern in new[] { Service, LocalDateTimePattern.ExtendedIso, SpaceSeparated })
        {
            if (pattern.Parse(text) is { Success: true } local)
            {
                instant = InZone(local.Value, zone);
                return true;
            }
        }
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            instant = zone.AtStartOfDay(date.Value).ToInstant();
            return true;
        }
        instant = default;
        return false;
    }

    /// <summary>A local time in <paramref name="zone"/> as an instant (earlier of a repeated time, shifted past a gap).</summary>
    public static Instant InZone(LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
}
