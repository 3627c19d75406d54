using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>
/// First response when an activity both names the requester and carries a note: the requester it names is applied
/// first, and the note counts unless its performer is that requester (or a system actor). Times are minutes after T0.
/// </summary>
public class FirstResponseTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private const long Customer = 500, Agent = 900, OtherCustomer = 600;

    private static TicketEvent Event(double minute, long? by, int? noteType = null, long? requester = null, bool system = false) =>
        new(1, T0.AddMinutes(minute), system, by, null, noteType, requester);

    private static TimeSpan? FirstResponse(params TicketEvent[] events) =>
        Assert.Single(TicketDurationCalculator.FromOrdered(events, T0.AddMinutes(1000))).TimeToFirstResponse;

    [Fact]
    public void An_agent_setting_the_requester_and_writing_a_public_note_in_one_activity_is_the_response()
    {
        // Created by the customer at 0; at 12 an agent names another requester and replies publicly in the same activity.
        Assert.Equal(TimeSpan.FromMinutes(12), FirstResponse(
            Event(0, Customer, requester: Customer), Event(12, Agent, noteType: 0, requester: OtherCustomer), Event(30, Agent, noteType: 0)));
    }

    [Fact]
    public void An_agent_confirming_the_same_requester_with_a_reply_is_the_response()
    {
        Assert.Equal(TimeSpan.FromMinutes(7), FirstResponse(
            Event(0, Customer, requester: Customer), Event(7, Agent, noteType: 4, requester: Customer)));
    }

    [Fact]
    public void The_requester_named_by_the_same_activity_is_not_responding_to_themselves()
    {
        // At 5 the activity names 600 as requester and 600 writes: not a response; the agent's note at 40 is.
        Assert.Equal(TimeSpan.FromMinutes(40), FirstResponse(
            Event(0, Agent, requester: Customer), Event(5, OtherCustomer, noteType: 0, requester: OtherCustomer), Event(40, Agent, noteType: 0)));
    }

    [Fact]
    public void Private_notes_and_system_actors_naming_a_requester_are_not_responses()
    {
        Assert.Equal(TimeSpan.FromMinutes(50), FirstResponse(
            Event(0, Customer, requester: Customer),
            Event(10, Agent, noteType: 3, requester: OtherCustomer),
            Event(20, null, noteType: 0, requester: OtherCustomer, system: true),
            Event(50, Agent, noteType: 5)));
    }

    [Fact]
    public void A_note_without_performer_counts_only_while_no_requester_is_known()
    {
        Assert.Null(FirstResponse(Event(0, null), Event(3, null, noteType: 0, requester: Customer)));
        Assert.Equal(TimeSpan.FromMinutes(3), FirstResponse(Event(0, null), Event(3, null, noteType: 0)));
    }
}
