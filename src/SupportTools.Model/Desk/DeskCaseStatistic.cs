namespace SupportTools.Desk;

/// <summary>
/// The describe-style statistics of one numeric property over one group of cases (one row per group and property, so
/// <c>Export-Csv</c> writes a tidy table): how many cases, how many had no value, and the sum, mean, sample standard
/// deviation, minimum, quartiles (linear interpolation, as pandas) and maximum of the values. The statistics are null
/// when the group has no value for the property (the standard deviation also when it has one).
/// </summary>
public sealed class DeskCaseStatistic
{
    internal DeskCaseStatistic(string? group, string property, long count, long missing) =>
        (Group, Property, Count, Missing) = (group, property, count, missing);

    /// <summary>The group's value of the <c>-By</c> property (null for cases without one, and when there is no <c>-By</c>).</summary>
    public string? Group { get; }
    /// <summary>The property measured.</summary>
    public string Property { get; }
    /// <summary>Cases in the group.</summary>
    public long Count { get; }
    /// <summary>Cases in the group without a value for the property (null or empty): left out of the statistics.</summary>
    public long Missing { get; }
    /// <summary>The sum of the values (0 when there are none).</summary>
    public double Sum { get; internal init; }
    /// <summary>The mean of the values.</summary>
    public double? Mean { get; internal init; }
    /// <summary>The sample standard deviation (n−1 in the denominator, as pandas); null for fewer than two values.</summary>
    public double? StandardDeviation { get; internal init; }
    /// <summary>The smallest value.</summary>
    public double? Min { get; internal init; }
    /// <summary>The 25% quantile.</summary>
    public double? Q25 { get; internal init; }
    /// <summary>The median (50% quantile).</summary>
    public double? Median { get; internal init; }
    /// <summary>The 75% quantile.</summary>
    public double? Q75 { get; internal init; }
    /// <summary>The largest value.</summary>
    public double? Max { get; internal init; }
}
