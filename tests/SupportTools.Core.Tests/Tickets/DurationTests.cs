using SupportTools.Tickets;

namespace SupportTools.Tests;

/// <summary>Every duration rule of the SPEC with hand-computed expectations. Times are minutes after 10:00 UTC.</summary>
public class DurationTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private const long Requester = 500, Agent = 900;

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);
    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    private static TicketEvent Status(double minute, string status, long? by = Agent, bool system = false) =>
        new(1, At(minute), system, by, TicketStatuses.Normalize(status), null, null);
    private static TicketEvent Note(double minute, int type, long? by, bool system = false) =>
        new(1, At(minute), system, by, null, type, null);
    private static TicketEvent Created(double minute = 0, string? status = TicketStatuses.Open) =>
        new(1, At(minute), false, Requester, status, null, Requester);
    private static TicketEvent Other(double minute) => new(1, At(minute), false, Agent, null, null, null);

    private static TicketDuration One(DateTimeOffset asOf, params TicketEvent[] events) =>
        Assert.Single(TicketDurationCalculator.FromOrdered(events, asOf));

    [Fact]
    public void Simple_workflow_attributes_each_interval_and_stops_at_resolution()
    {
        var d = One(At(500), Created(), Note(30, 0, Agent), Status(31, "Pending"), Status(91, "Open"),
            Status(100, "Waiting on Customer"), Status(160, "Waiting on Third Party"), Status(200, "Resolved"), Status(260, "Closed"));
        Assert.Equal(T0, d.CreatedAt);
        Assert.Equal(Min(31 + 9), d.OpenTime);
        Assert.Equal(Min(60), d.PendingTime);
        Assert.Equal(Min(60), d.WaitingOnCustomerTime);
        Assert.Equal(Min(40), d.WaitingOnThirdPartyTime);
        Assert.Equal(Min(30), d.TimeToFirstResponse);
        Assert.Equal(Min(200), d.TimeToResolution);
        Assert.Equal(At(200), d.ResolvedAt);
        Assert.Equal("Closed", d.Status);
        Assert.Equal(0, d.Reopens);
        Assert.Equal(8, d.ActivityCount);
    }

    [Fact]
    public void Reopen_counts_time_after_it_and_keeps_the_first_resolution()
    {
        var d = One(At(400), Created(), Status(60, "Resolved"), Status(120, "Open"), Status(150, "Resolved"), Status(170, "Closed"));
        Assert.Equal(1, d.Reopens);
        Assert.Equal(Min(60 + 30), d.OpenTime);
        Assert.Equal(Min(60), d.TimeToResolution);
        Assert.Equal("Closed", d.Status);
    }

    [Fact]
    public void Reopen_from_closed_counts_and_resolved_to_closed_does_not()
    {
        var d = One(At(400), Created(), Status(10, "Resolved"), Status(20, "Closed"), Status(30, "Pending"), Status(40, "Closed"));
        Assert.Equal(1, d.Reopens);
        Assert.Equal(Min(10), d.PendingTime);
        Assert.Equal(Min(10), d.OpenTime);
    }

    [Fact]
    public void Unresolved_ticket_runs_its_last_interval_to_AsOf()
    {
        var events = new[] { Created(), Status(30, "Waiting on Customer"), Other(45) };
        var d = One(At(100), events);
        Assert.Equal(Min(30), d.OpenTime);
        Assert.Equal(Min(70), d.WaitingOnCustomerTime);
        Assert.Null(d.TimeToResolution);
        Assert.Null(d.ResolvedAt);
        Assert.Equal("Waiting on Customer", d.Status);
    }

    [Fact]
    public void Default_AsOf_is_the_latest_activity_in_the_data_examined()
    {
        var ticket1 = new[] { Created(), Status(30, "Pending") };
        var ticket2 = new TicketEvent(2, At(90), false, Requester, TicketStatuses.Open, null, Requester);
        var results = TicketDurationCalculator.FromUnordered([.. ticket1, ticket2], asOf: null);
        Assert.Equal(Min(60), results[0].PendingTime); // runs to 90, the other ticket's activity
        Assert.Equal(TimeSpan.Zero, results[1].OpenTime);
    }

    [Fact]
    public void Closed_without_resolved_resolves_at_the_close()
    {
        var d = One(At(100), Created(), Status(45, "Closed"));
        Assert.Equal(Min(45), d.TimeToResolution);
        Assert.Equal(Min(45), d.OpenTime);
        Assert.Equal(At(45), d.ResolvedAt);
    }

    [Fact]
    public void Ties_keep_input_order()
    {
        // Pending then Open at the same second: Open is current and gets the time after it.
        var d = One(At(60), Created(), Status(10, "Pending"), Status(10, "Open"));
        Assert.Equal("Open", d.Status);
        Assert.Equal(TimeSpan.Zero, d.PendingTime);
        Assert.Equal(Min(60), d.OpenTime);
        var shuffled = TicketDurationCalculator.FromUnordered([Status(10, "Pending"), Created(), Status(10, "Open")], At(60)).Single();
        Assert.Equal("Open", shuffled.Status);
    }

    [Fact]
    public void Requester_notes_private_notes_and_status_changes_are_not_responses()
    {
        var d = One(At(100), Created(), Note(5, 0, Requester), Note(10, 3, Agent), Status(15, "Pending"), Note(20, 4, Agent));
        Assert.Equal(Min(20), d.TimeToFirstResponse);
    }

    [Fact]
    public void Requester_named_by_requester_id_later_is_tracked()
    {
        var created = new TicketEvent(1, T0, false, 77, TicketStatuses.Open, null, null);
        var named = new TicketEvent(1, At(1), false, Agent, null, null, 600); // agent sets requester 600
        var d = One(At(100), created, named, Note(5, 0, 600), Note(8, 0, Agent));
        Assert.Equal(Min(8), d.TimeToFirstResponse);
    }

    [Fact]
    public void System_performers_and_automations_are_not_responses()
    {
        var d = One(At(100), Created(), Note(5, 0, null, system: true), Note(6, 4, Agent, system: true), Note(9, 5, Agent));
        Assert.Equal(Min(9), d.TimeToFirstResponse);
    }

    [Fact]
    public void A_ticket_with_no_response_has_null_first_response()
    {
        var d = One(At(100), Created(), Status(5, "Resolved"));
        Assert.Null(d.TimeToFirstResponse);
    }

    [Fact]
    public void The_first_activity_itself_is_never_the_response()
    {
        var d = One(At(100), new TicketEvent(1, T0, false, Agent, TicketStatuses.Open, 0, null), Note(7, 0, Agent));
        Assert.Equal(Min(7), d.TimeToFirstResponse);
    }

    [Fact]
    public void Other_spellings_map_to_canonical_statuses_and_custom_statuses_count_nowhere()
    {
        var d = One(At(100), Created(), Status(10, "waiting for customer"), Status(30, "On Hold"), Status(50, "WAITING FOR THIRD PARTY"));
        Assert.Equal(Min(10), d.OpenTime);
        Assert.Equal(Min(20), d.WaitingOnCustomerTime);
        Assert.Equal(Min(50), d.WaitingOnThirdPartyTime);
        Assert.Equal(TimeSpan.Zero, d.PendingTime);
        Assert.Equal("Waiting on Third Party", d.Status);
        var custom = One(At(100), Created(), Status(10, " On Hold "));
        Assert.Equal("On Hold", custom.Status);
        Assert.Equal(Min(10), custom.OpenTime);
    }

    [Fact]
    public void Time_before_the_first_status_change_is_not_attributed()
    {
        var d = One(At(100), Created(status: null), Note(20, 0, Agent), Status(40, "Pending"));
        Assert.Equal(TimeSpan.Zero, d.OpenTime);
        Assert.Equal(Min(60), d.PendingTime);
        Assert.Equal(T0, d.CreatedAt);
        var none = One(At(100), Created(status: null), Note(20, 0, Agent));
        Assert.Null(none.Status);
        Assert.Equal(TimeSpan.Zero, none.OpenTime + none.PendingTime + none.WaitingOnCustomerTime + none.WaitingOnThirdPartyTime);
    }

    [Fact]
    public void Repeating_the_current_status_does_not_double_count()
    {
        var d = One(At(100), Created(), Status(30, "Open"), Status(60, "Open"));
        Assert.Equal(Min(100), d.OpenTime);
    }

    [Fact]
    public void Activities_after_AsOf_are_not_examined()
    {
        var d = One(At(50), Created(), Status(30, "Pending"), Status(80, "Resolved"));
        Assert.Equal(Min(20), d.PendingTime);
        Assert.Null(d.TimeToResolution);
        Assert.Equal(2, d.ActivityCount);
        Assert.Empty(TicketDurationCalculator.FromOrdered([Created(60)], At(50)));
    }

    [Fact]
    public void Unordered_input_gives_the_same_results_as_ordered_input()
    {
        var events = Enumerable.Range(1, 40).SelectMany(t => new[]
        {
            new TicketEvent(t, At(t), false, Requester, TicketStatuses.Open, null, Requester),
            new TicketEvent(t, At(t + 30), false, Agent, null, 0, null),
            new TicketEvent(t, At(t + 31), false, Agent, t % 3 == 0 ? TicketStatuses.Resolved : TicketStatuses.Pending, null, null),
        }).ToList();
        var shuffled = events.OrderBy(e => (e.TicketId * 7919 + e.PerformedAt.Minute) % 101).ToList();
        var expected = TicketDurationCalculator.FromOrdered(events, At(200)).ToList();
        var actual = TicketDurationCalculator.FromUnordered(shuffled, At(200));
        Assert.Equal(40, actual.Count);
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    [Fact]
    public void Facts_read_from_activity_json_drive_the_same_rules()
    {
        var activities = new[]
        {
            TicketActivityJson.Create(5, T0, "user", Requester, """{"new_ticket":true,"status":"Open","requester":500}"""),
            TicketActivityJson.Create(5, At(3), "system", null, """{"automation":{"type":"Ticket Creation","rule":"x"},"note":{"id":1,"type":4}}"""),
            TicketActivityJson.Create(5, At(4), "user", Agent, """{"automation":{"type":"Ticket Update","rule":"y"},"note":{"id":2,"type":0}}"""),
            TicketActivityJson.Create(5, At(5), "user", Requester, """{"note":{"id":3,"type":0}}"""),
            TicketActivityJson.Create(5, At(12), "user", Agent, """{"note":{"id":4,"type":0}}"""),
            TicketActivityJson.Create(5, At(13), "user", Agent, """{"status":"Waiting for Customer"}"""),
        };
        var d = TicketDurationCalculator.FromUnordered(activities.Select(TicketEvent.From), At(20)).Single();
        Assert.Equal(Min(12), d.TimeToFirstResponse);
        Assert.Equal(Min(13), d.OpenTime);
        Assert.Equal(Min(7), d.WaitingOnCustomerTime);
        Assert.Equal("Waiting on Customer", d.Status);
    }

    [Fact]
    public void Ordered_input_that_goes_back_in_time_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TicketDurationCalculator.FromOrdered([Created(10), Status(5, "Pending")], At(60)).ToList());
        Assert.Contains("Ticket 1", error.Message);
    }

    private static string Describe(TicketDuration d) =>
        $"{d.TicketId} {d.CreatedAt:O} {d.Status} {d.OpenTime} {d.PendingTime} {d.TimeToFirstResponse} {d.TimeToResolution} {d.Reopens} {d.ActivityCount}";
}
