namespace SupportTools.Tickets.Generation;

/// <summary>
/// The support desk being simulated: its people and how often each kind of thing happens. Frequencies are what a
/// mid-size B2C desk sees (email-heavy, mostly low/medium priority); times are medians in minutes of log-normal
/// distributions, because human response and wait times are quick mostly and very slow sometimes.
/// </summary>
internal sealed class DeskProfile
{
    public DeskProfile(int ticketCount)
    {
        // A stable agent pool sized to the volume; workload skewed (a few agents carry much of it).
        var agentCount = Math.Clamp(ticketCount / 50, 5, 300);
        Agents = Weighted<long>.Zipf(Enumerable.Range(0, agentCount).Select(i => 9_000L + i * 17).ToArray(), 0.8);
        RequesterCount = Math.Max(10, (int)(ticketCount * 0.7));
    }

    public Weighted<long> Agents { get; }

    /// <summary>Requesters are drawn with a skew so some customers raise several tickets.</summary>
    public int RequesterCount { get; }

    public long DrawRequester(Rng rng) => 500_000 + (long)(RequesterCount * Math.Pow(rng.NextDouble(), 1.6));

    public static readonly Weighted<string> Priorities = new(("Low", 40), ("Medium", 35), ("High", 18), ("Urgent", 7));
    public static readonly Weighted<string> Sources = new(("Email", 45), ("Portal", 25), ("Phone", 14), ("Chat", 11), ("Feedback Widget", 5));
    public static readonly Weighted<string> Groups = new(("Technical Support", 35), ("Billing", 25), ("Shipping", 15), ("Returns", 15), ("Sales", 10));
    public static readonly Weighted<string> IssueTypes = new(("Question", 40), ("Incident", 25), ("Problem", 15), ("Refund", 12), ("Feature Request", 8));
    public static readonly Weighted<string> Tags = new(("refund", 20), ("vip", 8), ("shipping-delay", 18), ("login", 15), ("invoice", 15), ("bug", 12), ("follow-up", 12));
    public static readonly Weighted<string> Products = new(("Web App", 45), ("Mobile App", 30), ("Hardware", 15), ("API", 10));
    /// <summary>What the agent sets after replying (Resolved handled separately).</summary>
    public static readonly Weighted<string> AfterReply = new((TicketStatuses.WaitingOnCustomer, 55), (TicketStatuses.Pending, 30), (TicketStatuses.WaitingOnThirdParty, 15));

    public const double AutoAssignShare = 0.7;
    public const double FirstResponseMedianMinutes = 40, FirstResponseSigma = 1.3;
    public const double FollowUpMedianMinutes = 90, FollowUpSigma = 1.2;
    public const double CustomerReplyMedianMinutes = 120, CustomerReplySigma = 1.3, CustomerReplyShare = 0.75;
    public const double ThirdPartyMedianMinutes = 300, ThirdPartySigma = 1.0;
    public const double CloseAfterResolveMedianMinutes = 48 * 60, CloseSigma = 0.4;
    public const double ReopenShare = 0.14, ReopenMedianMinutes = 150;
    /// <summary>Share of tickets resolved on the first agent reply; later rounds resolve more often.</summary>
    public const double FirstContactResolution = 0.45;
    public const double PrivateNoteShare = 0.2, PropertyChangeShare = 0.25;
}
