using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Tickets;

/// <summary>What users type and pipe into the ticket cmdlets, the obvious mistakes included: each gets a clear error.</summary>
public sealed class TicketCmdletInputTests : ModuleTest
{
    private string Export(string name, int tickets = 5, int seed = 3)
    {
        var path = Ps.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        RunOk($"New-TicketActivity {tickets} -Seed {seed} -Path $args[0] {Window}", path);
        return path;
    }

    [Fact]
    public void A_folder_is_an_error_unless_Recurse_takes_its_export_files()
    {
        Export(Path.Combine("exports", "a.json"), seed: 1);
        Export(Path.Combine("exports", "sub", "b.json"), seed: 2);
        var db = Ps.PathOf("f.db");

        foreach (var script in new[] { "Import-TicketActivity -Path $args[0] -Database $args[1]",
                                       "Import-TicketActivity -LiteralPath $args[0] -Database $args[1]",
                                       "Get-Item $args[0] | Import-TicketActivity -Database $args[1]" })
        {
            var result = Ps.Run(script, Ps.PathOf("exports"), db);
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("PathIsFolder", Id(error));
            Assert.Contains("-Recurse", error.Exception.Message);
            Assert.Empty(result.Output);
        }
        Assert.False(File.Exists(db), "nothing was imported, so no database should be created");

        var imported = RunOk("Import-TicketActivity -Path $args[0] -Recurse -Database $args[1]", Ps.PathOf("exports"), db).Output;
        Assert.Equal([Ps.PathOf(Path.Combine("exports", "a.json")), Ps.PathOf(Path.Combine("exports", "sub", "b.json"))],
            imported.Select(s => (string)P(s, "Path")!));
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_an_error_that_suggests_LiteralPath_when_the_name_exists()
    {
        var bracketed = Export("br[1].json");
        var db = Ps.PathOf("b.db");

        var result = Ps.Run("Import-TicketActivity -Path $args[0] -Database $args[1]", bracketed, db);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("FileNotFound", Id(error));
        Assert.Contains("-LiteralPath", error.Exception.Message);

        var missing = Assert.Single(Ps.Run("Import-TicketActivity -Path nothing-here*.json -Database $args[0]", db).AllErrors);
        Assert.Equal("FileNotFound", Id(missing));

        var imported = RunOk("Import-TicketActivity -LiteralPath $args[0] -Database $args[1]", bracketed, db).Output.Single();
        Assert.True((long)P(imported, "Inserted")! > 0);
        Assert.Equal(db, P(imported, "Database"));
    }

    [Fact]
    public void Paths_on_other_providers_are_errors_not_files_in_the_current_folder()
    {
        var generate = Ps.Run($"New-TicketActivity 2 -Seed 1 -Path variable:x {Window}");
        Assert.Equal("NotAFileSystemPath", Id(Assert.Single(generate.AllErrors)));
        var import = Ps.Run("Import-TicketActivity -Path $args[0] -Database variable:db", Export("v.json"));
        Assert.Equal("NotAFileSystemPath", Id(Assert.Single(import.AllErrors)));
        Assert.Empty(Directory.GetFiles(Ps.Directory, "x*"));
        Assert.Empty(Directory.GetFiles(Ps.Directory, "db*"));
    }

    [Fact]
    public void Rows_from_Import_Csv_import_as_the_activities_they_were_exported_from()
    {
        var csv = Ps.PathOf("a.csv");
        RunOk($"New-TicketActivity 40 -Seed 11 {Window} | Export-TicketActivity $args[0] | Out-Null", csv); // CSV with ISO 8601 times
        var db = Ps.PathOf("csv.db");

        var summary = RunOk("Import-Csv $args[0] | Import-TicketActivity -Database $args[1]", csv, db).Output.Single();
        var fromObjects = RunOk($"New-TicketActivity 40 -Seed 11 {Window} | Get-TicketDuration | ConvertTo-Json -Compress").Output.Single();
        var fromStore = RunOk("Get-TicketDuration -Database $args[0] | ConvertTo-Json -Compress", db).Output.Single();
        Assert.True((long)P(summary, "Inserted")! > 40);
        Assert.Equal(fromObjects.ToString(), fromStore.ToString());

        // The same rows again add nothing: the rebuilt activities have the same identity.
        var again = RunOk("Import-Csv $args[0] | Import-TicketActivity -Database $args[1] -WarningAction SilentlyContinue", csv, db).Output.Single();
        Assert.Equal(0L, P(again, "Inserted"));
    }

    [Fact]
    public void A_day_first_csv_read_in_a_month_first_culture_is_an_error_when_ambiguous_and_right_when_not()
    {
        // Export-Csv writes a DateTimeOffset in the session's culture: en-GB writes 05/04/2026 for 5 April. Read in en-US it
        // used to become 4 May silently; now the row is an error naming the record and field.
        var csv = Ps.PathOf("gb.csv");
        RunOk("$a = New-TicketActivity 3 -Seed 4 -Start '2026-04-05T00:00:00Z' -End '2026-04-06T00:00:00Z'; " +
              "$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-GB'; $a | Export-Csv $args[0] } finally { [cultureinfo]::CurrentCulture = $c }", csv);
        Assert.Contains("/04/2026", File.ReadAllText(csv));
        var read = Ps.Run("$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-US'; Import-Csv $args[0] | Get-TicketDuration } finally { [cultureinfo]::CurrentCulture = $c }", csv);
        Assert.Empty(read.Output);
        var first = read.AllErrors.First();
        Assert.Equal("InvalidInputObject", Id(first));
        Assert.Contains("record 1", first.Exception.Message);
        Assert.Contains("PerformedAt", first.Exception.Message);
        Assert.Contains("ambiguous", first.Exception.Message);

        // 21 April cannot be read two ways: en-GB's 21/04/2026 is read as 21 April in en-US too.
        var clear = Ps.PathOf("gb21.csv");
        RunOk("$a = New-TicketActivity 3 -Seed 4 -Start '2026-04-21T00:00:00Z' -End '2026-04-22T00:00:00Z'; " +
              "$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-GB'; $a | Export-Csv $args[0] } finally { [cultureinfo]::CurrentCulture = $c }", clear);
        var fromRows = RunOk("$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-US'; Import-Csv $args[0] | Get-TicketDuration | ConvertTo-Json -Compress } finally { [cultureinfo]::CurrentCulture = $c }", clear).Output.Single();
        var fromObjects = RunOk("New-TicketActivity 3 -Seed 4 -Start '2026-04-21T00:00:00Z' -End '2026-04-22T00:00:00Z' | Get-TicketDuration | ConvertTo-Json -Compress").Output.Single();
        Assert.Equal(fromObjects.ToString(), fromRows.ToString());

        // The module's own CSV (Export-TicketActivity to a .csv path) writes ISO 8601 and reads back in any culture.
        var iso = Ps.PathOf("iso.csv");
        RunOk("$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-GB'; New-TicketActivity 3 -Seed 4 -Start '2026-04-05T00:00:00Z' -End '2026-04-06T00:00:00Z' | Export-TicketActivity $args[0] | Out-Null } finally { [cultureinfo]::CurrentCulture = $c }", iso);
        Assert.Contains("2026-04-05T", File.ReadAllText(iso));
        var isoRows = RunOk("$c = [cultureinfo]::CurrentCulture; try { [cultureinfo]::CurrentCulture = 'en-US'; Import-Csv $args[0] | Get-TicketDuration | ConvertTo-Json -Compress } finally { [cultureinfo]::CurrentCulture = $c }", iso).Output.Single();
        var isoObjects = RunOk("New-TicketActivity 3 -Seed 4 -Start '2026-04-05T00:00:00Z' -End '2026-04-06T00:00:00Z' | Get-TicketDuration | ConvertTo-Json -Compress").Output.Single();
        Assert.Equal(isoObjects.ToString(), isoRows.ToString());
    }

    [Fact]
    public void Rows_from_Import_Csv_give_the_same_durations_without_a_store()
    {
        var csv = Ps.PathOf("d.csv");
        RunOk($"New-TicketActivity 30 -Seed 12 {Window} | Export-TicketActivity $args[0] | Out-Null", csv);
        var fromRows = RunOk("Import-Csv $args[0] | Get-TicketDuration | ConvertTo-Json -Compress", csv).Output.Single();
        var fromObjects = RunOk($"New-TicketActivity 30 -Seed 12 {Window} | Get-TicketDuration | ConvertTo-Json -Compress").Output.Single();
        Assert.Equal(fromObjects.ToString(), fromRows.ToString());

        // A bad row is that row's error; the others are still reported on.
        var bad = Ps.Run("$rows = @(Import-Csv $args[0]); $rows[1].PerformedAt = '2024-03-04 10:00:00'; " +
            "$rows | Get-TicketDuration | Measure-Object ActivityCount -Sum | ForEach-Object Sum", csv);
        var error = Assert.Single(bad.AllErrors);
        Assert.Equal("InvalidInputObject", Id(error));
        Assert.Contains("record 2", error.Exception.Message);
        Assert.Contains("PerformedAt", error.Exception.Message);
        var rows = (int)RunOk("@(Import-Csv $args[0]).Count", csv).Output.Single().BaseObject;
        Assert.Equal((double)(rows - 1), Convert.ToDouble(bad.Output.Single().BaseObject));

        // Something that is neither an activity nor has a TicketId: a binding error, and no store is opened.
        var text = Ps.Run("'not an activity' | Get-TicketDuration -Database $args[0]", Ps.PathOf("none.db"));
        Assert.Equal("InputObjectNotBound", Id(Assert.Single(text.AllErrors)));
    }

    [Fact]
    public void A_row_without_the_activity_columns_or_with_a_bad_value_is_a_per_row_error()
    {
        var db = Ps.PathOf("rows.db");
        var result = Ps.Run("""
            [pscustomobject]@{ Name = 'not an activity' },
            [pscustomobject]@{ TicketId = '7'; PerformedAt = 'yesterday'; PerformerType = 'user'; PerformerId = '5'; Activity = '{"status":"Open"}' },
            [pscustomobject]@{ TicketId = '7'; PerformedAt = '04-03-2024 10:00:00 +0000'; PerformerType = 'user'; PerformerId = '5'; Activity = '{"status":"Open"}' } |
                Import-TicketActivity -Database $args[0]
            """, db);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("InvalidInputObject", Id(e)));
        Assert.Contains("TicketId", result.Errors[0].Exception.Message);
        Assert.Contains("PerformedAt", result.Errors[1].Exception.Message);
        Assert.Contains("record 2", result.Errors[1].Exception.Message);
        Assert.Equal(1L, P(result.Output.Single(), "Inserted"));
    }

