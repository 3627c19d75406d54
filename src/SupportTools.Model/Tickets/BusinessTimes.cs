namespace SupportTools.Tickets;

/// <summary>A ticket's business-time companions of its calendar durations.</summary>
internal readonly record struct BusinessTimes(TimeSpan Open, TimeSpan Pending, TimeSpan WaitingOnCustomer, TimeSpan WaitingOnThirdParty,
    TimeSpan? FirstResponse, TimeSpan? Resolution);
