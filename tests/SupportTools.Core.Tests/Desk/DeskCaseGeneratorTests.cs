using SupportTools.TestServer.Desk;

namespace SupportTools.Tests.Desk;

/// <summary>The mock's cases: reproducible by seed, and shaped like a real desk's.</summary>
public class DeskCaseGeneratorTests
{
    private static readonly List<MockDeskCase> Cases = Enumerable.Range(0, 20_000).Select(new DeskCaseGenerator(20_000, 3).Case).ToList();

    private static double Share(Func<MockDeskCase, bool> predicate) => Cases.Count(predicate) / (double)Cases.Count;

    [Fact]
    public void The_same_seed_gives_the_same_cases_and_another_seed_others()
    {
        var again = new DeskCaseGenerator(20_000, 3);
        var other = new DeskCaseGenerator(20_000, 4);

        Assert.All(new[] { 0, 1, 777, 19_999 }, i => Assert.Equivalent(Cases[i], again.Case(i)));
        Assert.True(Enumerable.Range(0, 100).Count(i => Cases[i].Type != other.Case(i).Type || Cases[i].Priority != other.Case(i).Priority) > 30);
    }

    [Fact]
    public void Channels_priorities_and_statuses_have_realistic_shares()
    {
        Assert.InRange(Share(c => c.Type == "email"), 0.55, 0.65);
        Assert.InRange(Share(c => c.Type == "phone"), 0.17, 0.23);
        Assert.InRange(Share(c => c.Type == "chat"), 0.09, 0.15);
        Assert.InRange(Share(c => c.Type == "twitter"), 0.06, 0.10);
        Assert.All(Cases, c => Assert.InRange(c.Priority, 1, 9));
        Assert.Equal(4, Cases.GroupBy(c => c.Priority).MaxBy(g => g.Count())!.Key);
        Assert.Equal(9, Cases.Select(c => c.Priority).Distinct().Count());
        Assert.InRange(Share(c => c.Status is "resolved" or "closed"), 0.6, 0.7);
        Assert.All(Cases.Where(c => c.Status == "new"), c => Assert.Equal((0, (DateTimeOffset?)null), (c.Replies, c.FirstOpenedAt)));
        Assert.All(Cases.Where(c => c.ResolvedAt is not null), c => Assert.True(c.ResolvedAt >= c.CreatedAt && c.UpdatedAt >= c.ResolvedAt));
    }

    [Fact]
    public void Some_cases_are_unassigned_agents_have_unequal_loads_and_a_few_customers_write_often()
    {
        Assert.InRange(Share(c => c.UserId is null), 0.09, 0.15);
        Assert.InRange(Share(c => c.GroupId is null), 0.04, 0.08);
        var loads = Cases.Where(c => c.UserId is not null).GroupBy(c => c.UserId).Select(g => g.Count()).OrderDescending().ToList();
        Assert.Equal(12, loads.Count);
        Assert.True(loads[0] > 5 * loads[^1], "the busiest agent should have several times the quietest one's cases");
        var customers = Cases.GroupBy(c => c.CustomerId).Select(g => g.Count()).OrderDescending().ToList();
        Assert.True(customers[0] > 100, "a few customers write in very often");
        Assert.True(customers.Count(n => n <= 2) > customers.Count / 2, "most customers write once or twice");
    }

    [Fact]
    public void Cases_come_in_creation_order_through_the_year_with_custom_fields_often_empty()
    {
        Assert.True(Cases.Zip(Cases.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt));
        Assert.Equal(2024, Cases[0].CreatedAt.Year);
        Assert.Equal(2024, Cases[^1].CreatedAt.Year);
        Assert.InRange(Share(c => c.Tier is null), 0.2, 0.3);
        Assert.InRange(Share(c => c.Seats == ""), 0.35, 0.45);
        Assert.InRange(Share(c => c.Labels.Length > 0), 0.25, 0.35);
    }
}
