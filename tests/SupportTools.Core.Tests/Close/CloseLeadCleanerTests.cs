using SupportTools.Close;

namespace SupportTools.Tests.Close;

public class CloseLeadCleanerTests
{
    private static readonly CloseLeadCleaner Cleaner = new();

    private static CloseLeadDraft Clean(params (string Column, string? Value)[] cells) =>
        Clean(Cleaner, cells);

    private static CloseLeadDraft Clean(CloseLeadCleaner cleaner, params (string Column, string? Value)[] cells) =>
        cleaner.Clean(LeadRow.Create(7, cells.Prepend((Column: "Company", Value: (string?)"Acme")).GroupBy(c => c.Column, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value))));

    [Theory]
    [InlineData("  acme   corp ", "ACME CORP")]
    [InlineData("Bluth\tCompany\u00a0Inc.", "BLUTH COMPANY INC.")]
    [InlineData("ümlaut gmbh", "ÜMLAUT GMBH")]
    [InlineData("line\nbreak", "LINE BREAK")]
    public void Company_names_are_upper_cased_trimmed_and_collapsed(string company, string name)
    {
        var draft = Clean(("Company", company), ("Contact", "  jane   doe "));
        Assert.Equal(name, draft.Name);
        Assert.Equal("JANE DOE", draft.ContactName);
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(7, draft.Row);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_company_is_a_problem(string? company)
    {
        var draft = Clean(("Company", company));
        Assert.False(draft.IsValid);
        Assert.Null(draft.Name);
        Assert.Contains("Company is missing", draft.Problems);
    }

    [Theory]
    [InlineData("2019-03-07", "2019-03-07")]
    [InlineData("2019/3/7", "2019-03-07")]
    [InlineData("3/7/2019", "2019-03-07")]
    [InlineData("03/07/2019", "2019-03-07")]
    [InlineData("12/31/1999", "1999-12-31")]
    [InlineData("3-7-2019", "2019-03-07")]
    [InlineData("07.03.2019", "2019-03-07")]
    [InlineData("31.12.1999", "1999-12-31")]
    [InlineData("March 7, 2019", "2019-03-07")]
    [InlineData("march 7 2019", "2019-03-07")]
    [InlineData("Mar 7 2019", "2019-03-07")]
    [InlineData("Mar. 7, 2019", "2019-03-07")]
    [InlineData("Sept 1, 2001", "2001-09-01")]
    [InlineData("7 March 2019", "2019-03-07")]
    [InlineData("1st May 2010", "2010-05-01")]
    [InlineData("  2019-03-07  ", "2019-03-07")]
    [InlineData("2019-03-07T00:00:00", "2019-03-07")]
    [InlineData("2/29/2020", "2020-02-29")]
    [InlineData("3/7/99", "1999-03-07")]
    [InlineData("3/7/05", "2005-03-07")]
    public void Founding_dates_become_iso(string text, string iso)
    {
        var draft = Clean(("Founded", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(iso, draft.Founded);
    }

    [Theory]
    [InlineData("2020-02-30", "is not a real date")]
    [InlineData("2/29/2019", "is not a real date")]
    [InlineData("13/13/2019", "is not a real date")]
    [InlineData("31.04.2019", "is not a real date")]
    [InlineData("Febtober 3, 2019", "has no month called")]
    [InlineData("February 30, 2020", "is not a real date")]
    [InlineData("yesterday", "not a date in a known format")]
    [InlineData("2019", "not a date in a known format")]
    [InlineData("07/03", "not a date in a known format")]
    public void Impossible_or_unknown_dates_are_problems(string text, string why)
    {
        var draft = Clean(("Founded", text));
        Assert.False(draft.IsValid);
        Assert.Null(draft.Founded);
        Assert.Contains($"Founded '{text.Trim()}'", draft.Problems);
        Assert.Contains(why, draft.Problems);
    }

    [Theory]
    [InlineData("3/7/2019", "2019-07-03")]
    [InlineData("13/7/2019", "2019-07-13")]
    [InlineData("2019-03-07", "2019-03-07")]
    [InlineData("March 7, 2019", "2019-03-07")]
    public void Date_formats_replace_the_numeric_guess(string text, string iso)
    {
        var draft = Clean(new CloseLeadCleaner(["d/M/yyyy"]), ("Founded", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(iso, draft.Founded);
    }

    [Fact]
    public void A_date_outside_the_given_formats_is_a_problem_not_a_guess()
    {
        var draft = Clean(new CloseLeadCleaner(["d/M/yyyy"]), ("Founded", "3/13/2019"));
        Assert.False(draft.IsValid);
        Assert.Contains("does not match -DateFormat 'd/M/yyyy'", draft.Problems);
    }

    [Theory]
    [InlineData("CA", "CA")]
    [InlineData("ca", "CA")]
    [InlineData(" california ", "CA")]
    [InlineData("CALIFORNIA", "CA")]
    [InlineData("Calif.", "CA")]
    [InlineData("New  York", "NY")]
    [InlineData("N.Y.", "NY")]
    [InlineData("new york", "NY")]
    [InlineData("District of Columbia", "DC")]
    [InlineData("Washington, D.C.", "DC")]
    [InlineData("D.C.", "DC")]
    [InlineData("Washington", "WA")]
    [InlineData("West Virginia", "WV")]
    [InlineData("W. Va.", "WV")]
    [InlineData("Puerto Rico", "PR")]
    [InlineData("guam", "GU")]
    [InlineData("U.S. Virgin Islands", "VI")]
    [InlineData("American Samoa", "AS")]
    [InlineData("Northern Mariana Islands", "MP")]
    [InlineData("State of Texas", "TX")]
    [InlineData("wyoming", "WY")]
    public void States_become_usps_codes(string text, string code)
    {
        var draft = Clean(("State", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(code, draft.State);
    }

    [Fact]
    public void Every_state_and_dc_has_a_code()
    {
        string[] names =
        [
            "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
            "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
            "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
            "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
            "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
        ];
        var codes = names.Select(name => Clean(("State", name)).State).ToList();
        Assert.All(codes, Assert.NotNull);
        Assert.Equal(51, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Equal(code, Clean(("State", code!.ToLowerInvariant())).State));
    }

    [Theory]
    [InlineData("Cali")]
    [InlineData("XX")]
    [InlineData("Ontario")]
    [InlineData("New Yorkshire")]
    public void Unknown_states_are_problems(string text)
    {
        var draft = Clean(("State", text));
        Assert.False(draft.IsValid);
        Assert.Null(draft.State);
        Assert.Contains($"State '{text}' is not a US state or territory", draft.Problems);
    }

    [Fact]
    public void States_of_other_countries_are_kept_as_given()
    {
        var draft = Clean(("State", " Ontario "), ("Country", "Canada"), ("Zip", "K1A 0B1"));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal("Ontario", draft.State);
        Assert.Equal("K1A 0B1", draft.Zip);
        Assert.Equal("Canada", draft.Country);
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U.S.A.")]
    [InlineData("united states")]
    [InlineData("United States of America")]
    [InlineData("us")]
    public void Spellings_of_the_united_states_become_us(string text) =>
        Assert.Equal("US", Clean(("Country", text)).Country);

    [Theory]
    [InlineData("(415) 555-0132", "+14155550132")]
    [InlineData("415.555.0132", "+14155550132")]
    [InlineData("415-555-0132", "+14155550132")]
    [InlineData("+1 415 555 0132", "+14155550132")]
    [InlineData("1-415-555-0132", "+14155550132")]
    [InlineData("4155550132", "+14155550132")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("(212) 555-0199 x42", "+12125550199;ext=42")]
    public void Phones_become_e164(string text, string e164)
    {
        var draft = Clean(("Phone", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(e164, draft.Phone);
    }

    [Theory]
    [InlineData("555-0132")]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("(999) 555-0132")]
    [InlineData("+1 415 555 01322222")]
    public void Invalid_phones_are_problems(string text)
    {
        var draft = Clean(("Phone", text));
        Assert.False(draft.IsValid);
        Assert.Null(draft.Phone);
        Assert.Contains($"Phone '{text}'", draft.Problems);
    }

    [Fact]
    public void The_default_region_reads_national_numbers()
    {
        var draft = Clean(new CloseLeadCleaner(defaultRegion: "gb"), ("Phone", "020 7946 0958"));
        Assert.Equal("+442079460958", draft.Phone);
        Assert.Throws<InvalidRequestException>(() => new CloseLeadCleaner(defaultRegion: "XX"));
    }

    [Theory]
    [InlineData("jane@acme.com", "jane@acme.com")]
    [InlineData("  Jane.Doe@ACME.Com ", "Jane.Doe@acme.com")]
    [InlineData("mailto:jane@acme.co.uk", "jane@acme.co.uk")]
    [InlineData("<jane+crm@sub.acme.io>", "jane+crm@sub.acme.io")]
    [InlineData("o'brien@acme.com", "o'brien@acme.com")]
    public void Emails_are_validated_and_domains_lower_cased(string text, string email)
    {
        var draft = Clean(("Email", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(email, draft.Email);
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@acme")]
    [InlineData("@acme.com")]
    [InlineData("jane@@acme.com")]
    [InlineData("jane doe@acme.com")]
    [InlineData("jane..doe@acme.com")]
    [InlineData("jane@acme..com")]
    [InlineData("jane@-acme.com")]
    [InlineData("jane@acme.c")]
    [InlineData("a@b.com; c@d.com")]
    public void Invalid_emails_are_problems(string text)
    {
        var draft = Clean(("Email", text));
        Assert.False(draft.IsValid);
        Assert.Null(draft.Email);
        Assert.Contains($"Email '{text}'", draft.Problems);
    }

    [Theory]
    [InlineData("$1,234.50", "1234.50")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("USD 1,234", "1234")]
    [InlineData("1,234 usd", "1234")]
    [InlineData("US$ 2.5M", "2500000")]
    [InlineData("$750k", "750000")]
    [InlineData("1.2B", "1200000000")]
    [InlineData("1 234 567", "1234567")]
    [InlineData("$0", "0")]
    [InlineData(".5", "0.5")]
    [InlineData("$12,345,678.90", "12345678.90")]
    public void Revenue_becomes_a_number(string text, string amount)
    {
        var draft = Clean(("Revenue", text));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), draft.Revenue);
    }

    [Theory]
    [InlineData("(1,234)", "is negative")]
    [InlineData("-500", "is negative")]
    [InlineData("1.234,50", "is not an amount")]
    [InlineData("12,34", "is not an amount")]
    [InlineData("lots", "is not an amount")]
    [InlineData("€1,000", "is not an amount")]
    [InlineData("$1,234.50.1", "is not an amount")]
    public void Bad_revenue_is_a_problem(string text, string why)
    {
        var draft = Clean(("Revenue", text));
        Assert.False(draft.IsValid);
        Assert.Null(draft.Revenue);
        Assert.Contains($"Revenue '{text}' {why}", draft.Problems);
    }

    [Theory]
    [InlineData("94103", "94103")]
    [InlineData("2139", "02139")]
    [InlineData("501", "00501")]
    [InlineData("94103-1234", "94103-1234")]
    [InlineData("941031234", "94103-1234")]
    public void Us_zips_are_normalised(string text, string zip) => Assert.Equal(zip, Clean(("Zip", text)).Zip);

    [Theory]
    [InlineData("12")]
    [InlineData("ABCDE")]
    [InlineData("941031")]
    public void Bad_us_zips_are_problems(string text) =>
        Assert.Contains($"Zip '{text}' is not a US ZIP code", Clean(("Zip", text)).Problems);

    [Fact]
    public void Every_problem_of_a_row_is_listed_in_order()
    {
        var draft = Clean(("Company", ""), ("State", "Narnia"), ("Email", "nope"), ("Phone", "123"), ("Founded", "2020-02-30"), ("Revenue", "lots"));
        Assert.False(draft.IsValid);
        var problems = draft.Problems.Split("; ");
        Assert.Equal(6, problems.Length);
        Assert.StartsWith("Company is missing", problems[0]);
        Assert.StartsWith("State 'Narnia'", problems[1]);
        Assert.StartsWith("Email 'nope'", problems[2]);
        Assert.StartsWith("Phone '123'", problems[3]);
        Assert.StartsWith("Founded '2020-02-30'", problems[4]);
        Assert.StartsWith("Revenue 'lots'", problems[5]);
    }

    [Fact]
    public void Empty_optional_cells_are_null_and_not_problems()
    {
        var draft = Clean(("Contact", " "), ("Email", ""), ("Phone", null), ("State", ""), ("Revenue", ""), ("Founded", " "));
        Assert.True(draft.IsValid, draft.Problems);
        Assert.Equal("", draft.Problems);
        Assert.Null(draft.ContactName);
        Assert.Null(draft.Email);
        Assert.Null(draft.Revenue);
        Assert.Null(draft.Founded);
    }

    [Fact]
    public void Other_columns_are_kept_as_custom_values()
    {
        var draft = Clean(("Industry", "  Software "), ("Notes", ""));
        Assert.Equal("Software", draft.CustomValues["industry"]);
        Assert.False(draft.CustomValues.ContainsKey("Notes"));
    }
}
