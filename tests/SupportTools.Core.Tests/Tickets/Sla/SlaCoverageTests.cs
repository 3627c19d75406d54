using System.Text.Json;
using SupportTools.Tickets;

namespace SupportTools.Core.Tests.Tickets.Sla;

/// <summary>Which goals apply: empty schedules, tickets without a priority, priorities a policy does not cover.</summary>
public sealed class SlaCoverageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private const long Customer = 9;

    private static SlaPolicy Policy(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SlaPolicy.Parse(document.RootElement);
    }

    [Fact]
    public void An_empty_schedule_never_runs_a_business_goal()
    {
        var empty = TicketService.NewBusinessSchedule(null, "UTC", [], [], []);
        var policy = Policy("""{ "priorities": { "Default": { "resolution": "8h" } } }""");
        var row = Assert.Single(TicketService.GetSla([new TicketEvent(1, T0, false, Customer, TicketStatuses.Open, null, Customer)], policy,
            new TicketReportRequest(AsOf: T0.AddHours(100), BusinessHours: empty)));
        Assert.Equal(SlaStatus.Active, row.Status);
        Assert.Equal(0, row.ElapsedHours);
        Assert.Null(row.DueAt); // never reached on a schedule without hours
    }

    [Fact]
    public void Tickets_without_a_priority_use_Default_and_uncovered_priorities_are_warned_about_once()
    {
        var events = new[]
        {
            new TicketEvent(1, T0, false, Customer, TicketStatuses.Open, null, Customer),                 // no priority: Default
            new TicketEvent(2, T0, false, Customer, TicketStatuses.Open, null, Customer, "High"),         // High: resolution only
            new TicketEvent(3, T0, false, Customer, TicketStatuses.Open, null, Customer, "Low"),          // Low: Default
        };
        var reporter = new Recorder();
        var policy = Policy("""{ "basis": "calendar", "priorities": { "Default": { "firstResponse": "2h" }, "High": { "resolution": "8h" } } }""");
        var rows = TicketService.GetSla(events, policy, new TicketReportRequest(AsOf: T0.AddHours(1)), reporter);
        Assert.Equal([(1L, SlaTarget.FirstResponse), (2L, SlaTarget.Resolution), (3L, SlaTarget.FirstResponse)],
            rows.Select(r => (r.TicketId, r.Target)));
        Assert.Empty(reporter.Warnings); // every priority is covered, by its own entry or Default

        var strict = Policy("""{ "basis": "calendar", "priorities": { "High": { "resolution": "8h" } } }""");
        Assert.Single(TicketService.GetSla(events, strict, new TicketReportRequest(AsOf: T0.AddHours(1)), reporter));
        Assert.Contains("(none), Low", Assert.Single(reporter.Warnings));
    }

    private sealed class Recorder : IOperationReporter
    {
        public List<string> Warnings { get; } = [];
        public void Progress(string status, long completed, long? total) { }
        public void Verbose(string message) { }
        public void Warning(string message) => Warnings.Add(message);
    }
}
