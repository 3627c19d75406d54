using SupportTools.Tickets;

namespace SupportTools.Core.Tests.Tickets.BusinessHours;

/// <summary>
/// The business-time companions of the durations. Monday 2 November 2026 (London on UTC); requester 9, agent 5.
/// </summary>
public sealed class BusinessDurationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static TicketEvent E(double hours, string? status = null, int? note = null, long by = 5, long? requester = null, string? priority = null) =>
        new(1, Monday.AddHours(hours), false, by, status is null ? null : TicketStatuses.Normalize(status), note, requester, priority);

    private static readonly BusinessSchedule Desk =
        TicketService.NewBusinessSchedule(null, "Europe/London", [("Mon-Fri", "09:00-17:00")], [], []);

    [Fact]
    public void Each_status_interval_counts_only_inside_the_schedule()
    {
        // Open Mon 08:00-12:00 (3 h business), Pending 12:00-Tue 10:00 (5 + 1), Waiting on Customer to Tue 20:00 (7),
        // Open again to Wed 09:30 (0.5), Resolved then.
        var d = Assert.Single(TicketService.GetDurations(
            [E(8, "Open", by: 9, requester: 9, priority: "Medium"), E(10, note: 0), E(12, "Pending"), E(34, "Waiting on Customer"), E(44, "Open"), E(57.5, "Resolved")],
            new TicketReportRequest(BusinessHours: Desk)));
        Assert.Equal(3 + 0.5, d.OpenBusinessHours!.Value, 9);
        Assert.Equal(6, d.PendingBusinessHours!.Value, 9);
        Assert.Equal(7, d.WaitingOnCustomerBusinessHours!.Value, 9);
        Assert.Equal(0, d.WaitingOnThirdPartyBusinessHours!.Value, 9);
        Assert.Equal(1, d.FirstResponseBusinessHours!.Value, 9);
        Assert.Equal(3 + 6 + 7 + 0.5, d.ResolutionBusinessHours!.Value, 9);
        Assert.Equal(49.5, d.TimeToResolutionHours!.Value, 9);
        Assert.Equal("Medium", d.Priority);
    }

    [Theory]
    [InlineData("{\"priority\":2,\"group\":\"Billing\"}", "Medium", "Billing")]   // Freshdesk's API numbers 1-4
    [InlineData("{\"priority\":\"urgent\"}", "Urgent", null)]
    [InlineData("{\"priority\":\"P1 - Critical\"}", "P1 - Critical", null)]     // a custom priority as given
    [InlineData("{\"status\":\"Open\"}", null, null)]
    public void Priority_and_group_are_read_from_the_activity(string json, string? priority, string? group)
    {
        var e = TicketEvent.From(TicketActivityJson.Create(1, Monday, "user", 5, json));
        Assert.Equal(priority, e.Priority);
        Assert.Equal(group, e.Group);
    }

    [Fact]
    public void Without_a_schedule_the_companions_are_null()
    {
        var d = Assert.Single(TicketService.GetDurations([E(8, "Open"), E(10, "Resolved")], new TicketReportRequest()));
        Assert.Null(d.OpenBusinessHours);
        Assert.Null(d.ResolutionBusinessHours);
        Assert.Equal(2, d.OpenHours, 9);
    }

    [Theory]
    [InlineData(ScheduleMode.AtEvent, 2 * 24)]      // the span ends after the change to 24x7: measured 24x7 throughout
    [InlineData(ScheduleMode.Cumulative, 8 + 24)]   // Monday by office hours, Tuesday around the clock
    public void A_span_across_a_schedule_change_follows_the_mode(ScheduleMode mode, double expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"modes-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "timeZone": "Europe/London", "versions": [ { "hours": { "Mon-Fri": "09:00-17:00" } },
                                                        { "effectiveFrom": "2026-11-03", "hours": "24x7" } ] }
            """);
        try
        {
            var schedule = TicketService.ImportBusinessSchedule(path);
            var d = Assert.Single(TicketService.GetDurations([E(0, "Open"), E(48, "Resolved")], new TicketReportRequest(BusinessHours: schedule, ScheduleMode: mode)));
            Assert.Equal(expected, d.OpenBusinessHours!.Value, 9);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
