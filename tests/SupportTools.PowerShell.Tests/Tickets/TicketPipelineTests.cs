using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Tickets;

/// <summary>The ticket-activity cmdlets end to end in a real engine: the issue's quick start and the pipelines users write.</summary>
public sealed class TicketPipelineTests : ModuleTest
{
    [Fact]
    public void Quick_start_generates_imports_and_reports_durations_through_native_sqlite()
    {
        var file = Ps.PathOf("activities.json");
        var db = Ps.PathOf("tickets.db");

        var generated = RunOk($"New-TicketActivity -TicketCount 1000 -Seed 7 -Path $args[0] {Window}", file).Output.Single();
        Assert.Equal("SupportTools.Tickets.ExportSummary", generated.TypeNames[0]);
        Assert.Equal(1000L, P(generated, "Tickets"));
        var activities = (long)P(generated, "Activities")!;
        Assert.True(activities > 3000, $"only {activities} activities for 1000 tickets");

        var imported = RunOk("Import-TicketActivity -Path $args[0] -Database $args[1]", file, db).Output.Single();
        Assert.Equal(activities, P(imported, "Activities"));
        Assert.Equal(activities, P(imported, "Inserted"));
        Assert.Equal(0L, P(imported, "Duplicates"));
        Assert.Equal(file, P(imported, "Path"));

        var durations = RunOk("Get-TicketDuration -Database $args[0]", db).Output;
        Assert.Equal(1000, durations.Count);
        Assert.All(durations, d => AssertFlatScalars(d));
        Assert.Equal(activities, durations.Sum(d => (long)(int)P(d, "ActivityCount")!));
    }

