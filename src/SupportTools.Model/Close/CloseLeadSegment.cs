namespace SupportTools.Close;

/// <summary>
/// The leads of one state (<c>Measure-CloseLead -By State</c>): how many, their revenue summed, its median and
/// average, and the lead with the highest revenue. Revenue figures cover the leads that have one; a segment whose
/// leads have none has null figures.
/// </summary>
public sealed class CloseLeadSegment
{
    internal CloseLeadSegment() { }

    /// <summary>The USPS code of the state (empty for leads without a state).</summary>
    public string State { get; internal init; } = "";
    /// <summary>The number of leads in the state.</summary>
    public int Leads { get; internal init; }
    /// <summary>The sum of the leads' revenue.</summary>
    public decimal? TotalRevenue { get; internal init; }
    /// <summary>The median revenue (the mean of the two middle values for an even count), rounded to cents.</summary>
    public decimal? MedianRevenue { get; internal init; }
    /// <summary>The average revenue, rounded to cents.</summary>
    public decimal? AverageRevenue { get; internal init; }
    /// <summary>The lead with the highest revenue (of equal ones, the first by name).</summary>
    public string? TopLead { get; internal init; }
    /// <summary>The revenue of <see cref="TopLead"/>.</summary>
    public decimal? TopLeadRevenue { get; internal init; }
}
