namespace SupportTools.Tickets;

/// <summary>What an SLA target measures.</summary>
public enum SlaTarget
{
    /// <summary>From creation to the first response (the same response rule as <c>TimeToFirstResponse</c>).</summary>
    FirstResponse,
    /// <summary>From a customer reply that follows an agent reply to the next agent reply; one cycle per such customer reply.</summary>
    NextResponse,
    /// <summary>From creation until the ticket is Resolved or Closed (a reopen resumes it).</summary>
    Resolution,
}