    [Fact]
    public void An_export_that_receives_no_valid_activity_leaves_the_existing_file_alone()
    {
        var target = Export("keep.json");
        var before = File.ReadAllBytes(target);

        var nothing = Ps.Run("@() | Export-TicketActivity -Path $args[0]", target);
        Assert.Equal("NothingToWrite", Id(Assert.Single(nothing.AllErrors)));
        var invalid = Ps.Run("[pscustomobject]@{ TicketId = 'x' } | Export-TicketActivity -Path $args[0]", target);
        Assert.Contains(invalid.AllErrors, e => Id(e) == "InvalidInputObject");
        Assert.Contains(invalid.AllErrors, e => Id(e) == "NothingToWrite");

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Single(Directory.GetFiles(Ps.Directory, "*keep*"));
    }

    [Fact]
    public void NoClobber_keeps_an_existing_file_and_a_failed_generation_leaves_nothing_behind()
    {
        var target = Export("existing.json");
        var before = File.ReadAllBytes(target);
        var result = Ps.Run($"New-TicketActivity 3 -Seed 9 -Path $args[0] -NoClobber {Window}", target);
        Assert.Equal("FileExists", Id(Assert.Single(result.AllErrors)));
        Assert.Equal(before, File.ReadAllBytes(target));

        var folder = Ps.Run($"New-TicketActivity 3 -Seed 9 -Path $args[0] {Window}", Ps.Directory);
        Assert.Equal("PathIsFolder", Id(Assert.Single(folder.AllErrors)));
        Assert.Contains("is a folder", folder.AllErrors.Single().Exception.Message);
        var exportToFolder = Ps.Run($"New-TicketActivity 2 -Seed 1 {Window} | Export-TicketActivity -Path $args[0]", Ps.Directory);
        Assert.Equal("PathIsFolder", Id(Assert.Single(exportToFolder.AllErrors)));
        var missingFolder = Ps.Run($"New-TicketActivity 3 -Seed 9 -Path $args[0] {Window}", Ps.PathOf(Path.Combine("no", "such", "x.json")));
        Assert.Equal("FileNotFound", Id(Assert.Single(missingFolder.AllErrors)));
        Assert.Empty(Directory.GetFiles(Ps.Directory, "*.partial", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("New-TicketActivity 400000 -Seed 2 -Path $args[0]")]
    [InlineData("New-TicketActivity 400000 -Seed 2 | Export-TicketActivity -Path $args[0]")]
    public void Stopping_a_write_leaves_the_existing_file_and_no_partial_file(string script)
    {
        var target = Export("good.json");
        var before = File.ReadAllBytes(target);
        bool Writing() => Directory.GetFiles(Ps.Directory, ".good.json.*.partial").Length > 0;

        Assert.True(Ps.RunAndStop(script, Writing, target), "the write never started");

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal([target], Directory.GetFiles(Ps.Directory, "*good.json*"));
    }

    [Fact]
    public void Hour_companions_sum_with_Measure_Object()
    {
        var result = RunOk($$"""
            $d = New-TicketActivity 30 -Seed 5 {{Window}} | Get-TicketDuration
            ($d | Measure-Object OpenHours -Sum).Sum
            ($d | ForEach-Object { $_.OpenTime.TotalHours } | Measure-Object -Sum).Sum
            ($d | Measure-Object TimeToFirstResponseHours -Sum).Count
            @($d | Where-Object TimeToFirstResponse).Count
            """).Output;
        Assert.Equal((double)result[1].BaseObject, (double)result[0].BaseObject, 9);
        Assert.True((double)result[0].BaseObject > 0);
        Assert.Equal(result[3].BaseObject, result[2].BaseObject);
    }

    [Fact]
    public void Get_TicketDuration_takes_TicketId_from_piped_objects()
    {
        var db = Ps.PathOf("d.db");
        RunOk("Import-TicketActivity $args[0] -Database $args[1]", Export("d.json", tickets: 20), db);
        var result = RunOk("""
            $all = Get-TicketDuration -Database $args[0]
            $all | Select-Object -First 3 | Get-TicketDuration -Database $args[0]
            """, db).Output;
        Assert.Equal(3, result.Count);
        Assert.Equal(3, result.Select(d => P(d, "TicketId")).Distinct().Count());

        foreach (var command in new[] { "Get-TicketDuration", "Get-TicketActivity" })
        {
            var unknown = RunOk($"{command} -Database $args[0] -TicketId 1, 2", db);
            Assert.Empty(unknown.Output);
            Assert.Contains("no activity for tickets 1, 2", Assert.Single(unknown.Warnings));
        }
    }

    [Fact]
    public void Progress_completes_when_a_downstream_Select_Object_stops_the_pipeline()
    {
        var db = Ps.PathOf("p.db");
        RunOk("Import-TicketActivity $args[0] -Database $args[1]", Export("p.json", tickets: 3000), db);
        foreach (var script in new[] { "Get-TicketActivity -Database $args[0] | Select-Object -First 1",
                                       "Get-TicketDuration -Database $args[0] | Select-Object -First 1",
                                       $"New-TicketActivity 3000 -Seed 1 {Window} | Select-Object -First 1" })
        {
            var result = RunOk(script, db);
            Assert.Single(result.Output);
            Assert.NotEmpty(result.Progress);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }
    }
}
