using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>The CSV <c>Export-TicketActivity</c> writes: Export-Csv's quoting, ISO 8601 times, nothing for a missing value.</summary>
public sealed class TicketActivityCsvWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("st-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Values_are_quoted_as_export_csv_quotes_them_and_a_missing_value_is_left_empty()
    {
        var path = Path.Combine(_folder, "activities.csv");
        // A note whose text holds quotes and a comma; no status, no requester (null columns).
        var activity = TicketActivityJson.Create(42, new DateTimeOffset(2017, 4, 21, 9, 33, 38, TimeSpan.Zero), "agent", 7,
            """{"note":{"id":9,"type":3},"summary":"said \"hi\", then\nleft"}""");
        using (var writer = TicketActivityCsvWriter.Create(path))
        {
            writer.Write(activity);
            writer.Complete();
        }

        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(string.Join(",", TicketActivityCsvWriter.Columns.Select(c => $"\"{c}\"")), lines[0]);
        Assert.StartsWith("\"42\",\"2017-04-21T09:33:38+00:00\",\"agent\",\"7\",,\"9\",\"3\",,\"False\",", lines[1], StringComparison.Ordinal);
        var row = File.ReadAllText(path)[(lines[0].Length + 1)..];
        Assert.Contains("""said \""hi\"", then\nleft""", row, StringComparison.Ordinal); // the JSON's quotes, doubled; its comma inside quotes
        Assert.Equal(3, lines.Length); // header, row, the empty piece after the final line feed
        Assert.EndsWith("\"False\"\n", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
