namespace SupportTools.Tickets;

/// <summary>One version of a <see cref="BusinessSchedule"/>: the weekly hours in force from a local date on.</summary>
public sealed class BusinessScheduleVersion
{
    internal BusinessScheduleVersion(DateTime? effectiveFrom, double weeklyHours, string hours)
    {
        EffectiveFrom = effectiveFrom;
        WeeklyHours = weeklyHours;
        Hours = hours;
    }

    /// <summary>The first local day (in the schedule's zone) it is in force; null for the first version (always before the next).</summary>
    public DateTime? EffectiveFrom { get; }

    /// <summary>Its business hours in a week without holidays or clock changes.</summary>
    public double WeeklyHours { get; }

    /// <summary>The weekly hours as text, e.g. <c>Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00</c>.</summary>
    public string Hours { get; }

    /// <inheritdoc />
    public override string ToString() =>
        EffectiveFrom is { } from ? $"from {from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {Hours}" : Hours;
}
