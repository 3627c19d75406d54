using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Tickets;

/// <summary>The store as users meet it: wrong files, missing databases and failing files among good ones, each a clear error.</summary>
public sealed class TicketStoreErrorTests : ModuleTest
{
    private string Export(string name, int seed)
    {
        var path = Ps.PathOf(name);
        Ps.Run($"New-TicketActivity 5 -Seed {seed} -Path $args[0] {Window}", path).ThrowOnError();
        return path;
    }

    [Theory]
    [InlineData("json")]
    [InlineData("empty")]
    [InlineData("foreign")]
    public void A_file_that_is_not_a_store_is_refused_by_every_cmdlet_and_left_byte_for_byte(string kind)
    {
        var database = Ps.PathOf("not-a-store." + kind);
        switch (kind)
        {
            case "json": File.WriteAllText(database, """{"name":"package","version":"1.0.0"}"""); break;
            case "empty": File.WriteAllBytes(database, []); break;
            // Another application's SQLite file (one table, one row), made with Python's sqlite3 and kept beside this test.
            default: File.Copy(Path.Combine(ModuleSession.RepoRoot, "tests", "SupportTools.PowerShell.Tests", "Tickets", "foreign-app.sqlite"), database); break;
        }
        var before = File.ReadAllBytes(database);
        var file = Export("a.json", 1);

        foreach (var script in new[] { "Import-TicketActivity $args[1] -Database $args[0]", "Get-TicketActivity -Database $args[0]",
                                       "Get-TicketDuration -Database $args[0]" })
        {
            var result = Ps.Run(script, database, file);
            var error = Assert.Single(result.AllErrors);
            Assert.Equal("NotASupportToolsDatabase", Id(error));
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains(database, error.ToString());
            Assert.Empty(result.Output);
        }
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal([database], Directory.GetFiles(Ps.Directory, "not-a-store*"));
    }

    [Fact]
    public void Read_cmdlets_never_create_a_database()
    {
        var database = Ps.PathOf("none.db");
        foreach (var script in new[] { "Get-TicketActivity -Database $args[0]", "Get-TicketDuration -Database $args[0]" })
        {
            var error = Assert.Single(Ps.Run(script, database).AllErrors);
            Assert.Equal("DatabaseNotFound", Id(error));
        }
        var blank = Assert.Single(Ps.Run("Get-TicketDuration -Database ' '").AllErrors);
        Assert.Equal("InvalidArgument", Id(blank));
        var folder = Assert.Single(Ps.Run("Get-TicketDuration -Database $args[0]", Ps.Directory).AllErrors);
        Assert.Equal("PathIsFolder", Id(folder));
        Assert.Empty(Directory.GetFiles(Ps.Directory));
    }

    [Fact]
    public void A_bad_file_among_good_ones_is_that_files_error_and_the_others_import()
    {
        var first = Export("1.json", 1);
        var bad = Ps.PathOf("2.json");
        File.WriteAllText(bad, """{"metadata":{"start_at":"04-03-2024 00:00:00 +0000","end_at":"05-03-2024 00:00:00 +0000","activities_count":1},"activities_data":[{"performed_at":"04-03-2024 10:00:00 +9900","ticket_id":1,"performer_type":"user","performer_id":1,"activity":{}}]}""");
        var third = Export("3.json", 3);
        var database = Ps.PathOf("multi.db");

        var result = Ps.Run("Import-TicketActivity -Path $args[0], $args[1], $args[2] -Database $args[3]", first, bad, third, database);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("InvalidExportFile", Id(error));
        Assert.Contains("2.json", error.ToString());
        Assert.Equal([first, third], result.Output.Select(o => (string)o.Properties["Path"].Value));
    }
}
