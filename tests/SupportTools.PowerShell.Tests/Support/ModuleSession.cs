using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace SupportTools.PowerShell.Tests.Support;

/// <summary>
/// A real PowerShell engine (the complete one, as in pwsh) in this process with the *staged* module imported from
/// out/&lt;Configuration&gt;/SupportTools, exactly as a user's <c>Import-Module ./out/Release/SupportTools</c> would
/// load it, plus a scratch folder.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        Directory = Path.Combine(Path.GetTempPath(), "supporttools-ps-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        _runspace.SessionStateProxy.Path.SetLocation(Directory);
        var import = Run("Import-Module $args[0] -PassThru -ErrorAction Stop", StagedManifest);
        import.ThrowOnError();
        Module = (PSModuleInfo)import.Output[0].BaseObject;
    }

    /// <summary>The staged module folder that <c>dotnet build</c> produced for this test build's configuration.</summary>
    public static string StagedModule { get; } = Path.GetFullPath(BuildMetadata("StagedModule"));

    /// <summary>The staged manifest that <c>dotnet build</c> produced.</summary>
    public static string StagedManifest { get; } = Path.Combine(StagedModule, "SupportTools.psd1");

    /// <summary>Pester's manifest, restored by this project's <c>PackageDownload</c>.</summary>
    public static string PesterManifest { get; } = Path.GetFullPath(BuildMetadata("PesterManifest"));

    /// <summary>The repository root (the folder holding SupportTools.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A scratch folder, also the session's current location.</summary>
    public string Directory { get; }

    /// <summary>The imported module.</summary>
    public PSModuleInfo Module { get; }

    /// <summary>A path inside the scratch folder.</summary>
    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// Starts a script and stops it (as Ctrl+C does) once <paramref name="until"/> holds or 30 s have passed; returns
    /// whether the condition held before the stop.
    /// </summary>
    public bool RunAndStop(string script, Func<bool> until, params object?[] arguments)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments) shell.AddArgument(argument);
        var running = shell.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!until() && !running.IsCompleted && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var held = until();
        shell.Stop();
        try { shell.EndInvoke(running); } catch (PipelineStoppedException) { }
        return held;
    }

    /// <summary>Runs a script; arguments arrive as <c>$args</c>. Non-terminating errors are collected, terminating ones too.</summary>
    public PsResult Run(string script, params object?[] arguments)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments) shell.AddArgument(argument);
        Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            output = [];
            terminating = exception;
        }
        return new PsResult(output, shell.Streams.Error.ToList(), shell.Streams.Progress.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(), shell.Streams.Warning.Select(w => w.Message).ToList(), terminating);
    }

    public void Dispose()
    {
        _runspace.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A path the build recorded in this assembly (see the csproj's AssemblyMetadata items).</summary>
    private static string BuildMetadata(string key) =>
        typeof(ModuleSession).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata: rebuild the test project.");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupportTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find SupportTools.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>What a pipeline produced on each stream.</summary>
public sealed record PsResult(Collection<PSObject> Output, List<ErrorRecord> Errors, List<ProgressRecord> Progress,
    List<string> Verbose, List<string> Warnings, RuntimeException? Terminating)
{
    public IEnumerable<ErrorRecord> AllErrors => Terminating?.ErrorRecord is { } record ? Errors.Append(record) : Errors;

    public void ThrowOnError()
    {
        var first = AllErrors.FirstOrDefault();
        if (first is not null) throw new Xunit.Sdk.XunitException($"PowerShell error {first.FullyQualifiedErrorId}: {first}");
    }

    /// <summary>The output's base objects of type <typeparamref name="T"/> — by type name, since the module's types load in the engine, not here.</summary>
    public List<PSObject> OfType(string typeName) =>
        Output.Where(o => o.TypeNames.Contains(typeName)).ToList();
}
