using System.Text;
using SupportTools.Close;

namespace SupportTools.Tests.Close;

/// <summary>
/// Lead files as they really arrive: what Excel writes (Windows-1252), what ConvertTo-CloseLead | Export-Csv writes
/// (the draft's own column names, IsValid and Problems), what -FailedPath writes (escaped cells, Row and Reason), and
/// figures no decimal holds.
/// </summary>
public sealed class CloseLeadRoundTripTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static List<CloseLeadDraft> Drafts(string path, Encoding? encoding = null) =>
        [.. CloseLeadFile.Read(path, null, encoding, null).Select(new CloseLeadCleaner().Clean)];

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static CloseLeadRoundTripTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void A_windows_1252_file_from_excel_is_read_as_windows_1252_not_with_replacement_characters()
    {
        // Excel's "CSV (Comma delimited)" on a Western Windows: ANSI, no BOM (é = 0xE9, not valid UTF-8).
        var text = "Company,Contact,City,State\r\nSociété Générale,Zoë Müller,Paris,\r\nCafé Nuñez,José,Miami,FL\r\n";
        var path = WriteBytes("excel.csv", Encoding.GetEncoding(1252).GetBytes(text));
        var drafts = Drafts(path);
        Assert.Equal(["SOCIÉTÉ GÉNÉRALE", "CAFÉ NUÑEZ"], drafts.Select(d => d.Name));
        Assert.Equal("ZOË MÜLLER", drafts[0].ContactName);
        Assert.All(drafts, d => Assert.True(d.IsValid, d.Problems));
        Assert.DoesNotContain(drafts, d => (d.Name + d.ContactName).Contains('\uFFFD'));
    }

    [Fact]
    public void Utf8_with_and_without_a_bom_and_utf16_are_detected()
    {
        const string text = "Company,Contact\nSociété Générale,Zoë\n";
        foreach (var (name, bytes) in new[]
                 {
                     ("utf8.csv", new UTF8Encoding(false).GetBytes(text)),
                     ("utf8bom.csv", [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text)]),
                     ("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
                 })
            Assert.Equal("SOCIÉTÉ GÉNÉRALE", Assert.Single(Drafts(WriteBytes(name, bytes))).Name);
    }

    [Fact]
    public void A_wrong_encoding_never_sends_a_replacement_character_without_a_row_problem()
    {
        // Told it is UTF-8 (-Encoding utf-8), the ANSI bytes decode to U+FFFD: the row is invalid, not sent as "SOCI�T�".
        var path = WriteBytes("ansi.csv", Encoding.GetEncoding(1252).GetBytes("Company,City\nSociété Générale,Paris\nAcme,Boston\n"));
        var drafts = Drafts(path, CloseLeadFile.EncodingNamed("utf-8"));
        Assert.False(drafts[0].IsValid);
        Assert.Contains("Company 'Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale' has an unreadable character (U+FFFD)", drafts[0].Problems);
        Assert.Contains("-Encoding", drafts[0].Problems);
        Assert.True(drafts[1].IsValid);

        // The same for a piped row whose text already holds U+FFFD (e.g. Import-Csv read it wrongly).
        var piped = new CloseLeadCleaner().Clean(LeadRow.Create(1, [new("Company", "Caf\uFFFD"), new("City", "Par\uFFFDs")]));
        Assert.Contains("Company 'Caf\uFFFD'", piped.Problems);
        Assert.Contains("City 'Par\uFFFDs'", piped.Problems);
    }

    [Theory]
    [InlineData("windows-1252", 1252)]
    [InlineData("1252", 1252)]
    [InlineData("latin1", 28591)]
    [InlineData("utf-8", 65001)]
    public void Encoding_names_and_code_pages_are_understood(string name, int codePage) =>
        Assert.Equal(codePage, CloseLeadFile.EncodingNamed(name).CodePage);

    [Fact]
    public void An_unknown_encoding_is_an_argument_error_naming_it() =>
        Assert.Contains("'klingon'", Assert.Throws<InvalidRequestException>(() => CloseLeadFile.EncodingNamed("klingon")).Message);

    [Theory]
    [InlineData("12345678901234567890123456789")] // 29 digits: 1.2e28 still fits a decimal ...
    [InlineData("123456789012345678901234567890")] // ... 30 digits do not
    [InlineData("$99,999,999,999,999,999,999,999,999,999")]
    [InlineData("79228162514264337593543950335B")] // decimal.MaxValue, then the suffix multiplies it
    public void A_revenue_no_decimal_holds_is_a_row_problem_not_an_overflow(string revenue)
    {
        var draft = new CloseLeadCleaner().Clean(LeadRow.Create(2, [new("Company", "Acme"), new("Revenue", revenue)]));
        if (draft.Revenue is null) Assert.Contains($"Revenue '{revenue}' is too large", draft.Problems);
        else Assert.True(draft.IsValid); // the 29-digit figure that fits is a (huge) amount
        var segmenter = new CloseLeadSegmenter();
        var error = Record.Exception(() => segmenter.Add("Acme", "CA", (object)1e30, 2));
        Assert.IsType<InputFormatException>(error);
    }

    [Fact]
    public void Drafts_exported_to_csv_import_with_their_own_column_names_row_numbers_and_verdict()
    {
        // What ConvertTo-CloseLead | Export-Csv writes: the draft's properties as columns.
        var path = _files.Write("cleaned.csv", """
            "Row","Name","ContactName","Title","Email","Phone","Address","City","State","Zip","Country","Revenue","Founded","IsValid","Problems"
            "2","ACME CORP","JANE DOE","CEO","jane@acme.com","+14155550132","747 Howard St","San Francisco","CA","94103","US","1234.50","2019-03-07","True",""
            "4","INITECH","BILL","VP","","+15125550101","1 Main","Austin","TX","78744","US","750000","","False","Email 'bill@initech' is not an e-mail address; Founded '2020-02-30' is not a real date"
            """);
        var drafts = Drafts(path);
        Assert.Equal([2L, 4L], drafts.Select(d => d.Row)); // the drafts' row numbers, not the lines of this file
        Assert.Equal(("ACME CORP", "JANE DOE", 1234.50m), (drafts[0].Name, drafts[0].ContactName, drafts[0].Revenue));
        Assert.True(drafts[0].IsValid, drafts[0].Problems);
        Assert.Empty(drafts[0].CustomValues); // Row, IsValid, Problems are no custom fields
        Assert.False(drafts[1].IsValid); // its bad e-mail was blanked by the cleaning: the verdict keeps it out
        Assert.Contains("ConvertTo-CloseLead found the row invalid (Email 'bill@initech'", drafts[1].Problems);

        // Also with -Map naming the columns (the issue: mapped invalid rows became leads).
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Company"] = "Name", ["Contact"] = "ContactName" };
        var mapped = CloseLeadFile.Read(path, map).Select(new CloseLeadCleaner().Clean).ToList();
        Assert.Equal([true, false], mapped.Select(d => d.IsValid));
    }

    [Fact]
    public void The_failed_rows_file_escapes_formulas_keeps_every_column_and_reads_back_as_written()
    {
        var rows = new[]
        {
            LeadRow.Create(2, [new("Company", "=HYPERLINK(\"http://evil\",\"x\")"), new("Contact", "@SUM(A1)"), new("Phone", "+1 415 555 0132"),
                new("Revenue", "-500"), new("Industry", "Software")]),
            LeadRow.Create(3, [new("Company", "Globex"), new("Email", "hank@globex.com")]),
        };
        var drafts = rows.Select(new CloseLeadCleaner().Clean).ToList();
        var path = _files.PathOf("failed.csv");
        using (var file = CloseFailedRowsFile.Create(path, drafts))
        {
            file.Add(new CloseLeadOutcome(drafts[0], drafts[0].Name, null, CloseLeadStatus.Invalid, drafts[0].Problems));
            file.Add(new CloseLeadOutcome(drafts[1], drafts[1].Name, null, CloseLeadStatus.Failed, "-the server said no"));
            file.Commit();
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal("Company,Contact,Title,Email,Phone,Address,City,State,Zip,Country,Revenue,Founded,Industry,Row,Reason", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1),,,'+1 415 555 0132,", lines[1]);
        Assert.Contains(",'-500,", lines[1]);
        Assert.EndsWith(",3,'-the server said no", lines[2]);
        Assert.DoesNotContain(lines.Skip(1), line => line.Split(',').Any(cell => cell.Length > 0 && "=+-@".Contains(cell[0])));

        // Read back (Import-CloseLead -Path failed.csv): the values as they were, under their columns, the original rows.
        var back = CloseLeadFile.Read(path).ToList();
        Assert.Equal([2L, 3L], back.Select(r => r.Row));
        Assert.Equal("=HYPERLINK(\"http://evil\",\"x\")", back[0]["Company"]);
        Assert.Equal(("@SUM(A1)", "+1 415 555 0132", "-500"), (back[0]["Contact"], back[0]["Phone"], back[0]["Revenue"]));
        Assert.Equal("Software", back[0]["Industry"]);
        Assert.DoesNotContain("Reason", back[1].Cells.Keys);
        Assert.Equal("hank@globex.com", back[1]["Email"]);
    }
}
