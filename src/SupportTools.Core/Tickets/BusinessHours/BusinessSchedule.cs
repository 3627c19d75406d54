using NodaTime;
using SupportTools.Calls;
using SupportTools.Tickets.BusinessHours;

namespace SupportTools.Tickets;

/// <summary>
/// Business hours in a time zone: weekly wall-clock intervals, holidays (whole local days without business time), and
/// effective-dated versions for schedule changes. Intervals are wall-clock time in the zone: on a spring-forward day an
/// interval that spans the skipped hour is an hour shorter; on a fall-back day the repeated hour counts once. An empty
/// schedule (no hours) and a 24/7 schedule are both valid. Immutable; built by <see cref="TicketService"/>.
/// </summary>
public sealed class BusinessSchedule
{
    private readonly HashSet<LocalDate> _holidays;

    internal BusinessSchedule(string? name, DateTimeZone zone, IReadOnlyList<BusinessScheduleVersion> versions,
        IReadOnlyList<(LocalDate From, LocalDate To)> holidays)
    {
        if (versions.Count == 0) throw new ArgumentException("A schedule has at least one version.", nameof(versions));
        for (var i = 1; i < versions.Count; i++)
            if (versions[i].From is not { } from || versions[i - 1].From is { } previous && from <= previous)
                throw new ArgumentException("Every version after the first needs an effective date later than the one before it.", nameof(versions));
        Name = name;
        Zone = zone;
        Versions = versions;
        HolidayRanges = holidays;
        _holidays = [.. holidays.SelectMany(range => Days(range.From, range.To))];
    }

    internal DateTimeZone Zone { get; }

    internal IReadOnlyList<(LocalDate From, LocalDate To)> HolidayRanges { get; }

    /// <summary>Its name, when it was given one.</summary>
    public string? Name { get; }

    /// <summary>The IANA time zone its hours are wall-clock time in.</summary>
    public string TimeZone => Zone.Id;

    /// <summary>Its versions, oldest first; the first applies to every day before the second's effective date.</summary>
    public IReadOnlyList<BusinessScheduleVersion> Versions { get; }

    /// <summary>The holidays: dates and ranges (both ends included) as yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd.</summary>
    public IReadOnlyList<string> Holidays =>
        [.. HolidayRanges.Select(r => r.From == r.To ? ScheduleText.Format(r.From) : $"{ScheduleText.Format(r.From)}..{ScheduleText.Format(r.To)}")];

    /// <summary>The weekly hours of the latest version.</summary>
    public double WeeklyHours => Versions[^1].WeeklyHours;

    /// <summary>The weekly hours of the latest version as text.</summary>
    public string Hours => Versions[^1].Hours;

    /// <summary>True when <paramref name="date"/> is a holiday.</summary>
    internal bool IsHoliday(LocalDate date) => _holidays.Contains(date);

    /// <summary>The index of the version in force on <paramref name="date"/>.</summary>
    internal int VersionOn(LocalDate date)
    {
        var index = 0;
        for (var i = 1; i < Versions.Count; i++)
            if (Versions[i].From <= date) index = i;
        return index;
    }

    private static IEnumerable<LocalDate> Days(LocalDate from, LocalDate to)
    {
        for (var day = from; day <= to; day = day.PlusDays(1)) yield return day;
    }

    /// <summary>Builds a schedule (see <see cref="TicketService.NewBusinessSchedule"/> for the text forms).</summary>
    internal static BusinessSchedule Create(string? name, string timeZone, IEnumerable<ScheduleVersionText> versions, IEnumerable<string> holidays)
    {
        var zone = CallTimeZone.Resolve(timeZone).Zone;
        var built = versions.Select(v => new BusinessScheduleVersion(
            v.EffectiveFrom is null ? null : ScheduleText.Date(v.EffectiveFrom), WeekPlan.Parse(v.Hours, v.Breaks))).ToList();
        return new BusinessSchedule(name, zone, built, [.. holidays.Select(ScheduleText.DateRange)]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "Business hours"} ({TimeZone}): {Hours}";
}
