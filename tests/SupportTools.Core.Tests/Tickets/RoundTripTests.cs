using SupportTools.Tickets;

namespace SupportTools.Tests;

/// <summary>Generate → export file → import → read back → identical, in the core without PowerShell.</summary>
public sealed class RoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.FromHours(-5));
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Generated_activities_survive_file_and_store_unchanged()
    {
        var generator = new TicketActivityGenerator(11, Start, Start.AddDays(2));
        var generated = generator.Generate(500).ToList();
        var file = _files.PathOf("gen.json");
        var written = generator.WriteFile(file, 500);
        Assert.Equal(generated.Count, written.Activities);

        using var store = TicketStore.Open(_files.PathOf("rt.db"));
        var imported = store.ImportFile(file);
        Assert.Equal(written.Activities, imported.Inserted);
        Assert.Equal(500, imported.Tickets);

        // The store reads ticket by ticket; the generator writes in time order (ties by ticket creation, i.e. id).
        generated = generated.OrderBy(a => a.TicketId).ToList();
        var back = store.GetActivities().ToList();
        Assert.Equal(generated.Count, back.Count);
        for (var i = 0; i < back.Count; i++)
        {
            Assert.True(back[i].SameAs(generated[i]), $"activity {i}: {back[i]} vs {generated[i]}");
            Assert.Equal((generated[i].Status, generated[i].NoteId, generated[i].NoteType, generated[i].RequesterId, generated[i].IsAutomation, generated[i].Changes),
                (back[i].Status, back[i].NoteId, back[i].NoteType, back[i].RequesterId, back[i].IsAutomation, back[i].Changes));
        }

        // Written back out, the activities are byte-identical to the generated file's.
        var again = _files.PathOf("again.json");
        using (var writer = TicketActivityWriter.Create(again, Start, Start.AddDays(2)))
        {
            foreach (var activity in back.OrderBy(a => a.PerformedAt.UtcTicks).ThenBy(a => a.TicketId)) writer.Write(activity);
            writer.Complete();
        }
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(again));

        // And durations agree whichever way they are computed.
        var asOf = store.LatestPerformedAt()!.Value;
        var fromStore = TicketDurationCalculator.FromOrdered(store.GetEventsWithProperties(), asOf).ToList(); // as Get-TicketDuration reads the store
        var fromObjects = TicketDurationCalculator.FromUnordered(generated.Select(TicketEvent.From), null);
        Assert.Equal(fromObjects.Count, fromStore.Count);
        for (var i = 0; i < fromStore.Count; i++)
            Assert.Equivalent(fromObjects[i], fromStore[i], strict: true);
    }
}
