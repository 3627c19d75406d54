using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SupportTools.Loader;

/// <summary>
/// The module's private load context: SupportTools.Core and its packages (NodaTime, Polly, CsvHelper, PhoneNumbers,
/// SQLitePCLRaw, System.IO.Hashing) load here from the module's <c>Dependencies/</c> folder, so another module that
/// loaded other versions of them into PowerShell's default context cannot break ours, nor ours break it (the design
/// of PSql and PSOpenAD; see "Resolving PowerShell module assembly dependency conflicts" in the PowerShell docs).
/// SupportTools.dll and SupportTools.Model.dll (the types users name: output, parameter and exception types) stay in
/// the default context, because PowerShell resolves type literals such as <c>[SupportTools.Calls.CallRecord]</c> only
/// there. It lives in SupportTools.Loader, the manifest's first nested module, so it is hooked before PowerShell scans
/// SupportTools.dll (whose cmdlet classes may need Core to load). This context finds no Model in <c>Dependencies/</c>, so it falls back to the default context's one: both
/// sides share one Model.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    /// <summary>The assembly the default context asks us for; everything else it needs is in PowerShell or beside it.</summary>
    internal const string CoreAssemblyName = "SupportTools.Core";

    /// <summary>The folder, beside SupportTools.dll, that holds the isolated assemblies.</summary>
    internal const string FolderName = "Dependencies";

    /// <summary>The environment variable that names a native SQLite library to use instead of the module's own.</summary>
    internal const string SqliteOverrideVariable = "SUPPORTTOOLS_SQLITE_LIBRARY";

    /// <summary>The module folder: this assembly sits at its top, beside SupportTools.dll.</summary>
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location)!;

    /// <summary>The one context of this process (a second runspace importing the module shares it).</summary>
    internal static DependencyLoadContext Instance { get; } = new(Path.Combine(ModuleFolder, FolderName));

    private readonly string _folder;

    private DependencyLoadContext(string folder) : base("SupportTools", isCollectible: false) => _folder = folder;

    /// <summary>Hooks the default context's resolution of SupportTools.Core to this context (idempotent).</summary>
    internal static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            Default.Resolving += ResolveCoreForDefault;
    }

    private static int _registered;

    /// <summary>
    /// The default context could not find SupportTools.Core (it is not beside SupportTools.dll): hand it ours. Any
    /// other name is not ours to answer.
    /// </summary>
    private static Assembly? ResolveCoreForDefault(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal) ? Instance.LoadFromAssemblyName(name) : null;

    /// <summary>An assembly in <c>Dependencies/</c> loads here; anything else (the framework, SupportTools.Model) from the default context.</summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// Native SQLite for SQLitePCLRaw, which loads here: PowerShell only probes <c>&lt;dir&gt;/&lt;rid&gt;/</c>, not the
    /// <c>runtimes/&lt;rid&gt;/native/</c> layout NuGet produces, so the path comes from the module's <c>.deps.json</c>.
    /// </summary>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        if (!unmanagedDllName.Contains("e_sqlite3", StringComparison.OrdinalIgnoreCase)) return IntPtr.Zero;
        var path = FindNativeLibrary(unmanagedDllName)
            ?? throw new DllNotFoundException(
                $"SupportTools could not find the native SQLite library '{unmanagedDllName}' for {RuntimeInformation.RuntimeIdentifier} " +
                $"under '{Path.Combine(ModuleFolder, "runtimes")}'. Reinstall the module, or set " +
                $"{SqliteOverrideVariable} to the full path of a compatible library.");
        return LoadUnmanagedDllFromPath(path);
    }

    /// <summary>
    /// The override, else what the module's SupportTools.deps.json says for this platform (it lists only the shipped
    /// platforms' <c>runtimes/&lt;rid&gt;/native/</c> files), else null.
    /// </summary>
    internal static string? FindNativeLibrary(string libraryName)
    {
        var overridePath = Environment.GetEnvironmentVariable(SqliteOverrideVariable);
        if (!string.IsNullOrEmpty(overridePath)) return overridePath;
        var resolved = new AssemblyDependencyResolver(Path.Combine(ModuleFolder, "SupportTools.dll")).ResolveUnmanagedDllToPath(libraryName);
        return resolved is not null && File.Exists(resolved) ? resolved : null;
    }
}
