using System.Globalization;
using System.Text.Json;

namespace SupportTools.TestServer.Freshdesk;

/// <summary>
/// The content of one daily ticket-activity export file, in Freshdesk's format (SPEC §1, as Freshdesk documents it:
/// <c>{"metadata":{"start_at","end_at","activities_count"},"activities_data":[{"performed_at","ticket_id",
/// "performer_type","performer_id","activity":{…}}]}</c>, times as <c>dd-MM-yyyy HH:mm:ss +0000</c>). The export made
/// on day D covers the 24 hours up to D 09:59:59 (the SPEC's sample runs 20-04-2017 10:00:00 to 21-04-2017 09:59:59);
/// a day of several files splits that window between them. Tickets are opened by their requester, routed by an
/// automation rule, answered by an agent, wait on the customer, are resolved and closed by a supervisor rule, with tags
/// and a custom field on some; system rows have no <c>performer_id</c>. Made from the seed, day and file alone (same
/// input, same bytes); ticket and note ids do not repeat between days or files. Not the module's generator: the test
/// server must not load the module's Core (the module tests rely on loading it only from the staged module).
/// </summary>
internal static class MockActivityExport
{
    private const string TimeFormat = "dd-MM-yyyy HH:mm:ss";
    private static readonly string[] Priorities = ["Low", "Low", "Medium", "Medium", "Medium", "High", "Urgent"];
    private static readonly string[] Sources = ["Email", "Email", "Email", "Portal", "Phone", "Chat"];
    private static readonly string[] Groups = ["Billing", "Technical Support", "Shipping"];
    private static readonly long[] Agents = [149018, 149022, 150311, 151904, 153377];

    /// <summary>The window of file <paramref name="index"/> (1-based) of <paramref name="count"/> made on <paramref name="day"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly day, int index, int count)
    {
        var end = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var start = end.AddDays(-1);
        var slice = TimeSpan.FromSeconds(86_400 / count);
        var from = start + slice * (index - 1);
        return (from, index == count ? end.AddSeconds(-1) : from + slice - TimeSpan.FromSeconds(1));
    }

    /// <summary>The file's bytes: about <paramref name="activities"/> activities (all of them inside the window).</summary>
    public static byte[] Create(int seed, DateOnly day, int index, int count, int activities)
    {
        var (start, end) = Window(day, index, count);
        // A fixed mix of the three (HashCode.Combine is seeded per process): the same file in every run.
        var random = new Random(unchecked((seed * 1_000_003) ^ (day.DayNumber * 101) ^ index));
        // Ids by day and file (day numbers are about 740,000): unique across days and files, up to 10 files of 10,000
        // tickets a day (or one file of 100,000: a large desk's day, for measuring big downloads), and under 2^53 so
        // every JSON reader keeps them exact.
        var firstTicket = (long)day.DayNumber * 100_000 + (index - 1) * 10_000;
        var tickets = count == 1 ? 100_000 : 10_000;
        var rows = new List<(DateTimeOffset At, long Ticket, long? Performer, Action<Utf8JsonWriter> Body)>();
        for (var ticket = firstTicket; rows.Count < activities && ticket < firstTicket + tickets; ticket++)
            Ticket(random, ticket, start, end, rows);
        var kept = rows.Where(row => row.At <= end).OrderBy(row => row.At).ThenBy(row => row.Ticket).Take(Math.Max(activities, 0)).ToList();

        using var buffer = new MemoryStream();
        // Relaxed escaping: the export writes "+0000" and labels as they are, not as \u002B escapes.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("metadata");
            json.WriteString("start_at", Time(start));
            json.WriteString("end_at", Time(end));
            json.WriteNumber("activities_count", kept.Count);
            json.WriteEndObject();
            json.WriteStartArray("activities_data");
            foreach (var (at, ticketId, performer, body) in kept)
            {
                json.WriteStartObject();
                json.WriteString("performed_at", Time(at));
                json.WriteNumber("ticket_id", ticketId);
                json.WriteString("performer_type", performer is null ? "system" : "user");
                if (performer is { } id) json.WriteNumber("performer_id", id);
                json.WriteStartObject("activity");
                body(json);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>One ticket's life from a random moment of the window on (rows past the window's end are cut later).</summary>
    private static void Ticket(Random random, long ticket, DateTimeOffset start, DateTimeOffset end,
        List<(DateTimeOffset, long, long?, Action<Utf8JsonWriter>)> rows)
    {
        var at = start.AddSeconds(random.Next(0, (int)(end - start).TotalSeconds));
        var requester = 48_000_000L + random.Next(0, 900_000);
        var agent = Agents[random.Next(Agents.Length)];
        var group = Groups[random.Next(Groups.Length)];
        var priority = Priorities[random.Next(Priorities.Length)];
        var source = Sources[random.Next(Sources.Length)];
        var notes = 0;
        void Add(long? performer, Action<Utf8JsonWriter> body) => rows.Add((at, ticket, performer, body));
        void Later(double meanMinutes) => at = at.AddSeconds(Math.Max(1, Math.Round(-Math.Log(1 - random.NextDouble()) * meanMinutes * 60)));
        void Note(long performer, int type)
        {
            var id = ticket * 20 + notes++;
            Add(performer, w => { w.WriteStartObject("note"); w.WriteNumber("id", id); w.WriteNumber("type", type); w.WriteEndObject(); });
        }

        Add(requester, w =>
        {
            w.WriteBoolean("new_ticket", true);
            w.WriteString("status", "Open");
            w.WriteString("priority", priority);
            w.WriteString("source", source);
            w.WriteNumber("requester", requester);
        });
        Later(2);
        Add(null, w =>
        {
            w.WriteStartObject("automation");
            w.WriteString("type", "Ticket Creation");
            w.WriteString("rule", "Route to " + group);
            w.WriteEndObject();
            w.WriteString("group", group);
            w.WriteNumber("agent_id", agent);
        });
        if (random.NextDouble() < 0.3)
        {
            var tag = random.NextDouble() < 0.5 ? "refund" : "vip";
            Add(agent, w => { w.WriteStartArray("added_tags"); w.WriteStringValue(tag); w.WriteEndArray(); });
        }
        Later(90);
        if (random.NextDouble() < 0.25) { Note(agent, 3); Later(20); }
        Note(agent, random.NextDouble() < 0.85 ? 0 : 4);
        if (random.NextDouble() < 0.2)
        {
            var order = "A-" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
            Add(agent, w => w.WriteString("Order Number", order));
        }
        var waiting = random.NextDouble() < 0.6 ? "Waiting on Customer" : "Pending";
        Add(agent, w => w.WriteString("status", waiting));
        Later(240);
        Note(requester, 0);
        Add(null, w =>
        {
            w.WriteStartObject("automation");
            w.WriteString("type", "Ticket Updates");
            w.WriteString("rule", "Reopen on customer reply");
            w.WriteEndObject();
            w.WriteString("status", "Open");
        });
        Later(60);
        Note(agent, 0);
        Add(agent, w => w.WriteString("status", "Resolved"));
        Later(48 * 60 / 3.0);
        Add(null, w =>
        {
            w.WriteStartObject("automation");
            w.WriteString("type", "Supervisor");
            w.WriteString("rule", "Close resolved tickets after 48 hours");
            w.WriteEndObject();
            w.WriteString("status", "Closed");
        });
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture) + " +0000";
}
