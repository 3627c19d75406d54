using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Calls;

/// <summary>Import-CallRecord and Import-CallZone as users run them: files, folders, pipelines, -WhatIf, and the errors.</summary>
public sealed class CallImportCmdletTests : ModuleTest
{
    internal static string Cdr(string id, int minute, string caller = "+6434181234", string callee = "+6493001000", int billing = 60, string cause = "NORMAL_CLEARING") =>
        $$"""{"call_id":"{{id}}","timestamp":{{63624297600 + minute * 60}},"call_direction":"inbound","duration_seconds":"{{billing + 5}}","billing_seconds":"{{billing}}","ringing_seconds":"5","caller_id_number":"{{caller}}","callee_id_number":"{{callee}}","hangup_cause":"{{cause}}"}""";

    private string Write(string name, string content)
    {
        var path = Ps.PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string Jsonl(string name, params string[] ids) => Write(name, string.Join("\n", ids.Select((id, i) => Cdr(id, i))) + "\n");

    [Fact]
    public void Json_and_csv_files_import_once_each_with_a_summary_per_file()
    {
        var json = Jsonl("a.jsonl", "a1", "a2");
        var csv = Write("b.csv", "call_id,call_time,billing_seconds,caller_id_number\nb1,2016-03-04T08:00:00Z,0,+61412345678\n");
        var db = Ps.PathOf("calls.db");
        var result = RunOk("Import-CallRecord -Path $args[0], $args[1] -Database $args[2]", json, csv, db);
        Assert.Equal([(json, 2L, 2L, 0L), (csv, 1L, 1L, 0L)], result.Output.Select(s => ((string)P(s, "Path")!, (long)P(s, "Records")!, (long)P(s, "Inserted")!, (long)P(s, "Duplicates")!)));
        Assert.All(result.Output, s => Assert.Contains("SupportTools.Calls.CallImportSummary", s.TypeNames));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);

        var again = Ps.Run("Import-CallRecord -Path $args[0] -Database $args[1]", json, db);
        Assert.Equal(2L, P(again.Output.Single(), "Duplicates"));
        Assert.Contains(again.Warnings, w => w.Contains("added nothing"));
    }

    [Fact]
    public void A_bad_file_is_an_error_naming_line_and_field_and_the_next_file_still_imports()
    {
        var bad = Write("bad.jsonl", Cdr("x1", 0) + "\n{\"call_id\":\"x2\",\"timestamp\":\"soon\"}\n");
        var good = Jsonl("good.jsonl", "g1");
        var db = Ps.PathOf("calls.db");
        var result = Ps.Run("Import-CallRecord -Path $args[0], $args[1] -Database $args[2]", bad, good, db);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidCallRecordFile", Id(error));
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(bad, error.TargetObject);
        Assert.Contains("line 2", error.Exception.Message);
        Assert.Contains("'timestamp'", error.Exception.Message);
        Assert.Equal(good, P(result.Output.Single(), "Path"));
        Assert.Equal(1L, RunOk("Import-CallRecord -Path $args[0] -Database $args[1]", good, db).Output.Sum(s => (long)P(s, "Duplicates")!));
    }

