using SupportTools.Desk;

namespace SupportTools.Tests.Desk;

/// <summary>Describe-style statistics per group, checked against values computed by hand the way pandas computes them.</summary>
public class DeskCaseMeasureTests
{
    [Fact]
    public void Each_group_and_property_gets_count_missing_sum_mean_sample_deviation_and_quartiles()
    {
        var measure = new DeskCaseMeasure(["Priority", "Notes"]);
        measure.Add("/api/v2/users/2", [1, 0]);
        measure.Add("/api/v2/users/1", [5, null]);
        measure.Add("/api/v2/users/2", [2, 2]);
        measure.Add("/API/v2/users/2", [3, null]); // same group, other spelling
        measure.Add("/api/v2/users/2", [4, 4]);

        var rows = measure.Statistics().ToList();

        Assert.Equal([("/api/v2/users/1", "Priority"), ("/api/v2/users/1", "Notes"), ("/api/v2/users/2", "Priority"), ("/api/v2/users/2", "Notes")],
            rows.Select(r => (r.Group, r.Property)));
        var priority = rows[2];
        Assert.Equal(4, priority.Count);
        Assert.Equal(0, priority.Missing);
        Assert.Equal(10, priority.Sum);
        Assert.Equal(2.5, priority.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), priority.StandardDeviation!.Value, 12); // pandas' std: n−1
        Assert.Equal(1, priority.Min);
        Assert.Equal(1.75, priority.Q25);
        Assert.Equal(2.5, priority.Median);
        Assert.Equal(3.25, priority.Q75);
        Assert.Equal(4, priority.Max);

        var notes = rows[3];
        Assert.Equal(4, notes.Count);
        Assert.Equal(1, notes.Missing);
        Assert.Equal(6, notes.Sum);
        Assert.Equal(2, notes.Mean);
        Assert.Equal(2, notes.StandardDeviation);
        Assert.Equal((0.0, 1.0, 2.0, 3.0, 4.0), (notes.Min!.Value, notes.Q25!.Value, notes.Median!.Value, notes.Q75!.Value, notes.Max!.Value));

        var single = rows[0];
        Assert.Equal((1L, 0L, 5.0, 5.0), (single.Count, single.Missing, single.Sum, single.Mean!.Value));
        Assert.Null(single.StandardDeviation); // one value has no sample deviation (pandas: NaN)
        Assert.Equal(5, single.Median);

        var none = rows[1];
        Assert.Equal((1L, 1L, 0.0), (none.Count, none.Missing, none.Sum));
        Assert.Null(none.Mean);
        Assert.Null(none.Min);
        Assert.Null(none.Median);
        Assert.Null(none.Max);
    }

    [Fact]
    public void Cases_without_a_group_value_form_the_last_group_and_NaN_counts_as_missing()
    {
        var measure = new DeskCaseMeasure(["Replies"]);
        measure.Add(null, [1]);
        measure.Add("b", [double.NaN]);
        measure.Add("a", [3]);

        var rows = measure.Statistics().ToList();

        Assert.Equal(["a", "b", null], rows.Select(r => r.Group));
        Assert.Equal(1, rows[1].Missing);
        Assert.Null(rows[1].Mean);
        Assert.Equal(1, rows[2].Sum);
    }

    [Fact]
    public void The_deviation_of_large_close_values_does_not_cancel_out()
    {
        var measure = new DeskCaseMeasure(["X"]);
        foreach (var value in new[] { 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16 }) measure.Add(null, [value]);

        Assert.Equal(Math.Sqrt(30), measure.Statistics().Single().StandardDeviation!.Value, 9);
    }
}
