namespace SupportTools.Tickets;

/// <summary>
/// Business hours in a time zone: weekly wall-clock intervals, holidays (whole local days without business time), and
/// effective-dated versions for schedule changes. Intervals are wall-clock time in the zone: on a spring-forward day an
/// interval that spans the skipped hour is an hour shorter; on a fall-back day the repeated hour counts once. An empty
/// schedule (no hours) and a 24/7 schedule are both valid. Immutable; built by <c>TicketService</c> in SupportTools.Core,
/// which keeps the compiled form (time zone rules) in <see cref="Rules"/>.
/// </summary>
public sealed class BusinessSchedule
{
    internal BusinessSchedule(string? name, string timeZone, IReadOnlyList<BusinessScheduleVersion> versions,
        IReadOnlyList<string> holidays, object rules)
    {
        Name = name;
        TimeZone = timeZone;
        Versions = versions;
        Holidays = holidays;
        Rules = rules;
    }

    /// <summary>
    /// Core's compiled form of this schedule. Typed <see cref="object"/> so this assembly needs no time-zone package:
    /// it loads into PowerShell's default context, Core and its packages into the module's own (README, "Dependencies
    /// are isolated").
    /// </summary>
    internal object Rules { get; }

    /// <summary>Its name, when it was given one.</summary>
    public string? Name { get; }

    /// <summary>The IANA time zone its hours are wall-clock time in.</summary>
    public string TimeZone { get; }

    /// <summary>Its versions, oldest first; the first applies to every day before the second's effective date.</summary>
    public IReadOnlyList<BusinessScheduleVersion> Versions { get; }

    /// <summary>The holidays: dates and ranges (both ends included) as yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd.</summary>
    public IReadOnlyList<string> Holidays { get; }

    /// <summary>The weekly hours of the latest version.</summary>
    public double WeeklyHours => Versions[^1].WeeklyHours;

    /// <summary>The weekly hours of the latest version as text.</summary>
    public string Hours => Versions[^1].Hours;

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "Business hours"} ({TimeZone}): {Hours}";
}
