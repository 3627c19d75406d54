using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

// Runs every tests/Pester file on this process's PowerShell engine (7.4) against the staged module of the given
// configuration, writing one NUnit result file per Pester file to TestResults/Pester-<engine version>/.
// Usage: dotnet run --project tests/SupportTools.OldestEngine -c Release [-- <Configuration>]
// Exit code: the number of failed files (0 when all passed); a missing staged module or Pester is 100.
var metadata = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
var repoRoot = metadata["RepoRoot"];
var configuration = args.Length > 0 ? args[0] : "Release";
var stagedModule = Path.Combine(repoRoot, "out", configuration, "SupportTools");
var pesterManifest = metadata["PesterManifest"];
var pesterFolder = Path.Combine(repoRoot, "tests", "Pester");
if (!File.Exists(Path.Combine(stagedModule, "SupportTools.psd1")) || !File.Exists(pesterManifest))
{
    Console.Error.WriteLine($"No staged module at {stagedModule} or no Pester at {pesterManifest}: build the solution ({configuration}) first.");
    return 100;
}

string engine;
using (var probe = PowerShell.Create()) engine = probe.AddScript("$PSVersionTable.PSVersion.ToString()").Invoke().Single().ToString();
var resultFolder = Path.Combine(repoRoot, "TestResults", "Pester-" + string.Join('.', engine.Split('.').Take(2)));
Directory.CreateDirectory(resultFolder);
Console.WriteLine($"Pester on the PowerShell {engine} engine (.NET {Environment.Version}) against {stagedModule}");

var failedFiles = 0;
foreach (var file in Directory.GetFiles(pesterFolder, "*.Tests.ps1").Order(StringComparer.Ordinal))
{
    var resultFile = Path.Combine(resultFolder, Path.GetFileNameWithoutExtension(file) + ".xml");
    File.Delete(resultFile);
    // A runspace per file, as the 7.6 suite does: each file imports the module into a fresh session.
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddCommand(Path.Combine(pesterFolder, "Invoke-SupportToolsPester.ps1"))
        .AddParameter("PesterManifest", pesterManifest).AddParameter("Path", file)
        .AddParameter("ResultFile", resultFile).AddParameter("StagedModule", stagedModule);
    string result;
    List<string> failures;
    try
    {
        var run = shell.Invoke().Single();
        result = (string)run.Properties["Result"].Value;
        failures = ((IEnumerable<object>)run.Properties["Failures"].Value).Select(f => f.ToString()!).ToList();
        if (!File.Exists(resultFile)) failures.Add("Pester wrote no result file " + resultFile);
    }
    catch (Exception exception)
    {
        result = "Failed";
        failures = [exception.ToString()];
    }
    Console.WriteLine($"{Path.GetFileName(file)}: {result}");
    foreach (var failure in failures) Console.WriteLine("  " + failure);
    if (result != "Passed" || failures.Count > 0) failedFiles++;
}
Console.WriteLine(failedFiles == 0 ? "Every Pester file passed on this engine." : $"{failedFiles} Pester file(s) failed on this engine.");
return failedFiles;
