namespace SupportTools.TestServer.Desk;

/// <summary>
/// Realistic Desk cases, each made on demand from the seed and its number (so a 100,000-case site costs no memory):
/// mostly e-mail, then phone, chat and twitter; priorities 1–9 gathered around Desk's default 4; most cases resolved or
/// closed; a dozen agents with very different loads, some cases unassigned; a few groups; customers of whom a few write
/// in very often (a Zipf-like share); custom fields (tier, seats as text, follow_up) often empty; labels on some cases.
/// Cases are numbered in creation order through 2024.
/// </summary>
public sealed class DeskCaseGenerator
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly (string Value, int Weight)[] Types = [("email", 60), ("phone", 20), ("chat", 12), ("twitter", 8)];
    private static readonly (int Value, int Weight)[] Priorities = [(1, 4), (2, 6), (3, 12), (4, 38), (5, 14), (6, 10), (7, 8), (8, 5), (9, 3)];
    private static readonly (string Value, int Weight)[] Statuses = [("resolved", 45), ("closed", 20), ("open", 15), ("pending", 12), ("new", 8)];
    private static readonly (string Value, int Weight)[] Languages = [("en", 80), ("de", 10), ("fr", 6), ("es", 4)];
    private static readonly string[] LabelNames = ["Billing", "Bug", "Feature Request", "Refund", "VIP", "Shipping"];
    private static readonly string[] Topics = ["Password reset", "Invoice question", "Order not delivered", "Cannot log in", "Refund request", "App crashes on start", "Change of address", "Upgrade plan"];
    private static readonly (string Value, int Weight)[] Tiers = [("bronze", 40), ("silver", 25), ("gold", 10)];
    private static readonly long[] Users = [16096734, 16107036, 16110021, 16110022, 16118350, 16120001, 16120002, 16133337, 16140404, 16150015, 16160006, 16177777];
    private static readonly double[] UserShares = Users.Select((_, rank) => 1.0 / (rank + 1)).ToArray();
    private static readonly long[] Groups = [171213, 171214, 171215, 171216];
    private readonly int _seed;
    private readonly double[] _customerCumulative;
    private readonly TimeSpan _spacing;

    /// <summary>A generator for a site of <paramref name="cases"/> cases.</summary>
    public DeskCaseGenerator(int cases, int seed)
    {
        Count = cases;
        _seed = seed;
        _spacing = TimeSpan.FromTicks(TimeSpan.FromDays(366).Ticks / Math.Max(1, cases));
        // About one customer per four cases; the k-th writes in with weight 1/(k+3): a few write very often, most once or twice.
        var customers = Math.Max(10, cases / 4);
        _customerCumulative = new double[customers];
        var sum = 0.0;
        for (var k = 0; k < customers; k++) _customerCumulative[k] = sum += 1.0 / (k + 3);
    }

    /// <summary>How many cases the site holds.</summary>
    public int Count { get; }

    /// <summary>Case <paramref name="index"/> (0-based), always the same for the same seed.</summary>
    public MockDeskCase Case(int index)
    {
        var random = new Random(unchecked(_seed * 1_000_003 + index));
        var type = Pick(random, Types);
        var status = Pick(random, Statuses);
        var created = Start + _spacing * index + TimeSpan.FromSeconds(random.Next(0, (int)Math.Max(1, _spacing.TotalSeconds)));
        var opened = status == "new" ? (DateTimeOffset?)null : created + TimeSpan.FromMinutes(random.Next(1, 600));
        var resolved = status is "resolved" or "closed" ? opened!.Value + TimeSpan.FromHours(random.NextDouble() * 120) : (DateTimeOffset?)null;
        var updated = (resolved ?? opened ?? created) + TimeSpan.FromMinutes(random.Next(0, 2000));
        var topic = Topics[random.Next(Topics.Length)];
        var replies = status == "new" ? 0 : Geometric(random, 0.65, 12);
        var labels = random.NextDouble() < 0.3
            ? LabelNames.Where(_ => random.NextDouble() < 0.25).DefaultIfEmpty(LabelNames[random.Next(LabelNames.Length)]).ToArray()
            : [];
        return new MockDeskCase(
            Id: index + 1,
            Type: type,
            Status: status,
            Priority: Pick(random, Priorities),
            Subject: type == "twitter" ? "@support " + topic.ToLowerInvariant() : topic,
            Blurb: topic + ": please help.",
            Language: Pick(random, Languages),
            Labels: labels,
            CreatedAt: created,
            UpdatedAt: updated,
            FirstOpenedAt: opened,
            ResolvedAt: resolved,
            CustomerId: 37823480 + Customer(random),
            UserId: random.NextDouble() < 0.12 ? null : Users[Weighted(random, UserShares)],
            GroupId: random.NextDouble() < 0.06 ? null : Groups[random.Next(Groups.Length)],
            Replies: replies,
            Notes: Geometric(random, 0.4, 8),
            Attachments: type == "email" ? Geometric(random, 0.3, 6) : 0,
            Tier: random.NextDouble() < 0.25 ? null : Pick(random, Tiers),
            Seats: random.NextDouble() < 0.4 ? "" : random.Next(1, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FollowUp: random.NextDouble() < 0.5 ? null : random.NextDouble() < 0.2);
    }

    private long Customer(Random random)
    {
        var target = random.NextDouble() * _customerCumulative[^1];
        var index = Array.BinarySearch(_customerCumulative, target);
        return index >= 0 ? index : ~index;
    }

    /// <summary>0, 1, 2… with each further step taken with probability <paramref name="more"/>, at most <paramref name="max"/>.</summary>
    private static int Geometric(Random random, double more, int max)
    {
        var n = 0;
        while (n < max && random.NextDouble() < more) n++;
        return n;
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    private static int Weighted(Random random, double[] shares)
    {
        var roll = random.NextDouble() * shares.Sum();
        for (var i = 0; i < shares.Length; i++)
        {
            if (roll < shares[i]) return i;
            roll -= shares[i];
        }
        return shares.Length - 1;
    }
}
