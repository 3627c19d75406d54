namespace SupportTools.Tickets;

/// <summary>Time a ticket spent in each status, and its response and resolution times. See <c>TicketTimeline</c> (SupportTools.Core) for the rules.</summary>
public sealed class TicketDuration
{
    internal TicketDuration(long ticketId, DateTimeOffset createdAt, string? status, TimeSpan openTime, TimeSpan pendingTime,
        TimeSpan waitingOnCustomerTime, TimeSpan waitingOnThirdPartyTime, TimeSpan? timeToFirstResponse,
        TimeSpan? timeToResolution, int reopens, int activityCount, string? priority = null, string? group = null,
        BusinessTimes? business = null)
    {
        Priority = priority;
        Group = group;
        OpenBusinessHours = business?.Open.TotalHours;
        PendingBusinessHours = business?.Pending.TotalHours;
        WaitingOnCustomerBusinessHours = business?.WaitingOnCustomer.TotalHours;
        WaitingOnThirdPartyBusinessHours = business?.WaitingOnThirdParty.TotalHours;
        FirstResponseBusinessHours = business?.FirstResponse?.TotalHours;
        ResolutionBusinessHours = business?.Resolution?.TotalHours;
        TicketId = ticketId;
        CreatedAt = createdAt;
        Status = status;
        OpenTime = openTime;
        PendingTime = pendingTime;
        WaitingOnCustomerTime = waitingOnCustomerTime;
        WaitingOnThirdPartyTime = waitingOnThirdPartyTime;
        TimeToFirstResponse = timeToFirstResponse;
        TimeToResolution = timeToResolution;
        ResolvedAt = createdAt + timeToResolution;
        Reopens = reopens;
        ActivityCount = activityCount;
    }

    /// <summary>The ticket.</summary>
    public long TicketId { get; }
    /// <summary>Its first activity.</summary>
    public DateTimeOffset CreatedAt { get; }
    /// <summary>Its current status (canonical name), or null when no status was ever set.</summary>
    public string? Status { get; }
    /// <summary>Its latest priority (Low, Medium, High, Urgent, or a custom one as given); null when never set.</summary>
    public string? Priority { get; }
    /// <summary>Its latest group; null when never set.</summary>
    public string? Group { get; }
    /// <summary>Time in Open.</summary>
    public TimeSpan OpenTime { get; }
    /// <summary>Time in Pending.</summary>
    public TimeSpan PendingTime { get; }
    /// <summary>Time in Waiting on Customer.</summary>
    public TimeSpan WaitingOnCustomerTime { get; }
    /// <summary>Time in Waiting on Third Party.</summary>
    public TimeSpan WaitingOnThirdPartyTime { get; }
    /// <summary>First customer-visible note by someone other than the requester or a system actor, minus CreatedAt.</summary>
    public TimeSpan? TimeToFirstResponse { get; }
    /// <summary>First change to Resolved (or Closed reached without Resolved) minus CreatedAt.</summary>
    public TimeSpan? TimeToResolution { get; }
    /// <summary>When it was first resolved: CreatedAt + TimeToResolution.</summary>
    public DateTimeOffset? ResolvedAt { get; }
    /// <summary>Changes from Resolved/Closed to a status that is neither.</summary>
    public int Reopens { get; }
    /// <summary>Activities examined.</summary>
    public int ActivityCount { get; }
    /// <summary><see cref="OpenTime"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets.</summary>
    public double OpenHours => OpenTime.TotalHours;
    /// <summary><see cref="PendingTime"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets.</summary>
    public double PendingHours => PendingTime.TotalHours;
    /// <summary><see cref="WaitingOnCustomerTime"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets.</summary>
    public double WaitingOnCustomerHours => WaitingOnCustomerTime.TotalHours;
    /// <summary><see cref="WaitingOnThirdPartyTime"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets.</summary>
    public double WaitingOnThirdPartyHours => WaitingOnThirdPartyTime.TotalHours;
    /// <summary><see cref="TimeToFirstResponse"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets (null when it is).</summary>
    public double? TimeToFirstResponseHours => TimeToFirstResponse?.TotalHours;
    /// <summary><see cref="TimeToResolution"/> in hours, for <c>Measure-Object -Sum</c> and spreadsheets (null when it is).</summary>
    public double? TimeToResolutionHours => TimeToResolution?.TotalHours;
    /// <summary>Business hours in Open (<c>-BusinessHours</c>); null without a schedule.</summary>
    public double? OpenBusinessHours { get; }
    /// <summary>Business hours in Pending (<c>-BusinessHours</c>); null without a schedule.</summary>
    public double? PendingBusinessHours { get; }
    /// <summary>Business hours in Waiting on Customer (<c>-BusinessHours</c>); null without a schedule.</summary>
    public double? WaitingOnCustomerBusinessHours { get; }
    /// <summary>Business hours in Waiting on Third Party (<c>-BusinessHours</c>); null without a schedule.</summary>
    public double? WaitingOnThirdPartyBusinessHours { get; }
    /// <summary>Business hours from creation to the first response (<c>-BusinessHours</c>); null without a schedule or a response.</summary>
    public double? FirstResponseBusinessHours { get; }
    /// <summary>Business hours from creation to the first resolution (<c>-BusinessHours</c>); null without a schedule or a resolution.</summary>
    public double? ResolutionBusinessHours { get; }
}