    [Fact]
    public void WhatIf_opens_nothing()
    {
        var json = Jsonl("a.jsonl", "a1");
        var db = Ps.PathOf("never.db");
        RunOk("Import-CallRecord -Path $args[0] -Database $args[1] -WhatIf", json, db);
        RunOk("Import-CallZone -Path $args[0] -Database $args[1] -WhatIf", Write("z.csv", "zone_id,country,region,prefix\n1,NZ,NZ All,64\n"), db);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_folder_needs_Recurse_which_takes_its_cdr_files()
    {
        Jsonl(Path.Combine("cdrs", "a.jsonl"), "a1");
        Write(Path.Combine("cdrs", "sub", "b.csv"), "call_id,call_time\nb1,2016-03-04T08:00:00Z\n");
        Write(Path.Combine("cdrs", "notes.txt"), "not a cdr file");
        var db = Ps.PathOf("calls.db");
        var error = Assert.Single(Ps.Run("Import-CallRecord -Path $args[0] -Database $args[1]", Ps.PathOf("cdrs"), db).AllErrors);
        Assert.Equal("PathIsFolder", Id(error));
        Assert.Contains("*.csv", error.Exception.Message);
        var imported = RunOk("Import-CallRecord -Path $args[0] -Recurse -Database $args[1]", Ps.PathOf("cdrs"), db).Output;
        Assert.Equal([Ps.PathOf(Path.Combine("cdrs", "a.jsonl")), Ps.PathOf(Path.Combine("cdrs", "sub", "b.csv"))], imported.Select(s => (string)P(s, "Path")!));
        var piped = RunOk("Get-ChildItem $args[0] -Filter *.jsonl | Import-CallRecord -Database $args[1]", Ps.PathOf("cdrs"), db).Output.Single();
        Assert.Equal(1L, P(piped, "Duplicates"));
    }

    [Fact]
    public void The_wrong_kind_of_file_says_what_to_do_instead()
    {
        var db = Ps.PathOf("calls.db");
        var zones = Write("zones.csv", "zone_id,country,region,prefix\n1,New Zealand,New Zealand All,64\n");
        var asRecords = Assert.Single(Ps.Run("Import-CallRecord -Path $args[0] -Database $args[1]", zones, db).AllErrors);
        Assert.Equal("InvalidCallRecordFile", Id(asRecords));
        Assert.Contains("Import-CallZone", asRecords.Exception.Message);
        var asZones = Assert.Single(Ps.Run("Import-CallZone -Path $args[0] -Database $args[1]", Jsonl("a.jsonl", "a1"), db).AllErrors);
        Assert.Equal("InvalidZoneTable", Id(asZones));
        RunOk("Import-CallRecord -Path $args[0] -Database $args[1]", Ps.PathOf("a.jsonl"), db);
        var database = Assert.Single(Ps.Run("Import-CallRecord -Path $args[0] -Database $args[1]", db, Ps.PathOf("other.db")).AllErrors);
        Assert.Contains("SQLite database", database.Exception.Message);
    }

    [Fact]
    public void A_zone_table_zones_the_calls_and_one_file_is_expected()
    {
        var db = Ps.PathOf("calls.db");
        RunOk("Import-CallRecord -Path $args[0] -Database $args[1]", Jsonl("a.jsonl", "a1", "a2"), db);
        Write("z1.csv", "zone_id,country,region,prefix\n1,New Zealand,New Zealand South,643\n2,New Zealand,New Zealand North,649\n");
        Write("z2.csv", "zone_id,country,region,prefix\n1,Fiji,Fiji,679\n");
        var imported = RunOk("Import-CallZone z1.csv -Database $args[0]", db);
        var summary = imported.Output.Single();
        Assert.Equal((2L, 2L, 2L), ((long)P(summary, "Zones")!, (long)P(summary, "Prefixes")!, (long)P(summary, "Rezoned")!));
        Assert.Contains(imported.Progress, p => p.StatusDescription == "Deriving the stored calls' zones" && p.CurrentOperation == "2 of 2 calls");
        Assert.Equal(ProgressRecordType.Completed, imported.Progress[^1].RecordType);
        var regions = RunOk("Get-CallRegion 'NEW ZEALAND' -Database $args[0]", db).Output;
        Assert.Equal([("New Zealand North", 2L), ("New Zealand South", 1L)], regions.Select(r => ((string)P(r, "Region")!, (long)P(r, "ZoneId")!)));

        var folder = Assert.Single(Ps.Run("Import-CallZone $args[0] -Database $args[1]", Ps.Directory, db).AllErrors);
        Assert.Equal("PathIsFolder", Id(folder));
        Assert.DoesNotContain("-Recurse", folder.Exception.Message);
        var several = Assert.Single(Ps.Run("Import-CallZone z*.csv -Database $args[0]", db).AllErrors);
        Assert.Equal("InvalidArgument", Id(several));
        var bad = Assert.Single(Ps.Run("Import-CallZone $args[0] -Database $args[1]", Write("z3.csv", "zone_id,country,region,prefix\n1,A,A x,64\n1,A,A y,65\n"), db).AllErrors);
        Assert.Equal("InvalidZoneTable", Id(bad));
        Assert.Contains("line 3", bad.Exception.Message);
    }
}
