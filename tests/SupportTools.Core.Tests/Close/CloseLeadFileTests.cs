using SupportTools.Close;

namespace SupportTools.Tests.Close;

public class CloseLeadFileTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The messy fixture beside this file in the source tree.</summary>
    public static string MessyFile { get; } = FindFixture("messy-leads.csv");

    private static string FindFixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "SupportTools.Core.Tests", "Close", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(name);
    }

    private static List<CloseLeadDraft> Drafts(string path, IReadOnlyDictionary<string, string>? map = null)
    {
        var cleaner = new CloseLeadCleaner();
        return CloseLeadFile.Read(path, map).Select(cleaner.Clean).ToList();
    }

    [Fact]
    public void The_messy_file_cleans_row_by_row_with_file_line_numbers()
    {
        var drafts = Drafts(MessyFile);
        // 13 data rows; the blank line 7 is no row; the Bluth row spans lines 4-5 (a quoted line break).
        Assert.Equal([2L, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15], drafts.Select(d => d.Row));
        var byRow = drafts.ToDictionary(d => d.Row);

        Assert.Equal("ACME CORP", byRow[2].Name);
        Assert.Equal("CA", byRow[2].State);
        Assert.Equal("Jane.Doe@acme.com", byRow[2].Email);
        Assert.Equal("+14155550132", byRow[2].Phone);
        Assert.Equal(1234567.50m, byRow[2].Revenue);
        Assert.Equal("2019-03-07", byRow[2].Founded);
        Assert.Equal("US", byRow[2].Country);
        Assert.Equal("Software", byRow[2].CustomValues["Industry"]);

        Assert.Equal("1 Ocean Ave Suite 3", byRow[4].Address);
        Assert.Equal("Sr. Vice President, Magic", byRow[4].Title);
        Assert.Equal(2_500_000m, byRow[4].Revenue);
        Assert.True(byRow[4].IsValid, byRow[4].Problems);

        Assert.Contains("Revenue '(1,000)' is negative", byRow[6].Problems);
        Assert.Equal("2005-03-07", byRow[6].Founded);
        Assert.Contains("Email 'bill@initech'", byRow[8].Problems);
        Assert.Contains("Founded '2020-02-30' is not a real date", byRow[8].Problems);
        Assert.Contains("Company is missing", byRow[9].Problems);
        Assert.Contains("Phone '555-0132'", byRow[10].Problems);
        Assert.Equal("+12125550199;ext=42", byRow[11].Phone);
        Assert.Contains("State 'Cali'", byRow[12].Problems);
        Assert.Contains("the row has 14 cells but the header 13 columns", byRow[13].Problems);
        Assert.Equal("07001", byRow[13].Zip);
        Assert.Equal("PR", byRow[14].State);
        Assert.Contains("Founded 'Feb 29 2019' is not a real date", byRow[14].Problems);
        Assert.Equal("VANDELAY INDUSTRIES", byRow[15].Name);

        Assert.Equal([2L, 3, 4, 11, 15], drafts.Where(d => d.IsValid).Select(d => d.Row));
    }

    [Fact]
    public void Valid_rows_of_one_company_become_one_lead_with_several_contacts()
    {
        var plans = CloseLeadPlan.Group(Drafts(MessyFile));
        Assert.Equal(["ACME CORP", "BLUTH COMPANY", "VANDELAY INDUSTRIES"], plans.Select(p => p.Name));
        var acme = plans[0].ToJson(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Revenue"] = "cf_rev", ["Founded"] = "cf_founded", ["Industry"] = "cf_industry",
        });
        Assert.Equal("ACME CORP", (string?)acme["name"]);
        Assert.Equal(2, acme["contacts"]!.AsArray().Count);
        Assert.Equal("JANE DOE", (string?)acme["contacts"]![0]!["name"]);
        Assert.Equal("Jane.Doe@acme.com", (string?)acme["contacts"]![0]!["emails"]![0]!["email"]);
        Assert.Equal("office", (string?)acme["contacts"]![0]!["emails"]![0]!["type"]);
        Assert.Equal("+14155550133", (string?)acme["contacts"]![1]!["phones"]![0]!["phone"]);
        Assert.Single(acme["addresses"]!.AsArray()); // the same address twice is one address
        Assert.Equal("CA", (string?)acme["addresses"]![0]!["state"]);
        Assert.Equal("94103", (string?)acme["addresses"]![0]!["zipcode"]);
        Assert.Equal("747 Howard St", (string?)acme["addresses"]![0]!["address_1"]);
        Assert.Equal(1234567.50m, (decimal)acme["custom.cf_rev"]!);
        Assert.Equal("2019-03-07", (string?)acme["custom.cf_founded"]);
        Assert.Equal("Software", (string?)acme["custom.cf_industry"]);
    }

    [Fact]
    public void A_later_row_that_disagrees_is_reported_and_the_first_value_kept()
    {
        var cleaner = new CloseLeadCleaner();
        LeadRow Row(long n, string revenue) => LeadRow.Create(n, [new("Company", "Acme"), new("Revenue", revenue)]);
        var plan = CloseLeadPlan.Group([cleaner.Clean(Row(2, "100")), cleaner.Clean(Row(3, "")), cleaner.Clean(Row(4, "200"))]).Single();
        var conflicts = new List<string>();
        var json = plan.ToJson(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Revenue"] = "cf_r" }, conflicts.Add);
        Assert.Equal(100m, (decimal)json["custom.cf_r"]!);
        Assert.Contains("row 4 gives Revenue '200'", Assert.Single(conflicts));
        Assert.Null(json["contacts"]);
    }

    [Fact]
    public void Map_names_other_columns_case_insensitively()
    {
        var path = _files.Write("mapped.csv", "ORGANISATION,full name,e-mail,company\nAcme,Jane Doe,jane@acme.com,ignored\n");
        var draft = Drafts(path, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Company"] = "Organisation", ["contact"] = "Full Name", ["Email"] = "E-Mail",
        }).Single();
        Assert.Equal("ACME", draft.Name);
        Assert.Equal("JANE DOE", draft.ContactName);
        Assert.Equal("jane@acme.com", draft.Email);
        Assert.Empty(draft.CustomValues);
    }

    [Fact]
    public void Semicolon_files_and_lower_case_headers_read_too()
    {
        var path = _files.Write("semicolon.csv", "company;state;revenue\nAcme;ny;\"1,234\"\n");
        var draft = Drafts(path).Single();
        Assert.Equal(("ACME", "NY", 1234m), (draft.Name, draft.State, draft.Revenue));
        Assert.Equal(2, draft.Row);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("Organisation,State\nAcme,CA\n", "no Company column")]
    [InlineData("Company,company\nA,B\n", "names the column 'Company' twice")]
    public void Files_that_are_no_lead_file_are_refused_at_line_1(string text, string why)
    {
        var path = _files.Write("bad.csv", text);
        var error = Assert.Throws<InputFormatException>(() => CloseLeadFile.Read(path).ToList());
        Assert.Equal(1, error.Line);
        Assert.Equal(path, error.Path);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void Broken_quoting_is_a_problem_of_its_row()
    {
        var path = _files.Write("quotes.csv", "Company,Contact\nAcme,Jane \"JD\" Doe\nGlobex,Hank\n");
        var drafts = Drafts(path);
        Assert.Contains("quoting is broken", drafts[0].Problems);
        Assert.True(drafts[^1].IsValid, drafts[^1].Problems);
        Assert.Equal(3, drafts[^1].Row);
    }
}
