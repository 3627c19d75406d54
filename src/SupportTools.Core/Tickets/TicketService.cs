using SupportTools.Calls;
using SupportTools.Tickets.BusinessHours;
using SupportTools.Tickets.Sla;

namespace SupportTools.Tickets;

/// <summary>
/// The ticket capability's use cases, for the cmdlets, the tests and the bench alike (as <c>CallService</c> is for
/// calls): imports into a <see cref="TicketStore"/>, business schedules, durations (calendar and business time) and SLA
/// reports, from the store or from piped activities.
/// </summary>
public static class TicketService
{
    /// <summary>Imports a Freshdesk export file in one transaction; see <see cref="TicketStore.ImportFile"/>.</summary>
    public static ImportSummary ImportFile(TicketStore store, string path, IOperationReporter? reporter = null, CancellationToken cancellationToken = default) =>
        store.ImportFile(path, reporter, cancellationToken);

    /// <summary>Starts one transaction for activities that arrive one at a time (a pipeline run); commit it, or dispose to roll back.</summary>
    public static TicketImportBatch BeginImport(TicketStore store, IOperationReporter? reporter = null) => store.BeginImport(null, reporter);

    /// <summary>
    /// A schedule of one version. <paramref name="hours"/> and <paramref name="breaks"/> are (weekdays, interval) pairs,
    /// e.g. ("Mon-Fri", "09:00-17:00"); an interval ending before it starts runs overnight into the next day.
    /// Holidays are dates (yyyy-MM-dd) or ranges (yyyy-MM-dd..yyyy-MM-dd). Bad text is an <see cref="InvalidRequestException"/>
    /// saying which value and why; an unknown zone an <see cref="UnknownTimeZoneException"/>.
    /// </summary>
    public static BusinessSchedule NewBusinessSchedule(string? name, string timeZone, IReadOnlyList<(string Days, string Interval)> hours,
        IReadOnlyList<(string Days, string Interval)> breaks, IEnumerable<string> holidays)
    {
        try
        {
            return ScheduleRules.Create(name, timeZone, [new ScheduleVersionText(null, hours, breaks)], holidays);
        }
        catch (FormatException exception)
        {
            throw new InvalidRequestException(exception.Message, inner: exception);
        }
    }

    /// <summary>True for the texts that mean every hour of the week ("24x7", "24/7", "always").</summary>
    public static bool IsAllWeek(string text) => BusinessScheduleFile.IsAllWeek(text);

    /// <summary>Reads a schedule file (format: see the README and <c>Get-Help Import-BusinessSchedule</c>).</summary>
    public static BusinessSchedule ImportBusinessSchedule(string path) => BusinessScheduleFile.Read(path);

    /// <summary>
    /// Business time between two moments on <paramref name="schedule"/> (for scripts and tests): each day by the version
    /// in force that day (<see cref="ScheduleMode.Cumulative"/>), or by the one in force at <paramref name="end"/>.
    /// </summary>
    public static TimeSpan MeasureBusinessTime(BusinessSchedule schedule, DateTimeOffset start, DateTimeOffset end, ScheduleMode mode = ScheduleMode.Cumulative) =>
        new BusinessClock(schedule).Between(start, end, mode);

    /// <summary>The moment <paramref name="amount"/> of business time after <paramref name="start"/>; null when the schedule never gets there.</summary>
    public static DateTimeOffset? AddBusinessTime(BusinessSchedule schedule, DateTimeOffset start, TimeSpan amount) =>
        new BusinessClock(schedule).Add(start, amount);

    /// <summary>Durations from the store, one per ticket in ticket order; streams as consumed.</summary>
    public static IEnumerable<TicketDuration> GetDurations(TicketStore store, TicketReportRequest request, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default) =>
        TicketDurationCalculator.FromStore(store, request.TicketIds, request.AsOf, request.BusinessHours, request.ScheduleMode, reporter, cancellationToken);

    /// <summary>Durations of piped events (any order), ordered by ticket id.</summary>
    public static IReadOnlyList<TicketDuration> GetDurations(IEnumerable<TicketEvent> events, TicketReportRequest request) =>
        TicketDurationCalculator.FromUnordered(events, request.AsOf, request.BusinessHours, request.ScheduleMode);

    /// <summary>
    /// SLA rows from the store, per ticket in ticket order (FirstResponse, Resolution, then NextResponse cycles, in the
    /// order they started); as of <see cref="TicketReportRequest.AsOf"/> or the latest activity. Business-time goals use
    /// <see cref="TicketReportRequest.BusinessHours"/>, else the policy's own schedule.
    /// </summary>
    public static IEnumerable<TicketSla> GetSla(TicketStore store, SlaPolicy policy, TicketReportRequest request, IOperationReporter? reporter = null,
        CancellationToken cancellationToken = default)
    {
        reporter ??= NullReporter.Instance;
        var schedule = ScheduleFor(policy, request);
        var at = request.AsOf ?? store.LatestPerformedAt(request.TicketIds);
        if (at is null)
        {
            reporter.Verbose("The store holds no activity for the tickets asked for.");
            return [];
        }
        reporter.Verbose($"Computing SLAs as of {at:O}{(schedule is null ? "" : $" on business hours {schedule}")}.");
        return TicketSlaCalculator.FromOrdered(store.GetEventsWithProperties(request.TicketIds, cancellationToken), at.Value, policy, schedule,
            reporter, cancellationToken);
    }

    /// <summary>SLA rows of piped events (any order), ordered by ticket id.</summary>
    public static IReadOnlyList<TicketSla> GetSla(IEnumerable<TicketEvent> events, SlaPolicy policy, TicketReportRequest request,
        IOperationReporter? reporter = null)
    {
        var schedule = ScheduleFor(policy, request);
        var list = events.ToList();
        if (list.Count == 0) return [];
        var at = request.AsOf ?? list.Max(e => e.PerformedAt);
        var ordered = list.OrderBy(e => e.TicketId).ThenBy(e => e.PerformedAt); // stable: ties keep input order
        return TicketSlaCalculator.FromOrdered(ordered, at, policy, schedule, reporter ?? NullReporter.Instance, CancellationToken.None).ToList();
    }

    private static BusinessSchedule? ScheduleFor(SlaPolicy policy, TicketReportRequest request)
    {
        var schedule = request.BusinessHours ?? policy.BusinessHours;
        if (schedule is null && policy.UsesBusinessHours)
            throw new InvalidRequestException("The policy counts some goals in business hours but no schedule was given: pass -BusinessHours " +
                "(New-BusinessSchedule or Import-BusinessSchedule), add 'businessHours' to the policy, or set its 'basis' to 'calendar'.");
        return schedule;
    }
}
