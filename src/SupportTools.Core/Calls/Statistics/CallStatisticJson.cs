using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupportTools.Calls;

/// <summary>
/// The Kazoo call_statistics service's response bodies, from this module's objects: statistics per period (empty
/// periods and groups omitted), the countries list, and the regions of countries with their zone ids. Key names and
/// order follow the service's documentation; counts and min/max are integers, median and mean are always written as
/// floats (<c>19.0</c>, <c>6.5</c>) as the service's Python does.
/// </summary>
internal static class CallStatisticJson
{
    /// <summary>
    /// <c>{"data":{"&lt;label&gt;":{"total":…,"groups":{"&lt;group&gt;":{"total":…,"duration_seconds":{…}}},"duration_seconds":{"max","min","median","mean"}}}}</c>.
    /// Without grouping, <c>groups</c> is an empty object. Rows are taken in the order given (Get-CallStatistic's is
    /// time order); rows of one period must be adjacent.
    /// </summary>
    public static string Statistics(IEnumerable<CallStatistic> rows, bool indented = false, IOperationReporter? reporter = null)
    {
        reporter ??= NullReporter.Instance;
        return Write(indented, json =>
        {
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var period in Periods(rows))
            {
                var groups = period.Where(r => r.Group is not null && r.Total > 0).ToList();
                var whole = period.FirstOrDefault(r => r.Group is null) ?? WholePeriod(groups, reporter);
                if (whole is null || whole.Total == 0) continue;
                if (!labels.Add(whole.PeriodLabel))
                    reporter.Warning($"The period {whole.PeriodLabel} appears twice (the repeated hour of a daylight-saving change, at two UTC offsets); JSON readers usually keep only the second.");
                json.WriteStartObject(whole.PeriodLabel);
                json.WriteNumber("total", whole.Total);
                json.WriteStartObject("groups");
                foreach (var group in groups)
                {
                    json.WriteStartObject(group.Group!);
                    json.WriteNumber("total", group.Total);
                    Durations(json, group);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                Durations(json, whole);
                json.WriteEndObject();
            }
        });
    }

    /// <summary><c>{"data":{"countries":["Ghana",…]}}</c>, in the order given.</summary>
    public static string Countries(IEnumerable<string> countries, bool indented = false) => Write(indented, json =>
    {
        json.WriteStartArray("countries");
        foreach (var country in countries) json.WriteStringValue(country);
        json.WriteEndArray();
    });

    /// <summary>
    /// <c>{"data":{"countries":{"New Zealand":{"New Zealand Balclutha":[5023,5024],…},…}}}</c>: each country's regions
    /// with their zone ids, countries and regions in the order they first appear.
    /// </summary>
    public static string Regions(IEnumerable<CallRegion> regions, bool indented = false) => Write(indented, json =>
    {
        json.WriteStartObject("countries");
        foreach (var country in regions.GroupBy(r => r.Country, StringComparer.Ordinal))
        {
            json.WriteStartObject(country.Key);
            foreach (var region in country.GroupBy(r => r.Region, StringComparer.Ordinal))
            {
                json.WriteStartArray(region.Key);
                foreach (var zone in region) json.WriteNumberValue(zone.ZoneId);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    });

    /// <summary>A float as Python's <c>repr</c> writes it: the shortest form that reads back, with <c>.0</c> on whole numbers.</summary>
    internal static string PythonFloat(double value)
    {
        var magnitude = Math.Abs(value);
        // Python switches to exponent notation below 1e-4 and from 1e16 on (never reached by call durations).
        var text = magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16)
            ? value.ToString("0.################e+00", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E')) text = value.ToString("0.################", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    private static string Write(bool indented, Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JsonOutput.Encoder }))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            data(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Durations(Utf8JsonWriter json, CallStatistic row)
    {
        json.WriteStartObject("duration_seconds");
        json.WriteNumber("max", row.DurationMax ?? 0);
        json.WriteNumber("min", row.DurationMin ?? 0);
        json.WritePropertyName("median");
        if (row.DurationMedian is { } median) json.WriteRawValue(PythonFloat(median)); else json.WriteNullValue();
        json.WritePropertyName("mean");
        json.WriteRawValue(PythonFloat(row.DurationMean ?? 0));
        json.WriteEndObject();
    }

    /// <summary>The rows in runs of the same period (the same instant: the two repeated hours of a fall-back stay apart).</summary>
    private static IEnumerable<List<CallStatistic>> Periods(IEnumerable<CallStatistic> rows)
    {
        var run = new List<CallStatistic>();
        foreach (var row in rows)
        {
            if (run.Count > 0 && run[0].Period != row.Period)
            {
                yield return run;
                run = [];
            }
            run.Add(row);
        }
        if (run.Count > 0) yield return run;
    }

    /// <summary>
    /// A grouped period's own statistics: what Get-CallStatistic computed for the whole period, when every group with
    /// calls is here; otherwise (some groups were filtered out) the statistics of the groups given, whose median is
    /// known only for a single group.
    /// </summary>
    private static CallStatistic? WholePeriod(List<CallStatistic> groups, IOperationReporter reporter)
    {
        if (groups.Count == 0) return null;
        var total = groups.Sum(g => g.Total);
        if (groups[0].PeriodTotal is { } whole && whole.Total == total) return whole;
        if (groups.Count == 1) return groups[0];
        reporter.Warning($"Period {groups[0].PeriodLabel}: only some of its groups were given, so its median over those groups is unknown (written as null).");
        var answered = groups.Sum(g => g.Answered);
        var sum = groups.Sum(g => g.DurationMean!.Value * g.Total);
        return new(groups[0].Period, groups[0].PeriodLabel, null, total, groups.Min(g => g.DurationMin), groups.Max(g => g.DurationMax), null,
            sum / total, answered, (double)answered / total, null);
    }
}
