using SupportTools.Close;

namespace SupportTools.Tests.Close;

public class CloseLeadSegmenterTests
{
    [Fact]
    public void Segments_by_state_with_sums_medians_and_the_top_lead()
    {
        var segmenter = new CloseLeadSegmenter();
        segmenter.Add("A", "CA", 100m);
        segmenter.Add("B", "california", 300m);
        segmenter.Add("C", "CA", 200m);
        segmenter.Add("D", "CA", 1000m);
        segmenter.Add("E", "CA", null);
        segmenter.Add("F", "NY", 50m);
        segmenter.Add("G", null, 5m);
        var segments = segmenter.Segments().ToList();

        Assert.Equal(["", "CA", "NY"], segments.Select(s => s.State));
        var ca = segments[1];
        Assert.Equal(5, ca.Leads);
        Assert.Equal(1600m, ca.TotalRevenue); // the sum, not the top lead's revenue
        Assert.Equal(250m, ca.MedianRevenue);
        Assert.Equal(400m, ca.AverageRevenue);
        Assert.Equal(("D", 1000m), (ca.TopLead, ca.TopLeadRevenue));
        Assert.Equal((1, 50m, 50m, "F"), (segments[2].Leads, segments[2].TotalRevenue!.Value, segments[2].MedianRevenue!.Value, segments[2].TopLead));
    }

    [Fact]
    public void Ties_go_to_the_first_name_whatever_the_order()
    {
        foreach (var order in new[] { new[] { "ZULU", "ALPHA", "MIKE" }, ["ALPHA", "MIKE", "ZULU"], ["MIKE", "ZULU", "ALPHA"] })
        {
            var segmenter = new CloseLeadSegmenter();
            foreach (var name in order) segmenter.Add(name, "TX", 10m);
            var segment = segmenter.Segments().Single();
            Assert.Equal("ALPHA", segment.TopLead);
            Assert.Equal(30m, segment.TotalRevenue);
        }
    }

    [Fact]
    public void A_state_without_revenue_has_no_figures()
    {
        var segmenter = new CloseLeadSegmenter();
        segmenter.Add("A", "WY", null);
        var segment = segmenter.Segments().Single();
        Assert.Equal(1, segment.Leads);
        Assert.Null(segment.TotalRevenue);
        Assert.Null(segment.MedianRevenue);
        Assert.Null(segment.TopLead);
    }

    [Theory]
    [InlineData("$1,500.25", 1500.25)]
    [InlineData("1500.25", 1500.25)]
    [InlineData("", null)]
    public void Revenue_text_from_csv_rows_is_parsed(string text, double? expected)
    {
        var segmenter = new CloseLeadSegmenter();
        segmenter.Add("A", "CA", text, 1);
        Assert.Equal(expected is null ? null : (decimal)expected, segmenter.Segments().Single().TotalRevenue);
    }

    [Fact]
    public void Revenue_that_is_no_amount_names_the_row()
    {
        var error = Assert.Throws<InputFormatException>(() => new CloseLeadSegmenter().Add("A", "CA", "lots", 12));
        Assert.Equal(12, error.Record);
        Assert.Equal("Revenue", error.Field);
    }

    [Fact]
    public void Medians_of_cents_stay_exact()
    {
        var segmenter = new CloseLeadSegmenter();
        segmenter.Add("A", "CA", 0.1m);
        segmenter.Add("B", "CA", 0.2m);
        Assert.Equal(0.15m, segmenter.Segments().Single().MedianRevenue);
    }
}
