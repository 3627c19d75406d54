using NodaTime;
using SupportTools.Calls;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>
/// The compiled form of a <see cref="BusinessSchedule"/>: its zone's rules, local dates and week plans (NodaTime). The
/// public schedule carries it as an opaque object, because the public type lives in SupportTools.Model, which loads
/// into PowerShell's default context and must not need NodaTime.
/// </summary>
internal sealed class ScheduleRules
{
    private readonly HashSet<LocalDate> _holidays;

    internal ScheduleRules(DateTimeZone zone, IReadOnlyList<ScheduleRulesVersion> versions, IReadOnlyList<(LocalDate From, LocalDate To)> holidays)
    {
        if (versions.Count == 0) throw new ArgumentException("A schedule has at least one version.", nameof(versions));
        for (var i = 1; i < versions.Count; i++)
            if (versions[i].From is not { } from || versions[i - 1].From is { } previous && from <= previous)
                throw new ArgumentException("Every version after the first needs an effective date later than the one before it.", nameof(versions));
        Zone = zone;
        Versions = versions;
        HolidayRanges = holidays;
        _holidays = [.. holidays.SelectMany(range => Days(range.From, range.To))];
    }

    internal DateTimeZone Zone { get; }

    internal IReadOnlyList<ScheduleRulesVersion> Versions { get; }

    internal IReadOnlyList<(LocalDate From, LocalDate To)> HolidayRanges { get; }

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

    /// <summary>The rules a schedule was built with (every schedule is built here, so the cast holds).</summary>
    internal static ScheduleRules Of(BusinessSchedule schedule) => (ScheduleRules)schedule.Rules;

    /// <summary>The public schedule for these rules.</summary>
    /// <remarks>Arrays, not collection expressions: PowerShell indexes an array (<c>$s.Versions[0]</c>), but not the read-only
    /// wrapper a collection expression makes for an <see cref="IReadOnlyList{T}"/>.</remarks>
    internal BusinessSchedule ToSchedule(string? name) => new(name, Zone.Id,
        Versions.Select(v => new BusinessScheduleVersion(v.From?.ToDateTimeUnspecified(), v.Plan.WeeklyTime.TotalHours, v.Plan.ToString())).ToArray(),
        HolidayRanges.Select(r => r.From == r.To ? ScheduleText.Format(r.From) : $"{ScheduleText.Format(r.From)}..{ScheduleText.Format(r.To)}").ToArray(),
        this);

    /// <summary>Builds a schedule (see <see cref="TicketService.NewBusinessSchedule"/> for the text forms).</summary>
    internal static BusinessSchedule Create(string? name, string timeZone, IEnumerable<ScheduleVersionText> versions, IEnumerable<string> holidays)
    {
        var zone = CallTimeZone.Resolve(timeZone).Zone;
        var built = versions.Select(v => new ScheduleRulesVersion(
            v.EffectiveFrom is null ? null : ScheduleText.Date(v.EffectiveFrom), WeekPlan.Parse(v.Hours, v.Breaks))).ToList();
        return new ScheduleRules(zone, built, [.. holidays.Select(ScheduleText.DateRange)]).ToSchedule(name);
    }
}
