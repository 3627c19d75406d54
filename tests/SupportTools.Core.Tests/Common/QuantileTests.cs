namespace SupportTools.Tests;

public class QuantileTests
{
    [Theory]
    // Hand-computed: rank p·(n−1) between the closest values.
    [InlineData(new double[] { 7 }, 0.5, 7)]
    [InlineData(new double[] { 1, 2 }, 0.5, 1.5)]
    [InlineData(new double[] { 5, 6, 7, 79 }, 0.5, 6.5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25, 1.75)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.75, 3.25)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.25, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 1, 5)]
    [InlineData(new double[] { 3, 3, 3 }, 0.3, 3)]
    public void Interpolates_linearly_between_the_closest_ranks(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, Quantile.OfSorted<double>(sorted, p), 12);

    [Fact]
    public void Median_of_an_even_count_of_integers_is_the_mean_of_the_middle_two() =>
        Assert.Equal(19.5, Quantile.MedianOfSorted<long>(new long[] { 5, 6, 33, 79 }));

    [Fact]
    public void No_values_have_no_quantile() => Assert.True(double.IsNaN(Quantile.MedianOfSorted<int>([])));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_probability_outside_0_to_1_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.OfSorted<double>(new double[] { 1 }, p));
}
