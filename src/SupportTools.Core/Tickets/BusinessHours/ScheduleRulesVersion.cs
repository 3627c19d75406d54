using NodaTime;

namespace SupportTools.Tickets.BusinessHours;

/// <summary>One version of <see cref="ScheduleRules"/>: the week plan in force from a local date on.</summary>
internal sealed class ScheduleRulesVersion(LocalDate? effectiveFrom, WeekPlan plan)
{
    /// <summary>The first local day it is in force; null for the first version.</summary>
    internal LocalDate? From { get; } = effectiveFrom;

    internal WeekPlan Plan { get; } = plan;
}
