using System.Numerics;

namespace SupportTools;

/// <summary>
/// Quantiles by linear interpolation between the closest ranks (pandas' and NumPy's default, Excel's QUARTILE.INC):
/// the p-quantile of n sorted values sits at rank p·(n−1). So the median of an even count is the mean of the two
/// middle values, and the quartiles match what analysts get from <c>DataFrame.describe()</c>. One implementation for
/// every capability (Desk describe tables, Close median revenue, call duration medians).
/// </summary>
internal static class Quantile
{
    /// <summary>The <paramref name="p"/>-quantile (0..1) of values already sorted ascending; NaN when there are none.</summary>
    public static double OfSorted<T>(ReadOnlySpan<T> sorted, double p) where T : INumberBase<T>
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile is between 0 and 1.");
        if (sorted.IsEmpty)
            return double.NaN;
        var rank = p * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var low = double.CreateChecked(sorted[below]);
        if (below == sorted.Length - 1)
            return low;
        var high = double.CreateChecked(sorted[below + 1]);
        // low + (high − low)·f rather than a weighted sum: exact when both neighbours are equal.
        return low + (high - low) * (rank - below);
    }

    /// <summary>The median of values already sorted ascending (the mean of the two middle values for an even count).</summary>
    public static double MedianOfSorted<T>(ReadOnlySpan<T> sorted) where T : INumberBase<T> => OfSorted(sorted, 0.5);
}
