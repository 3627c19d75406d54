namespace SupportTools.Close;

/// <summary>
/// Segments leads by state (one implementation for every input: Get-CloseLead output, drafts, CSV rows). The total
/// is the sum of the revenues; the median comes from <see cref="Quantile"/>; the top lead is found directly as the
/// maximum revenue in one pass (ties go to the name that sorts first, ordinal, so the result does not depend on the
/// order the leads arrive in). States are normalised to USPS codes when they name a US state; others are kept
/// upper-cased; they are never expanded back to names.
/// </summary>
internal sealed class CloseLeadSegmenter
{
    private readonly Dictionary<string, Segment> _segments = new(StringComparer.Ordinal);

    /// <summary>Counts one lead.</summary>
    public void Add(string? name, string? state, decimal? revenue)
    {
        var text = CloseLeadCleaner.Text(state);
        var key = text is null ? "" : UsStates.Code(text) ?? text.ToUpperInvariant();
        if (!_segments.TryGetValue(key, out var segment)) _segments[key] = segment = new Segment();
        segment.Leads++;
        if (revenue is not { } amount) return;
        segment.Revenues.Add(amount);
        var leadName = CloseLeadCleaner.Text(name) ?? "";
        if (segment.TopRevenue is not { } top || amount > top || (amount == top && string.CompareOrdinal(leadName, segment.TopLead) < 0))
        {
            segment.TopRevenue = amount;
            segment.TopLead = leadName;
        }
    }

    /// <summary>
    /// Counts one lead whose revenue may be text (a CSV cell: <c>$1,234.50</c>) or a number;
    /// <see cref="InputFormatException"/> naming <paramref name="row"/> when it is neither.
    /// </summary>
    public void Add(string? name, string? state, object? revenue, long row)
    {
        decimal? amount = revenue switch
        {
            null => null,
            decimal value => value,
            double or float or int or long or short or byte or uint or ulong => Amount(revenue, row),
            string text when CloseLeadCleaner.Text(text) is null => null,
            string text => LeadRevenue.Parse(text, out var problem) ?? throw new InputFormatException(problem!, field: CloseLeadColumns.Revenue, record: row),
            _ => throw new InputFormatException($"Revenue is a {revenue.GetType().Name}, not an amount", field: CloseLeadColumns.Revenue, record: row),
        };
        Add(name, state, amount);
    }

    private static decimal Amount(object number, long row)
    {
        try
        {
            return Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new InputFormatException($"Revenue {number} is too large to be an amount", field: CloseLeadColumns.Revenue, record: row);
        }
    }

    /// <summary>The segments, ordered by state code (leads without a state first).</summary>
    public IEnumerable<CloseLeadSegment> Segments() => _segments.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
    {
        var revenues = pair.Value.Revenues;
        revenues.Sort();
        var has = revenues.Count > 0;
        var total = has ? revenues.Sum() : (decimal?)null;
        return new CloseLeadSegment
        {
            State = pair.Key,
            Leads = pair.Value.Leads,
            TotalRevenue = total,
            MedianRevenue = has ? decimal.Round((decimal)Quantile.MedianOfSorted<decimal>(revenues.ToArray()), 2) : null,
            AverageRevenue = has ? decimal.Round(total!.Value / revenues.Count, 2) : null,
            TopLead = pair.Value.TopLead,
            TopLeadRevenue = pair.Value.TopRevenue,
        };
    });

    private sealed class Segment
    {
        public int Leads;
        public readonly List<decimal> Revenues = [];
        public string? TopLead;
        public decimal? TopRevenue;
    }
}
