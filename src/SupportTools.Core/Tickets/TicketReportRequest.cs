namespace SupportTools.Tickets;

/// <summary>What a duration or SLA report covers.</summary>
/// <param name="TicketIds">Only these tickets (store reports); null for all.</param>
/// <param name="AsOf">The moment the report is taken at; null for the latest activity examined.</param>
/// <param name="BusinessHours">The schedule business time is counted on; null for calendar time only.</param>
/// <param name="ScheduleMode">Which schedule version measures a span that crosses a schedule change (durations).</param>
public sealed record TicketReportRequest(IReadOnlyCollection<long>? TicketIds = null, DateTimeOffset? AsOf = null,
    BusinessSchedule? BusinessHours = null, ScheduleMode ScheduleMode = ScheduleMode.AtEvent);
