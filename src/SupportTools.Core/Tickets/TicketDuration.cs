namespace SupportTools.Tickets;

/// <summary>Time a ticket spent in each status, and its response and resolution times. See <see cref="TicketTimeline"/> for the rules.</summary>
public sealed class TicketDuration
{
    internal TicketDuration(long ticketId, DateTimeOffset createdAt, string? status, TimeSpan openTime, TimeSpan pendingTime,
        TimeSpan waitingOnCustomerTime, TimeSpan waitingOnThirdPartyTime, TimeSpan? timeToFirstResponse,
        TimeSpan? timeToResolution, int reopens, int activityCount)
    {
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
}
