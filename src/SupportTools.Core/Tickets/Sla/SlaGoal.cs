namespace SupportTools.Tickets.Sla;

/// <summary>A target's goal: how much time, counted in business hours or in calendar time.</summary>
internal readonly record struct SlaGoal(TimeSpan Time, bool Business)
{
    /// <summary>"Business" or "Calendar".</summary>
    public string Basis => Business ? "Business" : "Calendar";
}
