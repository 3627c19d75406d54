namespace SupportTools.Desk;

/// <summary>
/// Collects the values of some numeric properties per group of cases and turns them into
/// <see cref="DeskCaseStatistic"/> rows: what an analyst gets from <c>df.groupby(by)[properties].describe()</c>. Groups
/// compare case-insensitively (as <c>Group-Object</c>), keep the first spelling seen, and come out in order, the group of
/// cases without a value last. Keeps every value (quartiles need them): 8 bytes per value.
/// </summary>
public sealed class DeskCaseMeasure
{
    /// <summary>What is measured when <c>-Property</c> is not given.</summary>
    public static IReadOnlyList<string> DefaultProperties { get; } = ["Attachments", "Notes", "Replies", "Priority"];

    private readonly IReadOnlyList<string> _properties;
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private Group? _noGroup;

    /// <summary>Measures <paramref name="properties"/>, in that order.</summary>
    public DeskCaseMeasure(IReadOnlyList<string> properties)
    {
        if (properties.Count == 0) throw new ArgumentException("Measure at least one property.", nameof(properties));
        _properties = properties;
    }

    /// <summary>Adds one case of group <paramref name="group"/> (null: no value) with its values, in property order (null: missing).</summary>
    public void Add(string? group, ReadOnlySpan<double?> values)
    {
        if (values.Length != _properties.Count) throw new ArgumentException($"Expected {_properties.Count} values, one per property.", nameof(values));
        var target = group is null ? _noGroup ??= new Group(null, _properties.Count) : Lookup(group);
        target.Cases++;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value && !double.IsNaN(value)) target.Values[i].Add(value);
        }
    }

    /// <summary>One row per group and property: groups in order (case-insensitive), properties in the order given.</summary>
    public IEnumerable<DeskCaseStatistic> Statistics()
    {
        var groups = _groups.Values.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Name, StringComparer.Ordinal);
        foreach (var group in _noGroup is null ? groups : groups.Append(_noGroup))
            for (var i = 0; i < _properties.Count; i++)
                yield return Describe(group, _properties[i], group.Values[i]);
    }

    private Group Lookup(string name)
    {
        if (!_groups.TryGetValue(name, out var group)) _groups.Add(name, group = new Group(name, _properties.Count));
        return group;
    }

    private static DeskCaseStatistic Describe(Group group, string property, List<double> values)
    {
        var missing = group.Cases - values.Count;
        if (values.Count == 0) return new DeskCaseStatistic(group.Name, property, group.Cases, missing);
        values.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        var sum = 0.0;
        foreach (var value in sorted) sum += value;
        var mean = sum / sorted.Length;
        double? deviation = null;
        if (sorted.Length > 1)
        {
            // Two passes (sum, then squared distances from the mean): no cancellation on large, close values.
            var squares = 0.0;
            foreach (var value in sorted) squares += (value - mean) * (value - mean);
            deviation = Math.Sqrt(squares / (sorted.Length - 1));
        }
        return new DeskCaseStatistic(group.Name, property, group.Cases, missing)
        {
            Sum = sum,
            Mean = mean,
            StandardDeviation = deviation,
            Min = sorted[0],
            Q25 = Quantile.OfSorted<double>(sorted, 0.25),
            Median = Quantile.MedianOfSorted<double>(sorted),
            Q75 = Quantile.OfSorted<double>(sorted, 0.75),
            Max = sorted[^1],
        };
    }

    private sealed class Group(string? name, int properties)
    {
        public string? Name { get; } = name;
        public long Cases { get; set; }
        public List<double>[] Values { get; } = Enumerable.Range(0, properties).Select(_ => new List<double>()).ToArray();
    }
}
