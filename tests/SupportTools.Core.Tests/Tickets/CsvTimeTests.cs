using SupportTools.Tickets;

namespace SupportTools.Core.Tests.Tickets;

/// <summary>
/// Times in activity CSV rows are read by their values, never by the session's culture. The culture-written forms are
/// what .NET's DateTimeOffset.ToString() gives under each culture (en-GB dd/MM/yyyy HH:mm:ss zzz, en-US M/d/yyyy h:mm:ss tt zzz,
/// de-DE dd.MM.yyyy HH:mm:ss zzz), i.e. what Export-Csv writes.
/// </summary>
public sealed class CsvTimeTests
{
    [Theory]
    [InlineData("21-04-2017 09:33:38 +0000", "2017-04-21T09:33:38+00:00")]        // the export's own format (day first by definition)
    [InlineData("05-04-2017 09:33:38 +0000", "2017-04-05T09:33:38+00:00")]
    [InlineData("2017-04-05T09:33:38+01:00", "2017-04-05T09:33:38+01:00")]        // ISO 8601
    [InlineData("2017-04-05T09:33:38Z", "2017-04-05T09:33:38+00:00")]
    [InlineData("21/04/2017 09:33:38 +00:00", "2017-04-21T09:33:38+00:00")]       // en-GB, day above 12
    [InlineData("4/21/2017 9:33:38 AM +00:00", "2017-04-21T09:33:38+00:00")]      // en-US, day above 12
    [InlineData("4/21/2017 9:33:38 PM -05:00", "2017-04-21T21:33:38-05:00")]
    [InlineData("21.04.2017 09:33:38 +02:00", "2017-04-21T09:33:38+02:00")]       // de-DE
    [InlineData("04/04/2017 09:33:38 +00:00", "2017-04-04T09:33:38+00:00")]       // day equals month: one reading
    public void Unambiguous_times_are_read_in_any_culture(string text, string expected)
    {
        // The reader never consults the current culture (this test host runs globalization-invariant; the module tests
        // switch cultures between writing and reading).
        Assert.Null(TicketActivityColumns.TimeProblem(text, out var value));
        var wanted = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(wanted, value);
        Assert.Equal(wanted.Offset, value.Offset);
    }

    [Theory]
    [InlineData("05/04/2017 09:33:38 +00:00", "ambiguous")]   // en-GB 5 April, or en-US 4 May
    [InlineData("4/5/2017 9:33:38 AM +00:00", "ambiguous")]
    [InlineData("05.04.2017 09:33:38 +02:00", "ambiguous")]
    [InlineData("2017-04-05 09:33:38", "offset")]            // no offset: a zone would be guessed
    [InlineData("31/31/2017 09:33:38 +00:00", "not a real date")]
    [InlineData("13/14/2017 09:33:38 +00:00", "not a real date")]
    [InlineData("yesterday", "offset")]
    public void Ambiguous_and_incomplete_times_are_refused(string text, string reason) =>
        Assert.Contains(reason, TicketActivityColumns.TimeProblem(text, out _));

    [Fact]
    public void A_row_with_an_ambiguous_time_names_the_row_and_field()
    {
        var exception = Assert.Throws<InputFormatException>(() =>
            TicketActivityColumns.Parse("600", "05/04/2017 09:33:38 +00:00", "user", "1", "{\"status\":\"Open\"}", row: 7));
        Assert.Equal("PerformedAt", exception.Field);
        Assert.Equal(7, exception.Record);
        Assert.Contains("ambiguous", exception.Message);
    }
}
