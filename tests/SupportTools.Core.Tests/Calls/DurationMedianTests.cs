using SupportTools.Calls;

namespace SupportTools.Tests.Calls;

/// <summary>The selection median gives exactly what sorting and <see cref="Quantile.MedianOfSorted{T}"/> give.</summary>
public sealed class DurationMedianTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 1000)]
    [InlineData(17, 3)]      // many duplicates
    [InlineData(18, 1)]      // all equal
    [InlineData(1001, 100000)]
    [InlineData(5400, 600)]
    public void Equals_the_sorted_median(int count, int range)
    {
        var random = new Random(count);
        for (var run = 0; run < 20; run++)
        {
            var values = Enumerable.Range(0, count).Select(_ => (long)random.Next(range)).ToArray();
            var sorted = values.Order().ToArray();
            Assert.Equal(Quantile.MedianOfSorted<long>(sorted), DurationMedian.Of(values));
        }
    }

    [Fact]
    public void Sorted_and_reversed_input_and_the_small_cases()
    {
        var ascending = Enumerable.Range(0, 10_000).Select(i => (long)i).ToArray();
        Assert.Equal(4999.5, DurationMedian.Of(ascending));
        Assert.Equal(4999.5, DurationMedian.Of(ascending.Reverse().ToArray()));
        Assert.Equal(7.0, DurationMedian.Of(new long[] { 7 }));
        Assert.Equal(6.5, DurationMedian.Of(new long[] { 7, 6 }));
        Assert.True(double.IsNaN(DurationMedian.Of([])));
    }
}