    [Fact]
    public void Piped_generation_feeds_durations_and_where_object()
    {
        var result = RunOk($"New-TicketActivity -TicketCount 300 -Seed 11 {Window} | Get-TicketDuration | Where-Object Reopens -gt 0");
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, d => Assert.True((int)P(d, "Reopens")! > 0));
        Assert.All(result.Output, d => Assert.Equal("SupportTools.Tickets.TicketDuration", d.TypeNames[0]));
    }

    [Fact]
    public void Durations_from_the_store_equal_durations_from_piped_activities()
    {
        var db = Ps.PathOf("eq.db");
        RunOk($"New-TicketActivity -TicketCount 400 -Seed 3 {Window} | Import-TicketActivity -Database $args[0]", db);
        var fromStore = RunOk("Get-TicketDuration -Database $args[0]", db).Output;
        var fromPipe = RunOk($"New-TicketActivity -TicketCount 400 -Seed 3 {Window} | Get-TicketDuration").Output;
        Assert.Equal(400, fromStore.Count);
        Assert.Equal(fromStore.Count, fromPipe.Count);
        for (var i = 0; i < fromStore.Count; i++)
            foreach (var property in fromStore[i].Properties)
                Assert.Equal(property.Value, P(fromPipe[i], property.Name));
    }

    [Fact]
    public void Activities_round_trip_through_file_store_and_export()
    {
        var original = Ps.PathOf("original.json");
        var exported = Ps.PathOf("exported.json");
        var db = Ps.PathOf("rt.db");
        RunOk($"New-TicketActivity -TicketCount 150 -Seed 5 -Path $args[0] {Window}", original);
        RunOk("Import-TicketActivity $args[0] -Database $args[1]", original, db);
        var summary = RunOk("Get-TicketActivity -Database $args[0] | Export-TicketActivity -Path $args[1]", db, exported).Output.Single();
        Assert.Equal(150L, P(summary, "Tickets"));
        // The activities are byte-identical; the metadata window differs by design (the generator states the window it
        // simulated, an export of stored activities the span they cover), and so does the order (the generator writes
        // in time order, the store reads ticket by ticket).
        Assert.Equal(ActivityRows(original), ActivityRows(exported));
        Assert.False(File.Exists(exported + ".partial"));
    }

    [Fact]
    public void Same_seed_gives_the_same_objects_and_different_seeds_do_not()
    {
        string Json(int seed) => string.Join("\n", RunOk($"New-TicketActivity 40 -Seed {seed} {Window}").Output
            .Select(a => $"{P(a, "TicketId")} {P(a, "PerformedAt")} {P(a, "Activity")}"));
        Assert.Equal(Json(9), Json(9));
        Assert.NotEqual(Json(9), Json(10));
    }

    [Fact]
    public void Durations_pipe_into_get_ticket_activity_by_property_name()
    {
        var db = Ps.PathOf("bind.db");
        RunOk($"New-TicketActivity -TicketCount 60 -Seed 2 {Window} | Import-TicketActivity -Database $args[0]", db);
        var first = RunOk("Get-TicketDuration -Database $args[0]", db).Output.Select(d => (long)P(d, "TicketId")!).Order().Take(3).ToList();
        var result = RunOk("Get-TicketDuration -Database $args[0] | Where-Object TicketId -le $args[1] | Get-TicketActivity -Database $args[0]", db, first[^1]);
        var tickets = result.Output.Select(a => (long)P(a, "TicketId")!).Distinct().Order().ToList();
        Assert.Equal(RunOk("Get-TicketActivity -Database $args[0] -TicketId $args[1]", db, first.ToArray()).Output.Count, result.Output.Count);
        Assert.Equal(first, tickets);
    }

    [Fact]
    public void Provider_items_pipe_into_import_by_PSPath_and_a_second_import_adds_nothing()
    {
        var db = Ps.PathOf("files.db");
        RunOk($"New-TicketActivity 30 -Seed 1 -Path $args[0] {Window}", Ps.PathOf("a.json"));
        RunOk($"New-TicketActivity 30 -Seed 2 -Path $args[0] {Window}", Ps.PathOf("b.json"));
        var first = RunOk("$executionContext.SessionState.InvokeProvider.Item.Get($args[0]) | Import-TicketActivity -Database $args[1]", Path.Combine(Ps.Directory, "*.json"), db).Output;
        Assert.Equal(2, first.Count);
        Assert.All(first, s => Assert.Equal(P(s, "Activities"), P(s, "Inserted")));
        var secondRun = RunOk("Import-TicketActivity -Path $args[0] -Database $args[1]", Path.Combine(Ps.Directory, "*.json"), db);
        Assert.Equal(2, secondRun.Warnings.Count(w => w.Contains("added nothing")));
        var again = secondRun.Output;
        Assert.Equal(2, again.Count);
        Assert.All(again, s => Assert.Equal(0L, P(s, "Inserted")));
        Assert.All(again, s => Assert.Equal(P(s, "Activities"), P(s, "Duplicates")));
    }

    [Fact]
    public void WhatIf_opens_no_database_and_writes_no_file()
    {
        var db = Ps.PathOf("whatif.db");
        var file = Ps.PathOf("whatif.json");
        RunOk($"New-TicketActivity 10 -Seed 1 -Path $args[0] {Window}", file);
        var import = RunOk("Import-TicketActivity -Path $args[0] -Database $args[1] -WhatIf", file, db);
        Assert.Empty(import.Output);
        RunOk($"New-TicketActivity 10 -Seed 1 {Window} | Import-TicketActivity -Database $args[0] -WhatIf", db);
        Assert.False(File.Exists(db));
        RunOk($"New-TicketActivity 10 -Seed 1 -Path $args[0] -WhatIf {Window}", Ps.PathOf("not-written.json"));
        Assert.False(File.Exists(Ps.PathOf("not-written.json")));
    }

    [Fact]
    public void A_malformed_file_is_an_error_naming_its_position_and_other_files_still_import()
    {
        var db = Ps.PathOf("errors.db");
        var good = Ps.PathOf("good.json");
        var bad = Ps.PathOf("bad.json");
        RunOk($"New-TicketActivity 20 -Seed 4 -Path $args[0] {Window}", good);
        var text = File.ReadAllText(good);
        File.WriteAllText(bad, text[..(text.Length * 2 / 3)]); // truncated mid-file
        var result = Ps.Run("Import-TicketActivity -Path $args[0],$args[1] -Database $args[2]", bad, good, db);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidExportFile,SupportTools.Commands.Tickets.ImportTicketActivityCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains(bad, error.ToString());
        Assert.Contains("line", error.ToString());
        var summary = Assert.Single(result.Output);
        Assert.Equal(good, P(summary, "Path"));
        // Nothing from the bad file: the store holds exactly the good file's activities.
        var stored = RunOk("Get-TicketActivity -Database $args[0]", db).Output.Count;
        Assert.Equal((long)stored, P(summary, "Inserted"));
    }

    [Fact]
    public void Missing_files_and_databases_get_not_found_errors()
    {
        var missing = Ps.Run("Import-TicketActivity -Path $args[0] -Database $args[1]", Ps.PathOf("nope.json"), Ps.PathOf("x.db"));
        Assert.Equal("FileNotFound,SupportTools.Commands.Tickets.ImportTicketActivityCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        var noDb = Ps.Run("Get-TicketDuration -Database $args[0]", Ps.PathOf("absent.db"));
        Assert.Equal("DatabaseNotFound,SupportTools.Commands.Tickets.GetTicketDurationCommand", noDb.AllErrors.Single().FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, noDb.AllErrors.Single().CategoryInfo.Category);
        Assert.False(File.Exists(Ps.PathOf("absent.db")));
    }

    [Fact]
    public void An_end_before_the_start_is_an_invalid_argument()
    {
        var result = Ps.Run("New-TicketActivity 5 -Start '2024-03-05T00:00:00Z' -End '2024-03-04T00:00:00Z'");
        Assert.Equal("InvalidArgument,SupportTools.Commands.Tickets.NewTicketActivityCommand", result.AllErrors.Single().FullyQualifiedErrorId);
    }

    [Fact]
    public void Long_work_reports_progress_and_completes_it()
    {
        var result = RunOk($"New-TicketActivity 20000 -Seed 1 -Path $args[0] {Window}", Ps.PathOf("progress.json"));
        Assert.NotEmpty(result.Progress);
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        var import = RunOk("Import-TicketActivity $args[0] -Database $args[1]", Ps.PathOf("progress.json"), Ps.PathOf("p.db"));
        Assert.Equal(ProgressRecordType.Completed, import.Progress[^1].RecordType);
        var durations = RunOk("Get-TicketDuration -Database $args[0]", Ps.PathOf("p.db"));
        Assert.Equal(ProgressRecordType.Completed, durations.Progress[^1].RecordType);
        Assert.Contains(durations.Progress, p => p.RecordType == ProgressRecordType.Processing);
    }

    [Fact]
    public void Verbose_says_what_it_is_doing()
    {
        var result = RunOk($"New-TicketActivity 5 -Seed 42 {Window} -Verbose | Import-TicketActivity -Database $args[0] -Verbose", Ps.PathOf("v.db"));
        Assert.Contains(result.Verbose, v => v.Contains("seed 42"));
        Assert.Contains(result.Verbose, v => v.Contains("Creating database"));
    }

    [Fact]
    public void Activity_objects_are_flat_and_carry_their_json()
    {
        var activities = RunOk($"New-TicketActivity 5 -Seed 8 {Window}").Output;
        Assert.All(activities, a => AssertFlatScalars(a));
        Assert.All(activities, a => Assert.StartsWith("{", (string)P(a, "Activity")!));
    }

    [Fact]
    public void Csv_columns_follow_the_documented_property_order()
    {
        // Export-Csv writes properties in this order; the Pester header test checks the same list.
        var activity = RunOk($"New-TicketActivity 1 -Seed 1 {Window}").Output[0];
        Assert.Equal(["TicketId", "PerformedAt", "PerformerType", "PerformerId", "Status", "NoteId", "NoteType", "RequesterId",
            "IsAutomation", "Changes", "Activity", "IsSystemActor"], activity.Properties.Select(p => p.Name));
        var duration = RunOk($"New-TicketActivity 1 -Seed 1 {Window} | Get-TicketDuration").Output.Single();
        Assert.Equal(["TicketId", "CreatedAt", "Status", "Priority", "Group", "OpenTime", "PendingTime", "WaitingOnCustomerTime", "WaitingOnThirdPartyTime",
            "TimeToFirstResponse", "TimeToResolution", "ResolvedAt", "Reopens", "ActivityCount", "OpenHours", "PendingHours",
            "WaitingOnCustomerHours", "WaitingOnThirdPartyHours", "TimeToFirstResponseHours", "TimeToResolutionHours",
            "OpenBusinessHours", "PendingBusinessHours", "WaitingOnCustomerBusinessHours", "WaitingOnThirdPartyBusinessHours",
            "FirstResponseBusinessHours", "ResolutionBusinessHours"], duration.Properties.Select(p => p.Name));
    }

    [Fact]
    public void A_bad_piped_activity_is_an_error_and_the_rest_of_the_run_imports()
    {
        var db = Ps.PathOf("piped.db");
        var result = Ps.Run("""
            $facts = [SupportTools.Tickets.ActivityFacts]::new($null, $null, $null, $null, $false, '')
            $bad = [SupportTools.Tickets.TicketActivity]::new(1, [datetimeoffset]'2024-03-04T10:00:00Z', 'user', 5, '{"status":', $facts)
            $good = [SupportTools.Tickets.TicketActivity]::new(1, [datetimeoffset]'2024-03-04T10:01:00Z', 'user', 5, '{"status":"Open"}',
                [SupportTools.Tickets.ActivityFacts]::new('Open', $null, $null, $null, $false, 'status'))
            $bad, $good | Import-TicketActivity -Database $args[0]
            """, db);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidInputObject,SupportTools.Commands.Tickets.ImportTicketActivityCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal("{\"status\":", P((PSObject)PSObject.AsPSObject(error.TargetObject), "Activity"));
        var summary = Assert.Single(result.Output);
        Assert.Equal((1L, 1L), ((long)P(summary, "Activities")!, (long)P(summary, "Inserted")!)); // the bad one is the error, not an activity
    }

    [Fact]
    public void NoClobber_keeps_an_existing_file()
    {
        var path = Ps.PathOf("exists.json");
        File.WriteAllText(path, "keep me");
        var result = Ps.Run($"New-TicketActivity 2 -Seed 1 {Window} | Export-TicketActivity -Path $args[0] -NoClobber", path);
        Assert.Equal("FileExists,SupportTools.Commands.Tickets.ExportTicketActivityCommand", result.AllErrors.Single().FullyQualifiedErrorId);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void A_path_on_another_provider_is_refused()
    {
        var result = Ps.Run("Import-TicketActivity -Path Env:PATH -Database $args[0]", Ps.PathOf("env.db"));
        Assert.Equal("NotAFileSystemPath,SupportTools.Commands.Tickets.ImportTicketActivityCommand", result.AllErrors.Single().FullyQualifiedErrorId);
        Assert.False(File.Exists(Ps.PathOf("env.db")));
    }

    /// <summary>The rows of <c>activities_data</c> as written (one compact object each), sorted.</summary>
    private static List<string> ActivityRows(string file)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("activities_data").EnumerateArray().Select(row => row.GetRawText()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What Export-Csv relies on: every property a scalar (string, number, bool, time) or null.</summary>
    private static void AssertFlatScalars(PSObject item)
    {
        foreach (var property in item.Properties)
        {
            var value = property.Value;
            if (value is null) continue;
            var type = value.GetType();
            Assert.True(type.IsPrimitive || type.IsEnum || value is string or decimal or DateTimeOffset or TimeSpan or DateTime,
                $"{property.Name} is a {type.Name}, not a scalar");
        }
    }
}
