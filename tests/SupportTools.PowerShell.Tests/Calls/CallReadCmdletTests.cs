using System.Management.Automation;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests.Calls;

/// <summary>Get-CallCountry and Get-CallRegion: geocoded names, pipelines, unknown countries, and reads that never create.</summary>
public sealed class CallReadCmdletTests : ModuleTest
{
    private string Store()
    {
        var file = Ps.PathOf("cdrs.jsonl");
        File.WriteAllLines(file, [
            CallImportCmdletTests.Cdr("a", 0, "+6434181234", "+6493001000"),
            CallImportCmdletTests.Cdr("b", 1, "+6421555123", "+61298765432"),
            CallImportCmdletTests.Cdr("c", 2, "+447400123456", "1001", billing: 0, cause: "NO_ANSWER"),
        ]);
        var db = Ps.PathOf("calls.db");
        RunOk("Import-CallRecord $args[0] -Database $args[1]", file, db);
        return db;
    }

    [Fact]
    public void Countries_are_the_geocoded_countries_of_the_stored_numbers_as_sorted_strings()
    {
        var db = Store();
        var countries = RunOk("Get-CallCountry -Database $args[0]", db).Output;
        Assert.All(countries, c => Assert.IsType<string>(c.BaseObject));
        Assert.Equal(["Australia", "New Zealand", "United Kingdom"], countries.Select(c => (string)c.BaseObject));
    }

    [Fact]
    public void Regions_pipe_from_countries_and_from_regions_by_property_name()
    {
        var db = Store();
        var all = RunOk("Get-CallCountry -Database $args[0] | Get-CallRegion -Database $args[0]", db).Output;
        Assert.Equal(["Australia Sydney", "New Zealand Auckland", "New Zealand Balclutha", "New Zealand Mobile", "United Kingdom Mobile"],
            all.Select(r => (string)P(r, "Region")!));
        Assert.All(all, r => Assert.Contains("SupportTools.Calls.CallRegion", r.TypeNames));
        var again = RunOk("Get-CallRegion 'united kingdom' -Database $args[0] | Get-CallRegion -Database $args[0]", db).Output;
        Assert.Equal("United Kingdom Mobile", P(Assert.Single(again), "Region"));
    }

    [Fact]
    public void An_unknown_country_is_an_error_and_the_others_are_still_listed()
    {
        var db = Store();
        var result = Ps.Run("Get-CallRegion -Country Fiji, Australia -Database $args[0]", db);
        var error = Assert.Single(result.AllErrors);
        Assert.Equal("CountryNotFound", Id(error));
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("Fiji", error.TargetObject);
        Assert.Contains("Australia, New Zealand, United Kingdom", error.Exception.Message);
        Assert.Equal("Australia Sydney", P(Assert.Single(result.Output), "Region"));
    }

    [Fact]
    public void Reading_never_creates_a_database_nor_reads_one_without_calls()
    {
        var missing = Ps.PathOf("missing.db");
        foreach (var script in new[] { "Get-CallCountry -Database $args[0]", "Get-CallRegion 'New Zealand' -Database $args[0]" })
            Assert.Equal("DatabaseNotFound", Id(Assert.Single(Ps.Run(script, missing).AllErrors)));
        Assert.False(File.Exists(missing));

        var tickets = Ps.PathOf("tickets.db");
        RunOk($"New-TicketActivity 2 -Seed 1 {Window} | Import-TicketActivity -Database $args[0]", tickets);
        var error = Assert.Single(Ps.Run("Get-CallCountry -Database $args[0]", tickets).AllErrors);
        Assert.Equal("DatabaseNotFound", Id(error));
        Assert.Contains("no calls data", error.Exception.Message);
    }
}
