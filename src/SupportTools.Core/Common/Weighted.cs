namespace SupportTools;

/// <summary>Values with relative frequencies, drawn by <see cref="Rng.Pick"/>.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] entries)
    {
        _values = entries.Select(e => e.Value).ToArray();
        _cumulative = new double[entries.Length];
        var total = 0.0;
        for (var i = 0; i < entries.Length; i++) _cumulative[i] = total += entries[i].Weight;
    }

    public T Draw(Rng rng) => _values[rng.Pick(_cumulative)];

    /// <summary>Draws like <see cref="Draw"/> but gives the value's index (a byte to store instead of the value).</summary>
    public int DrawIndex(Rng rng) => rng.Pick(_cumulative);

    /// <summary>The value at <paramref name="index"/>.</summary>
    public T this[int index] => _values[index];

    /// <summary>Zipf-like weights 1/rank^s over <paramref name="values"/>: a few busy agents, a long tail of quiet ones.</summary>
    public static Weighted<T> Zipf(IReadOnlyList<T> values, double exponent) =>
        new(values.Select((v, i) => (v, 1 / Math.Pow(i + 1, exponent))).ToArray());
}
