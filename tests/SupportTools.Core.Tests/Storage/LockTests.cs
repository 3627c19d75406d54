using SupportTools.Storage;
using SupportTools.Tickets;

namespace SupportTools.Tests.Storage;

/// <summary>Another process holding the write lock: waited for, reported, and a Busy failure when it lasts too long.</summary>
public sealed class LockTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly string _db;
    private readonly string _export;

    public LockTests()
    {
        _db = _files.PathOf("store.db");
        using (TicketStore.Open(_db)) { }
        _export = _files.Write("a.json", """
            {"metadata":{"start_at":"20-04-2017 10:00:00 +0000","end_at":"21-04-2017 09:59:59 +0000","activities_count":1},"activities_data":[
            {"performed_at":"21-04-2017 09:00:00 +0000","ticket_id":1,"performer_type":"user","performer_id":5,"activity":{"status":"Open"}}]}
            """);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_lock_held_too_long_is_a_busy_failure_after_saying_so_and_the_store_stays_usable()
    {
        using var holder = Sql.Open(_db);
        Sql.Execute(holder, "BEGIN IMMEDIATE");
        var reporter = new RecordingReporter();
        using var store = TicketStore.Open(_db, reporter, new BusyPolicy(TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(300)));
        var error = Assert.Throws<StoreException>(() => store.ImportFile(_export, reporter));
        Assert.Equal(StoreFailure.Busy, error.Failure);
        Assert.False(error.IsStoreUnusable);
        Assert.Equal(store.DatabasePath, error.DatabasePath);
        Assert.Contains("locked by another process", Assert.Single(reporter.VerboseLines));
        Assert.Contains("still locked", Assert.Single(reporter.Warnings));

        Sql.Execute(holder, "ROLLBACK");
        Assert.Equal(1, store.ImportFile(_export).Inserted);
    }

    [Fact]
    public async Task A_writer_waits_for_a_lock_that_is_released_in_time()
    {
        using var holder = Sql.Open(_db);
        Sql.Execute(holder, "BEGIN IMMEDIATE; INSERT INTO ticket_imports (activities, tickets, inserted, duplicates, imported_at) VALUES (0, 0, 0, 0, 'x');");
        var release = Task.Run(async () =>
        {
            await Task.Delay(700);
            Sql.Execute(holder, "COMMIT");
        });
        var reporter = new RecordingReporter();
        using var store = TicketStore.Open(_db, reporter, new BusyPolicy(TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, store.ImportFile(_export, reporter).Inserted);
        await release;
        Assert.Single(reporter.VerboseLines);
        Assert.Single(reporter.Warnings);
        Assert.Equal(2, Sql.Count(_db, "ticket_imports"));
    }

    [Fact]
    public void A_reader_is_not_blocked_by_a_writer()
    {
        using var holder = Sql.Open(_db);
        Sql.Execute(holder, "BEGIN IMMEDIATE; INSERT INTO ticket_imports (activities, tickets, inserted, duplicates, imported_at) VALUES (0, 0, 0, 0, 'x');");
        var reporter = new RecordingReporter();
        using var reader = TicketStore.OpenReadOnly(_db, reporter);
        Assert.Empty(reader.GetEvents());
        Assert.Empty(reporter.VerboseLines);
    }
}
