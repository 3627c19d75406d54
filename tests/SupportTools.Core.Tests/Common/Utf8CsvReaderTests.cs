using System.Text;

namespace SupportTools.Tests;

public sealed class Utf8CsvReaderTests
{
    /// <summary>Every row as its values, each row with the line it starts on, read through a buffer of any size.</summary>
    private static List<(long Line, string[] Values)> Rows(string csv)
    {
        var reader = new Utf8CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "t.csv");
        var rows = new List<(long, string[])>();
        while (reader.Read())
            rows.Add((reader.Line, [.. Enumerable.Range(0, reader.Count).Select(i => Encoding.UTF8.GetString(reader[i]))]));
        return rows;
    }

    [Theory]
    [InlineData("\n", new long[] { 1, 3, 4 })]
    [InlineData("\r\n", new long[] { 1, 3, 4 })]
    [InlineData("\r", new long[] { 1, 1, 1 })] // lines are counted by their LF
    public void Rows_end_with_any_line_end_and_empty_lines_are_skipped(string end, long[] lines)
    {
        var rows = Rows($"a,b{end}{end}1,{end}2,x{end}");
        Assert.Equal(lines, rows.Select(r => r.Line));
        Assert.Equal(["a", "b", "1", "", "2", "x"], rows.SelectMany(r => r.Values));
    }

    [Fact]
    public void Quoted_values_keep_commas_line_ends_and_doubled_quotes()
    {
        var rows = Rows("id,name\n1,\"Support, \"\"Ltd\"\"\"\n2,\"two\nlines\",\"\"\n3,last");
        Assert.Equal(["1", "Support, \"Ltd\""], rows[1].Values);
        Assert.Equal(["2", "two\nlines", ""], rows[2].Values);
        Assert.Equal(5L, rows[3].Line);
        Assert.Equal(["3", "last"], rows[3].Values);
    }

    [Fact]
    public void Rows_longer_than_the_buffer_are_read_whole()
    {
        var longValue = new string('x', 200_000);
        var rows = Rows($"a,b\n\"{longValue}\"\"\",{longValue}\n");
        Assert.Equal(longValue + "\"", rows[1].Values[0]);
        Assert.Equal(longValue, rows[1].Values[1]);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "quote inside an unquoted value")]
    [InlineData("a,b\n1,\"x\"y\n", "after a quoted value")]
    [InlineData("a,b\n1,\"xy\n", "never ends")]
    public void Malformed_quotes_are_errors_naming_the_line(string csv, string reason)
    {
        var exception = Assert.Throws<InputFormatException>(() => Rows(csv));
        Assert.Equal(2L, exception.Line);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
    }
}
