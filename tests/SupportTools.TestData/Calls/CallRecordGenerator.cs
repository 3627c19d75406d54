namespace SupportTools.Calls;

/// <summary>
/// Realistic, reproducible CDRs for tests and the benchmark (same seed and settings ⇒ same calls): a New Zealand
/// contact centre's call legs in time order. Arrivals are a Poisson process whose rate follows the centre's day in
/// Auckland time (quiet nights, a morning and an afternoon peak, lighter weekends); about two thirds inbound; customers
/// call from a fixed pool of numbers (so numbers repeat, as they do) in New Zealand, Australia, the United States and
/// the United Kingdom (or, on request, a fresh number each call), landlines and mobiles, all valid for the geocoder; about a quarter of calls go unanswered (no
/// answer, caller gave up, busy, rejected: billed 0 s); talk times are log-normal (median 90 s, a long tail up to 4 h);
/// call ids are random UUIDs, as FreeSWITCH gives Kazoo.
/// </summary>
internal sealed class CallRecordGenerator
{
    /// <summary>The default window start: Monday 2016-03-07 00:00 in Auckland (the Kazoo sample's week).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2016, 3, 6, 11, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Auckland = TimeSpan.FromHours(13); // summer time (NZDT) throughout March: a fixed daily cycle is enough here

    // Relative call rate by Auckland hour: nights a few percent of the peaks at 10:00 and 14:00.
    private static readonly double[] HourlyRate =
        [0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.12, 0.35, 0.75, 0.95, 1.00, 0.92, 0.70, 0.85, 1.00, 0.95, 0.80, 0.55, 0.30, 0.18, 0.12, 0.09, 0.06, 0.04];

    private static readonly Weighted<string> Countries = new(("NZ", 0.62), ("AU", 0.2), ("US", 0.1), ("GB", 0.08));

    /// <summary>Number templates per country (<c>#</c>: any digit): landlines by area, mobiles, and the share of mobiles.</summary>
    private static readonly Dictionary<string, (Weighted<string> Landlines, Weighted<string> Mobiles, double MobileShare)> Plans = new()
    {
        ["NZ"] = (new(("+6493######", 0.4), ("+6444######", 0.18), ("+6433######", 0.18), ("+647347####", 0.08), ("+643418####", 0.04), ("+6473######", 0.12)),
            new(("+6421#######", 0.5), ("+6422#######", 0.2), ("+6427#######", 0.3)), 0.5),
        ["AU"] = (new(("+6129#######", 0.4), ("+61390######", 0.35), ("+6173#######", 0.15), ("+61882######", 0.1)),
            new(("+6141#######", 0.5), ("+6142#######", 0.5)), 0.45),
        // North American numbers do not tell mobiles from landlines: the geocoder names the place for both.
        ["US"] = (new(("+1212#######", 0.35), ("+1415#######", 0.25), ("+1312#######", 0.25), ("+1617#######", 0.15)), new(("+1212#######", 1)), 0),
        ["GB"] = (new(("+44207#######", 0.6), ("+44161#######", 0.4)), new(("+44740#######", 0.6), ("+44747#######", 0.4)), 0.45),
    };

    private static readonly string[] GivenNames = ["Aroha", "James", "Mere", "Olivia", "Wiremu", "Charlotte", "Jack", "Amelia", "Noah", "Isla", "Liam", "Ruby", "Tama", "Grace", "Oliver", "Mia", "Hemi", "Sophie", "Lucas", "Ella"];
    private static readonly string[] FamilyNames = ["Smith", "Williams", "Brown", "Wilson", "Taylor", "Ngata", "Parata", "Jones", "Walker", "Thompson", "White", "Harris", "Martin", "Tipene", "Clarke", "Robinson", "Singh", "Lee", "Kumar", "Patel"];
    private static readonly string[] CentreNumbers = ["+6493001000", "+6493001001", "+6444701000", "+6433651000", "+6493001050"];

    private static readonly Weighted<string> UnansweredCauses = new(("NO_ANSWER", 0.5), ("ORIGINATOR_CANCEL", 0.3), ("USER_BUSY", 0.14), ("CALL_REJECTED", 0.06));
    private static readonly Weighted<string> AnsweredCauses = new(("NORMAL_CLEARING", 0.97), ("NORMAL_UNSPECIFIED", 0.03));

