using NodaTime;
using SupportTools.Tickets.BusinessHours;

namespace SupportTools.Tickets;

/// <summary>One version of a <see cref="BusinessSchedule"/>: the weekly hours in force from a local date on.</summary>
public sealed class BusinessScheduleVersion
{
    internal BusinessScheduleVersion(LocalDate? effectiveFrom, WeekPlan plan)
    {
        From = effectiveFrom;
        Plan = plan;
    }

    internal LocalDate? From { get; }

    internal WeekPlan Plan { get; }

    /// <summary>The first local day (in the schedule's zone) it is in force; null for the first version (always before the next).</summary>
    public DateTime? EffectiveFrom => From?.ToDateTimeUnspecified();

    /// <summary>Its business hours in a week without holidays or clock changes.</summary>
    public double WeeklyHours => Plan.WeeklyTime.TotalHours;

    /// <summary>The weekly hours as text, e.g. <c>Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00</c>.</summary>
    public string Hours => Plan.ToString();

    /// <inheritdoc />
    public override string ToString() => From is { } from ? $"from {ScheduleText.Format(from)}: {Hours}" : Hours;
}
