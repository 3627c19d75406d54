using SupportTools.Tickets;

namespace SupportTools.Tests.Storage;

/// <summary>A first-release store's content keys are recomputed on upgrade, so re-importing what it holds adds nothing.</summary>
public sealed class LegacyContentKeyTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Activities_already_in_a_first_release_store_are_duplicates_after_the_upgrade()
    {
        var db = FirstReleaseDatabase.Create(_files.PathOf("old.db"));
        using var store = TicketStore.Open(db);
        using var batch = store.BeginImport(null);
        // The two rows the first release stored (with its own keys 11 and 22), the second written in UTC this time.
        batch.Add(TicketActivityJson.Create(600, DateTimeOffset.FromUnixTimeSeconds(1492765200), "user", 149018,
            """{"status":"Open","new_ticket":true,"requester":149018}"""));
        batch.Add(TicketActivityJson.Create(600, DateTimeOffset.FromUnixTimeSeconds(1492767218), "user", 7, """{"note":{"type":4,"id":4025864}}"""));
        batch.Add(TicketActivityJson.Create(600, DateTimeOffset.FromUnixTimeSeconds(1492767300), "user", 7, """{"status":"Pending"}"""));
        var summary = batch.Commit();
        Assert.Equal(3, summary.Activities);
        Assert.Equal(1, summary.Inserted);
        Assert.Equal(2, summary.Duplicates);
        Assert.Equal(3, store.GetActivities().Count());
    }
}
