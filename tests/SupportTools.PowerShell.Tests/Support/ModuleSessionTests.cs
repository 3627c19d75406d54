namespace SupportTools.PowerShell.Tests.Support;

/// <summary>The hosted engine is the complete one a user's pwsh has, not the bare System.Management.Automation.</summary>
public sealed class ModuleSessionTests : IDisposable
{
    private readonly ModuleSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void Export_Csv_Import_Csv_and_Format_Table_work_on_the_module_objects()
    {
        var result = _ps.Run("""
            $activities = New-TicketActivity -TicketCount 5 -Seed 1
            $activities | Export-Csv -Path activities.csv
            $rows = @(Import-Csv -Path activities.csv)
            [pscustomobject] @{
                Activities = $activities.Count; Rows = $rows.Count; FirstActivity = $rows[0].Activity; Expected = $activities[0].Activity
                Table = [string] ($activities | Format-Table | Out-String -Width 120)
            }
            """);
        result.ThrowOnError();
        var summary = result.Output.Single();
        Assert.Equal(summary.Properties["Activities"].Value, summary.Properties["Rows"].Value);
        Assert.Equal((string)summary.Properties["Expected"].Value, (string)summary.Properties["FirstActivity"].Value);
        Assert.Matches(@"TicketId\s+PerformedAt\s+PerformerType", (string)summary.Properties["Table"].Value);
    }

    [Fact]
    public void The_module_loads_from_the_staging_of_this_configuration()
    {
        Assert.Equal(Path.TrimEndingDirectorySeparator(ModuleSession.StagedModule),
            Path.TrimEndingDirectorySeparator(_ps.Module.ModuleBase));
#if DEBUG
        Assert.EndsWith(Path.Combine("out", "Debug", "SupportTools"), _ps.Module.ModuleBase);
#else
        Assert.EndsWith(Path.Combine("out", "Release", "SupportTools"), _ps.Module.ModuleBase);
#endif
    }
}