    private readonly Rng _rng;
    private readonly (string Number, string Name)[] _customers;
    private readonly double _callsPerSecondAtPeak;
    private readonly bool _newCallerEachCall;
    private long _now;           // unix seconds
    private double _fraction;    // of the current second already passed

    /// <summary>
    /// A generator of about <paramref name="callsPerDay"/> calls a weekday from <paramref name="customers"/> customers,
    /// starting at <paramref name="start"/> (default <see cref="DefaultStart"/>). With <paramref name="newCallerEachCall"/>
    /// every call draws a fresh number instead (about one distinct customer number per call, as a large carrier's or a
    /// marketing line's CDRs have: the cardinality that stresses the zone caches), and the pool is not built.
    /// </summary>
    public CallRecordGenerator(ulong seed, double callsPerDay = 200_000, int customers = 50_000, DateTimeOffset? start = null, bool newCallerEachCall = false)
    {
        _newCallerEachCall = newCallerEachCall;
        if (newCallerEachCall) customers = 1;
        if (callsPerDay <= 0) throw new ArgumentOutOfRangeException(nameof(callsPerDay), "calls per day must be positive");
        _rng = new Rng(seed);
        _callsPerSecondAtPeak = callsPerDay / (HourlyRate.Sum() * 3600);
        _now = (start ?? DefaultStart).ToUnixTimeSeconds();
        _customers = new (string, string)[Math.Max(1, customers)];
        for (var i = 0; i < _customers.Length; i++) _customers[i] = (Number(Countries.Draw(_rng)), Name());
    }

    /// <summary>The next <paramref name="count"/> calls, in time order.</summary>
    public IEnumerable<CallRecord> Calls(long count)
    {
        for (long i = 0; i < count; i++) yield return Next();
    }

    /// <summary>The next call.</summary>
    public CallRecord Next()
    {
        Arrive();
        var customer = _newCallerEachCall ? (Number: Number(Countries.Draw(_rng)), Name: Name()) : _customers[_rng.Next(_customers.Length)];
        var centre = CentreNumbers[_rng.Next(CentreNumbers.Length)];
        var inbound = _rng.Chance(0.65);
        // Outbound calls are answered more often (callbacks to people expecting them) than inbound ones are by agents.
        var unanswered = _rng.Chance(inbound ? 0.27 : 0.21);
        long ringing, billing;
        string cause;
        if (unanswered)
        {
            ringing = 3 + (long)_rng.LogNormal(14, 0.6);
            billing = 0;
            cause = UnansweredCauses.Draw(_rng);
        }
        else
        {
            ringing = 1 + (long)_rng.LogNormal(7, 0.5);
            billing = Math.Min(4 * 3600, 1 + (long)_rng.LogNormal(90, 1.1));
            cause = AnsweredCauses.Draw(_rng);
        }
        return new CallRecord(CallId(), DateTimeOffset.FromUnixTimeSeconds(_now), inbound ? "inbound" : "outbound", ringing + billing, billing, ringing,
            inbound ? customer.Number : centre, inbound ? customer.Name : "Kiwi Support", inbound ? centre : customer.Number, cause, unanswered, null, null);
    }

    /// <summary>Moves time to the next arrival: exponential gaps at the rate of the current Auckland hour and weekday.</summary>
    private void Arrive()
    {
        var local = DateTimeOffset.FromUnixTimeSeconds(_now).ToOffset(Auckland);
        var rate = _callsPerSecondAtPeak * HourlyRate[local.Hour] * (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.35 : 1);
        var gap = -Math.Log(1 - _rng.NextDouble()) / rate + _fraction;
        var whole = (long)gap;
        _now += whole;
        _fraction = gap - whole;
    }

    private string Number(string country)
    {
        var plan = Plans[country];
        var template = (_rng.Chance(plan.MobileShare) ? plan.Mobiles : plan.Landlines).Draw(_rng);
        Span<char> number = stackalloc char[template.Length];
        for (var i = 0; i < template.Length; i++) number[i] = template[i] == '#' ? (char)('0' + _rng.Next(10)) : template[i];
        // North American exchanges start 2–9.
        if (country == "US" && number[5] < '2') number[5] = (char)('2' + _rng.Next(8));
        return new string(number);
    }

    private string Name() => $"{GivenNames[_rng.Next(GivenNames.Length)]} {FamilyNames[_rng.Next(FamilyNames.Length)]}";

    private string CallId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, _rng.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], _rng.NextUInt64());
        return new Guid(bytes).ToString("D");
    }
}
