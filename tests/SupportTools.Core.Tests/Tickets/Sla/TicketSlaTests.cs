using System.Text.Json;
using SupportTools.Tickets;

namespace SupportTools.Core.Tests.Tickets.Sla;

/// <summary>
/// SLA rules with hand-computed expectations. Times are hours after Monday 2 November 2026 08:00 UTC; the schedule is
/// Mon-Fri 09:00-17:00 Europe/London (on UTC in November). Requester 9, agent 5. Targets modelled on Zendesk's and
/// Freshdesk's SLA policies (first reply / next reply / resolution; pausing on pending and on-hold statuses).
/// </summary>
public sealed class TicketSlaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private const long Customer = 9, Agent = 5;

    private static readonly BusinessSchedule Desk =
        TicketService.NewBusinessSchedule(null, "Europe/London", [("Mon-Fri", "09:00-17:00")], [], []);

    private static DateTimeOffset At(double hours) => T0.AddHours(hours);

    private static TicketEvent Created(string priority = "High") => new(1, T0, false, Customer, TicketStatuses.Open, null, Customer, priority, "Billing");
    private static TicketEvent Status(double hours, string status) => new(1, At(hours), false, Agent, TicketStatuses.Normalize(status), null, null);
    private static TicketEvent Reply(double hours) => new(1, At(hours), false, Agent, null, 0, null);
    private static TicketEvent CustomerReply(double hours) => new(1, At(hours), false, Customer, null, 0, null);
    private static TicketEvent Priority(double hours, string priority) => new(1, At(hours), false, Agent, null, null, null, priority);

    private static SlaPolicy Policy(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SlaPolicy.Parse(document.RootElement);
    }

    private static readonly SlaPolicy Standard = Policy("""
        { "priorities": {
            "Urgent": { "firstResponse": "1h", "resolution": "4h" },
            "High": { "firstResponse": "4h", "nextResponse": "2h", "resolution": "16h" },
            "Low": { "firstResponse": "8h", "resolution": { "time": "48h", "basis": "calendar" } } } }
        """);

    private static IReadOnlyList<TicketSla> Rows(double asOfHours, params TicketEvent[] events) =>
        TicketService.GetSla(events, Standard, new TicketReportRequest(AsOf: At(asOfHours), BusinessHours: Desk));

    private static TicketSla Row(IReadOnlyList<TicketSla> rows, SlaTarget target, int cycle = 1) =>
        Assert.Single(rows, r => r.Target == target && r.Cycle == cycle);

    [Theory]
    // Answered at 10:00: 1 business hour (09:00-10:00) of 4.
    [InlineData(2.0, SlaStatus.Achieved, 1.0, null)]
    // Answered at 14:00 (6 business hours): breached at 13:00.
    [InlineData(6.0, SlaStatus.Breached, 5.0, 5.0)]
    public void First_response_counts_business_time_until_the_reply(double replyAt, SlaStatus status, double elapsed, double? breachedAt)
    {
        var row = Row(Rows(9, Created(), Reply(replyAt)), SlaTarget.FirstResponse);
        Assert.Equal(status, row.Status);
        Assert.Equal(elapsed, row.ElapsedHours, 9);
        Assert.Equal(breachedAt is { } b ? At(b) : null, row.BreachedAt);
        Assert.Equal(At(replyAt), row.CompletedAt);
        Assert.Equal(Math.Max(elapsed - 4, 0), row.OverrunHours, 9);
    }

    [Fact]
    public void An_open_target_is_active_with_a_due_time_that_skips_the_night()
    {
        // Created Monday 08:00, nobody answers; as of 16:00: 7 business hours of 16 for resolution have run.
        var rows = Rows(8, Created());
        var resolution = Row(rows, SlaTarget.Resolution);
        Assert.Equal(SlaStatus.Active, resolution.Status);
        Assert.Equal(7, resolution.ElapsedHours, 9);
        Assert.Equal(9, resolution.RemainingHours, 9);
        // 1 hour left on Monday (16:00-17:00), 8 on Tuesday: due Tuesday 17:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 17, 0, 0, TimeSpan.Zero), resolution.DueAt);
        Assert.Equal(SlaStatus.Breached, Row(rows, SlaTarget.FirstResponse).Status);
    }

    [Theory]
    [InlineData("Pending", SlaStatus.Paused, 2.0)]            // pauses Resolution by default
    [InlineData("Waiting on Customer", SlaStatus.Paused, 2.0)]
    [InlineData("Waiting on Third Party", SlaStatus.Active, 7.0)] // does not pause
    public void Pausing_statuses_stop_the_resolution_clock(string status, SlaStatus expected, double elapsed)
    {
        var row = Row(Rows(8, Created(), Reply(2), Status(3, status)), SlaTarget.Resolution);
        Assert.Equal(expected, row.Status);
        Assert.Equal(elapsed, row.ElapsedHours, 9);
        // A paused target has no due time (it depends on when it resumes); a running one does.
        Assert.Equal(expected == SlaStatus.Paused, row.DueAt is null);
    }

    [Fact]
    public void A_reopen_resumes_resolution_with_the_time_already_counted()
    {
        // Running 09:00-11:00 (2h), resolved 11:00-13:00, reopened 13:00-15:00 (2h): 4 hours, Active as of 15:00.
        var rows = Rows(7, Created(), Reply(1), Status(3, "Resolved"), Status(5, "Open"));
        var row = Row(rows, SlaTarget.Resolution);
        Assert.Equal(SlaStatus.Active, row.Status);
        Assert.Equal(4, row.ElapsedHours, 9);
        Assert.Null(row.CompletedAt);

        var resolved = Row(Rows(7, Created(), Reply(1), Status(3, "Resolved")), SlaTarget.Resolution);
        Assert.Equal(SlaStatus.Achieved, resolved.Status);
        Assert.Equal(At(3), resolved.CompletedAt);
    }

    [Fact]
    public void Each_customer_reply_after_an_agent_reply_starts_a_next_response_cycle()
    {
        // Reply 10:00; customer 11:00 and 11:30 (one cycle); reply 12:00; customer 13:00; reply 16:00 (3h > 2h).
        var rows = Rows(9, Created(), Reply(2), CustomerReply(3), CustomerReply(3.5), Reply(4), CustomerReply(5), Reply(8));
        var first = Row(rows, SlaTarget.NextResponse, 1);
        Assert.Equal(At(3), first.StartedAt);
        Assert.Equal(SlaStatus.Achieved, first.Status);
        Assert.Equal(1, first.ElapsedHours, 9);
        var second = Row(rows, SlaTarget.NextResponse, 2);
        Assert.Equal(SlaStatus.Breached, second.Status);
        Assert.Equal(At(7), second.BreachedAt);
        Assert.Equal(2, rows.Count(r => r.Target == SlaTarget.NextResponse));
    }

    [Fact]
    public void A_customer_reply_before_any_agent_reply_starts_no_cycle() =>
        Assert.DoesNotContain(Rows(9, Created(), CustomerReply(1), Reply(2)), r => r.Target == SlaTarget.NextResponse);

    [Theory]
    // Low (8h) to Urgent (1h) at 11:00, when 2 hours have run: breached at the change.
    [InlineData("Urgent", 3.0, 3.0)]
    // Low (8h) to High (4h) at 10:00 with 1 hour run: breached when 4 hours have run, at 13:00.
    [InlineData("High", 2.0, 5.0)]
    public void A_priority_change_moves_the_goal(string to, double changeAt, double breachedAt)
    {
        var row = Row(Rows(9, Created("Low"), Priority(changeAt, to)), SlaTarget.FirstResponse);
        Assert.Equal("Low", row.Priority);
        Assert.Equal(SlaStatus.Breached, row.Status);
        Assert.Equal(At(breachedAt), row.BreachedAt);
        Assert.Equal(to == "Urgent" ? 1 : 4, row.GoalHours, 9);
    }

    [Fact]
    public void A_calendar_goal_counts_nights_and_weekends()
    {
        // Low's resolution is 48 calendar hours: as of Wednesday 08:00 it has run exactly 48 hours.
        var row = Row(Rows(48, Created("Low")), SlaTarget.Resolution);
        Assert.Equal("Calendar", row.Basis);
        Assert.Equal(48, row.ElapsedHours, 9);
        Assert.Equal(SlaStatus.Breached, row.Status);
        Assert.Equal(At(48), row.BreachedAt);
    }

    [Fact]
    public void Business_goals_without_a_schedule_are_refused() =>
        Assert.Throws<InvalidRequestException>(() => TicketService.GetSla([Created()], Standard, new TicketReportRequest()));

    [Theory]
    [InlineData("""{ "priorities": { "High": { "firstReply": "4h" } } }""", "priorities.High.firstReply")]
    [InlineData("""{ "priorities": { "High": { "firstResponse": "soon" } } }""", "priorities.High.firstResponse")]
    [InlineData("""{ "priorities": { "High": { "firstResponse": -2 } } }""", "priorities.High.firstResponse")]
    [InlineData("""{ "basis": "weekdays", "priorities": {} }""", "basis")]
    [InlineData("""{ "pause": { "resolution": 3 }, "priorities": {} }""", "pause.resolution")]
    [InlineData("""{ "name": "no goals" }""", "priorities")]
    public void A_malformed_policy_names_the_field(string json, string field) =>
        Assert.Equal(field, Assert.Throws<InputFormatException>(() => Policy(json)).Field);

    [Theory]
    [InlineData("90m", 1.5)]
    [InlineData("4h", 4)]
    [InlineData("1h30m", 1.5)]
    [InlineData("1.5h", 1.5)]
    [InlineData("08:00:00", 8)]
    [InlineData("1.00:00:00", 24)]
    public void Goal_texts(string text, double hours) => Assert.Equal(TimeSpan.FromHours(hours), SlaPolicy.ParseTime(text));
}
