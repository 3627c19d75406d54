using System.Diagnostics;
using SupportTools.Tickets;

namespace SupportTools.Bench;

/// <summary>
/// How long an existing store takes to gain step 2 of the ticket tables (each event's priority and group, filled in from
/// the stored JSON): a store of the bench's shape is imported, put back to step 1 (the columns dropped, the step
/// unrecorded), then timed as the next writer opens it; the reports are timed before (through the JSON) and after.
/// </summary>
internal static class TicketMigrationBench
{
    public static int Run(BenchOptions options)
    {
        using var scratch = new ScratchFolder();
        var export = scratch.File("export.json");
        var db = scratch.File("store.db");
        TicketPipelineBench.WriteExport(export, options.Activities);
        long activities;
        using (var store = TicketStore.Open(db)) activities = store.ImportFile(export).Activities;
        using (var store = TicketStore.Open(db))
            store.Connection.Execute("""
                ALTER TABLE ticket_events DROP COLUMN priority;
                ALTER TABLE ticket_events DROP COLUMN group_name;
                DELETE FROM supporttools_migrations WHERE capability = 'ticket' AND version = 2;
                VACUUM;
                """);
        Console.WriteLine($"Release build, {Environment.ProcessorCount} cores; {activities:N0} activities.");
        Console.WriteLine();
        Console.WriteLine("| step | time |");
        Console.WriteLine("|---|---|");
        Time("Get-TicketDuration, step-1 store (read-only: through the JSON)", () => Durations(db));
        Time("next writer's open: step 2 added and filled in", () => TicketStore.Open(db).Dispose());
        Time("Get-TicketDuration, step-2 store", () => Durations(db));
        return 0;
    }

    private static void Durations(string db)
    {
        using var store = TicketStore.OpenReadOnly(db);
        _ = TicketService.GetDurations(store, new TicketReportRequest()).Count();
    }

    private static void Time(string step, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"| {step} | {clock.Elapsed.TotalSeconds:N2} s |");
    }
}
