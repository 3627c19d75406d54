namespace SupportTools.Tickets;

/// <summary>
/// One version of a business schedule as text, before it is checked: the first local day it is in force (yyyy-MM-dd;
/// null for the first version), the hours and the breaks as (weekdays, interval) pairs such as ("Mon-Fri", "09:00-17:00").
/// </summary>
/// <param name="EffectiveFrom">yyyy-MM-dd, or null for the first version.</param>
/// <param name="Hours">(weekdays, interval) pairs; an interval ending before it starts runs overnight.</param>
/// <param name="Breaks">(weekdays, interval) pairs taken out of the hours.</param>
internal sealed record ScheduleVersionText(string? EffectiveFrom, IReadOnlyList<(string Days, string Interval)> Hours,
    IReadOnlyList<(string Days, string Interval)> Breaks);
