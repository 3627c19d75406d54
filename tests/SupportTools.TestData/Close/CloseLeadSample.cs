using System.Globalization;

namespace SupportTools.Close;

/// <summary>
/// Reproducible lead rows for the tests and the bench: companies in many states with revenue and founding dates in the
/// formats real files mix, about one row in ten a second contact of an earlier company, and about one in twenty
/// invalid (a bad e-mail, an impossible date, a missing company, an unknown state) in a known way.
/// </summary>
internal static class CloseLeadSample
{
    private static readonly string[] States = ["CA", "california", "NY", "New York", "TX", "Texas", "WA", "MA", "IL", "FL", "Colo.", "D.C.", "PR"];
    private static readonly string[] Titles = ["CEO", "CTO", "VP Sales", "Head of Support", "Buyer", ""];

    /// <summary><paramref name="count"/> rows numbered from 2 (as below a header line), and the rows that must be invalid.</summary>
    public static (List<LeadRow> Rows, HashSet<long> Invalid) Rows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<LeadRow>(count);
        var invalid = new HashSet<long>();
        var companies = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var row = i + 2L;
            string company;
            if (companies.Count > 0 && random.Next(10) == 0) company = companies[random.Next(companies.Count)].ToLowerInvariant() + "  ";
            else
            {
                company = $"Company {seed}-{i:D5} {(random.Next(3) == 0 ? "Inc." : "LLC")}";
                companies.Add(company);
            }
            var founded = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 27000));
            var cells = new Dictionary<string, string?>
            {
                ["Company"] = company,
                ["Contact"] = $"contact {i}",
                ["Title"] = Titles[random.Next(Titles.Length)],
                ["Email"] = $"person{i}@company{i}.example.com",
                ["Phone"] = $"(212) 555-{random.Next(100, 199):D4}",
                ["Address"] = $"{random.Next(1, 999)} Main St",
                ["City"] = "Springfield",
                ["State"] = States[random.Next(States.Length)],
                ["Zip"] = random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
                ["Revenue"] = random.Next(3) switch
                {
                    0 => $"${random.Next(1, 50_000) * 100m:N2}",
                    1 => (random.Next(1, 50_000) * 100).ToString(CultureInfo.InvariantCulture),
                    _ => $"USD {random.Next(1, 50_000) * 100:N0}",
                },
                ["Founded"] = random.Next(3) switch
                {
                    0 => founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    1 => founded.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
                    _ => founded.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
                },
            };
            if (random.Next(20) == 0)
            {
                invalid.Add(row);
                switch (random.Next(4))
                {
                    case 0: cells["Email"] = "not-an-address"; break;
                    case 1: cells["Founded"] = "2021-02-30"; break;
                    case 2: cells["Company"] = " "; break;
                    default: cells["State"] = "Atlantis"; break;
                }
            }
            rows.Add(LeadRow.Create(row, cells));
        }
        return (rows, invalid);
    }
}
