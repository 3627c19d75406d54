using SupportTools.Tickets;

namespace SupportTools.Tests.Tickets;

/// <summary>Files of another kind given as exports: the error says what the file is and what to do instead.</summary>
public sealed class ExportFileKindTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private InputFormatException Read(string name, byte[] content)
    {
        var path = _files.PathOf(name);
        File.WriteAllBytes(path, content);
        using var reader = new TicketActivityFileReader(path);
        return Assert.Throws<InputFormatException>(() => { while (reader.Read()) { } });
    }

    [Fact]
    public void A_csv_of_activities_points_to_Import_Csv()
    {
        var error = Read("acts.csv", "\"TicketId\",\"PerformedAt\"\n\"1\",\"x\"\n"u8.ToArray());
        Assert.Contains("Import-Csv", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void An_sqlite_database_points_to_Database()
    {
        var header = new byte[4096];
        "SQLite format 3\0"u8.CopyTo(header);
        var error = Read("store.db", header);
        Assert.Contains("-Database", error.Message);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void Other_text_gets_no_hint()
    {
        var error = Read("notes.txt", "hello\u0001\u0000world\n"u8.ToArray());
        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.DoesNotContain("Import-Csv", error.Message);
        Assert.DoesNotContain("-Database", error.Message);
    }
}
