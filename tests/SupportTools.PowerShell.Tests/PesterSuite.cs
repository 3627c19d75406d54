using System.Management.Automation;
using System.Management.Automation.Runspaces;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests;

/// <summary>
/// Runs tests/Pester in this process under <c>dotnet test</c>, one xunit case per Pester file, with the Pester that
/// this project restores. Pester writes its own NUnit 3 result file per test file to TestResults/Pester/, so CI counts
/// every Pester test (.ci/run sums those files and leaves these wrapper cases out of its totals).
/// </summary>
public sealed class PesterSuite
{
    /// <summary>The folder of the Pester tests.</summary>
    public static string PesterFolder { get; } = Path.Combine(ModuleSession.RepoRoot, "tests", "Pester");

    /// <summary>Where Pester's result files go (the folder .ci/run reads).</summary>
    public static string ResultFolder { get; } = Path.Combine(ModuleSession.RepoRoot, "TestResults", "Pester");

    /// <summary>Pester files that test the module as a whole or the test infrastructure rather than a cmdlet.</summary>
    private static readonly string[] InfrastructureFiles = ["SupportTools.Module.Tests.ps1", "TestServer.Tests.ps1"];

    public static TheoryData<string> PesterFiles() => new(PesterFileNames());

    private static string[] PesterFileNames() =>
        Directory.GetFiles(PesterFolder, "*.Tests.ps1").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Every_cmdlet_has_a_Pester_file()
    {
        // Guards the discovery above: a missing or renamed folder would make the theory vacuous.
        var session = new ModuleSession();
        using (session)
            Assert.Equal(session.Module.ExportedCmdlets.Keys.Select(name => name + ".Tests.ps1").Order(StringComparer.Ordinal), PesterFileNames().Except(InfrastructureFiles));
    }

    [Theory]
    [MemberData(nameof(PesterFiles))]
    public void Pester_file_passes(string file)
    {
        Directory.CreateDirectory(ResultFolder);
        var resultFile = Path.Combine(ResultFolder, Path.GetFileNameWithoutExtension(file) + ".xml");
        File.Delete(resultFile);

        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass; // Pester's scripts
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand(Path.Combine(PesterFolder, "Invoke-SupportToolsPester.ps1"))
            .AddParameter("PesterManifest", ModuleSession.PesterManifest).AddParameter("Path", Path.Combine(PesterFolder, file))
            .AddParameter("ResultFile", resultFile).AddParameter("StagedModule", ModuleSession.StagedModule);
        var output = shell.Invoke();
        var run = output.Single();

        var failures = ((IEnumerable<object>)run.Properties["Failures"].Value).Select(f => f.ToString()).ToList();
        Assert.True(File.Exists(resultFile), "Pester wrote no result file " + resultFile);
        Assert.True((int)run.Properties["Total"].Value > 0, "Pester found no tests in " + file);
        Assert.True(failures.Count == 0, $"{failures.Count} Pester failure(s) in {file}:\n" + string.Join("\n", failures));
        Assert.Equal("Passed", (string)run.Properties["Result"].Value);
    }
}
