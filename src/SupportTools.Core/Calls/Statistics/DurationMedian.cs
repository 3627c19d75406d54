using System.Runtime.CompilerServices;
namespace SupportTools.Calls;

/// <summary>
/// The median of unsorted durations by selection (Hoare's quickselect with a median-of-three pivot): linear time where
/// sorting each bucket was the statistics' largest cost. Same definition and arithmetic as
/// <see cref="Quantile.MedianOfSorted{T}"/> (the mean of the two middle values for an even count), so results are
/// identical. Reorders the span.
/// </summary>
internal static class DurationMedian
{
    /// <summary>The median of <paramref name="values"/> (reordered in place); NaN when empty.</summary>
    public static double Of(Span<long> values)
    {
        var n = values.Length;
        if (n == 0) return double.NaN;
        var upper = Nth(values, n / 2);
        if (n % 2 == 1) return upper;
        // After selection everything left of n/2 is <= the upper middle value: the lower middle is their largest.
        var lower = long.MinValue;
        foreach (var value in values[..(n / 2)])
            if (value > lower) lower = value;
        return lower + (upper - lower) * 0.5;
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based), with smaller values left of it and larger right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Nth(Span<long> values, int k)
    {
        int low = 0, high = values.Length - 1;
        // A bad run of pivots (adversarial input) ends in a sort: never quadratic.
        for (var rounds = 2 * (int)Math.Log2(values.Length + 1) + 8; high > low; rounds--)
        {
            if (high - low < 16 || rounds == 0)
            {
                values[low..(high + 1)].Sort();
                return values[k];
            }
            var middle = low + (high - low) / 2;
            if (values[middle] < values[low]) Swap(values, middle, low);
            if (values[high] < values[low]) Swap(values, high, low);
            if (values[high] < values[middle]) Swap(values, high, middle);
            var pivot = values[middle];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) Swap(values, i++, j--);
            }
            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }
        return values[k];
    }

    private static void Swap(Span<long> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
