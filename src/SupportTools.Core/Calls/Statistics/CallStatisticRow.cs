using System.Globalization;

namespace SupportTools.Calls;

/// <summary>
/// The module's own call outputs read back from text columns, as <c>Export-Csv</c> then <c>Import-Csv</c> give them:
/// <see cref="CallStatistic"/> rows (PeriodLabel, Group, Total, durations…), <see cref="CallRegion"/> rows (Country,
/// Region, ZoneId) and country names (a Country column alone). Numbers are read invariantly and then, for what
/// Export-Csv wrote in the session's culture (<c>6,5</c>), in <c>culture</c>; an empty cell is null. A value that cannot
/// be read is an <see cref="InputFormatException"/> naming the column.
/// </summary>
internal static class CallStatisticRow
{
    private static readonly string[] StatisticColumns = ["PeriodLabel", "Total"];

    /// <summary>What the columns hold: <c>statistics</c>, <c>regions</c>, <c>countries</c>, or null when none of them.</summary>
    public static string? Kind(IReadOnlyDictionary<string, string?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (StatisticColumns.All(row.ContainsKey)) return "statistics";
        if (row.ContainsKey("Country") && row.ContainsKey("Region") && row.ContainsKey("ZoneId")) return "regions";
        return row.ContainsKey("Country") ? "countries" : null;
    }

    /// <summary>A statistic from its columns (names in any case, as <paramref name="row"/>'s comparer has them).</summary>
    public static CallStatistic Statistic(IReadOnlyDictionary<string, string?> row, CultureInfo culture)
    {
        var label = Text(row, "PeriodLabel") ?? throw Missing("PeriodLabel");
        return new CallStatistic(Period(row, label, culture), label, Text(row, "Group"), Whole(row, "Total", culture) ?? throw Missing("Total"),
            Whole(row, "DurationMin", culture), Whole(row, "DurationMax", culture), Real(row, "DurationMedian", culture), Real(row, "DurationMean", culture),
            Whole(row, "Answered", culture) ?? 0, Real(row, "AnswerSeizureRatio", culture), Real(row, "AverageCallDuration", culture));
    }

    /// <summary>A region from its Country, Region and ZoneId columns.</summary>
    public static CallRegion Region(IReadOnlyDictionary<string, string?> row, CultureInfo culture) =>
        new(Text(row, "Country") ?? throw Missing("Country"), Text(row, "Region") ?? throw Missing("Region"),
            Whole(row, "ZoneId", culture) ?? throw Missing("ZoneId"));

    /// <summary>A country name from its Country column.</summary>
    public static string Country(IReadOnlyDictionary<string, string?> row) => Text(row, "Country") ?? throw Missing("Country");

    /// <summary>
    /// The period start, which only says which rows belong to one period: as written (ISO 8601, or the culture's form),
    /// else the label read as a UTC time.
    /// </summary>
    private static DateTimeOffset Period(IReadOnlyDictionary<string, string?> row, string label, CultureInfo culture)
    {
        var text = Text(row, "Period");
        if (text is not null
            && (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var period)
                || DateTimeOffset.TryParse(text, culture, DateTimeStyles.AssumeUniversal, out period)))
            return period;
        if (DateTimeOffset.TryParseExact(label, "HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out period))
            return period;
        throw new InputFormatException($"PeriodLabel '{label}' is not a time as HH:mm:ss dd/MM/yyyy.", field: "PeriodLabel");
    }

    private static string? Text(IReadOnlyDictionary<string, string?> row, string column) =>
        row.TryGetValue(column, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static long? Whole(IReadOnlyDictionary<string, string?> row, string column, CultureInfo culture)
    {
        if (Text(row, column) is not { } text) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || long.TryParse(text, NumberStyles.Integer, culture, out value))
            return value;
        throw new InputFormatException($"{column} '{text}' is not a whole number.", field: column);
    }

    private static double? Real(IReadOnlyDictionary<string, string?> row, string column, CultureInfo culture)
    {
        if (Text(row, column) is not { } text) return null;
        // Float, not Number: "6,5" must not read as 65 invariantly when a culture with a decimal comma wrote it.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.TryParse(text, NumberStyles.Float, culture, out value))
            return value;
        throw new InputFormatException($"{column} '{text}' is not a number.", field: column);
    }

    private static InputFormatException Missing(string column) => new($"the row has no {column}.", field: column);
}
