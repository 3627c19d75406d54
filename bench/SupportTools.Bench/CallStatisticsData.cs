using System.Globalization;
using SupportTools.Calls;

namespace SupportTools.Bench;

/// <summary>The same calls into a CSV file (for the anchor) and into the store (through the store's import batch).</summary>
internal static class CallStatisticsData
{
    public static void Write(string csv, string db, long size)
    {
        var generator = new Random(42);
        var start = new DateTimeOffset(2016, 3, 6, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        using var writer = new StreamWriter(csv);
        writer.WriteLine("call_id,call_time,call_direction,duration_seconds,billing_seconds,ringing_seconds,unanswered");
        using var store = CallStore.Open(db);
        using var batch = store.BeginImport(csv);
        var time = start;
        for (long i = 0; i < size; i++)
        {
            time += generator.Next(0, 1);
            if (i % 3 == 0) time++;
            var unanswered = generator.Next(5) == 0;
            var ringing = generator.Next(2, 30);
            var billing = unanswered ? 0 : (long)(-Math.Log(1 - generator.NextDouble()) * 120);
            var direction = generator.Next(10) switch { 0 => null, < 6 => "inbound", _ => "outbound" };
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            var at = DateTimeOffset.FromUnixTimeSeconds(time);
            writer.WriteLine($"{id},{at:yyyy-MM-ddTHH:mm:ssZ},{direction},{billing + ringing},{billing},{ringing},{(unanswered ? 1 : 0)}");
            batch.Add(new CallRecord(id, at, direction, billing + ringing, billing, ringing, null, null, null, null, unanswered, null, null));
        }
        batch.Commit();
    }
}
