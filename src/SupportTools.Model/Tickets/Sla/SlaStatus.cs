namespace SupportTools.Tickets;

/// <summary>Where an SLA target stands as of the report.</summary>
public enum SlaStatus
{
    /// <summary>Met: the response came, or the ticket is resolved, within the goal.</summary>
    Achieved,
    /// <summary>The goal passed before the target was met (whether it was met later or not).</summary>
    Breached,
    /// <summary>Running, within the goal.</summary>
    Active,
    /// <summary>Within the goal and not running: the ticket is in a pausing status, or Resolved/Closed.</summary>
    Paused,
}
