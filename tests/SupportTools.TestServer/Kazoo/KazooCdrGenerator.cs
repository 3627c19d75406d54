using System.Globalization;

namespace SupportTools.TestServer.Kazoo;

/// <summary>
/// Reproducible CDRs of one account: calls spread over a time span, each an inbound A-leg from a caller to one of the
/// account's numbers and, when answered or rung, the outbound B-leg to a user's device, linked as Kazoo links them
/// (<c>other_leg_call_id</c>, <c>bridge_id</c> = the A-leg's call id, one <c>interaction_id</c>). Unanswered calls have
/// no billing seconds and a hang-up cause of NO_ANSWER or ORIGINATOR_CANCEL. Sorted by creation (the leg's end).
/// </summary>
public sealed class KazooCdrGenerator
{
    private static readonly string[] Callers = ["+6434181234", "+6495550123", "+61398765432", "+61212345678", "+14155550100", "+442071838750", "+6421555012"];
    private static readonly string[] Names = ["Ann Smith", "Bob Jones", "Cara Lee", "Dev Patel", "Erin Wu", "Finn Roe", "Gus Moa"];

    /// <summary>At least <paramref name="legs"/> legs (a call's two legs stay together) from <paramref name="start"/> over <paramref name="span"/>.</summary>
    public KazooCdrGenerator(int legs, DateTimeOffset start, TimeSpan span, int seed, string accountId)
    {
        var random = new Random(seed);
        var cdrs = new List<MockKazooCdr>(legs + 1);
        var startGregorian = start.ToUnixTimeSeconds() + MockKazooCdr.GregorianUnixEpoch;
        var spanSeconds = Math.Max(1, (long)span.TotalSeconds);
        var month = start.ToString("yyyyMM", CultureInfo.InvariantCulture);
        for (var call = 0; cdrs.Count < legs; call++)
        {
            var begin = startGregorian + (long)(random.NextDouble() * (spanSeconds - 600));
            var ring = random.Next(2, 25);
            var answered = random.NextDouble() < 0.7;
            var talk = answered ? random.Next(5, 900) : 0;
            var caller = Callers[random.Next(Callers.Length)];
            var name = Names[random.Next(Names.Length)];
            var did = "+6436660" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture);
            var extension = (1000 + random.Next(0, 20)).ToString(CultureInfo.InvariantCulture);
            var aLeg = $"{call:x8}-a-{seed}@10.0.0.{call % 250}";
            var bLeg = $"{call:x8}-b-{seed}";
            var interaction = $"{begin}-{call:x8}";
            var owner = $"{random.Next(1, 20):x32}";
            var cause = answered ? "NORMAL_CLEARING" : random.NextDouble() < 0.5 ? "NO_ANSWER" : "ORIGINATOR_CANCEL";
            var hasB = answered || random.NextDouble() < 0.8;
            var aDuration = ring + talk;
            cdrs.Add(new MockKazooCdr($"{month}-{aLeg}", aLeg, begin + aDuration, aDuration, talk, "inbound", caller, name, did, "",
                cause, hasB ? bLeg : null, interaction, aLeg, owner, $"{did}@{accountId}.sip.example.com", $"{did}@{accountId}.sip.example.com", $"{caller}@carrier.example.net"));
            if (hasB && cdrs.Count < legs)
            {
                var bDuration = ring - 1 + talk;
                cdrs.Add(new MockKazooCdr($"{month}-{bLeg}", bLeg, begin + 1 + bDuration, bDuration, talk, "outbound", caller, name, extension, "Desk " + extension,
                    answered ? "NORMAL_CLEARING" : "ORIGINATOR_CANCEL", aLeg, interaction, aLeg, owner, $"{extension}@{accountId}.sip.example.com",
                    $"user_{extension}@{accountId}.sip.example.com", $"{caller}@{accountId}.sip.example.com"));
            }
        }
        Cdrs = cdrs.OrderBy(c => c.Created).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The CDRs, oldest creation first.</summary>
    public IReadOnlyList<MockKazooCdr> Cdrs { get; }
}
