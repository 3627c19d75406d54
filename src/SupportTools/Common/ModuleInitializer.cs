using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SupportTools.Commands;

/// <summary>
/// Makes native SQLite (<c>e_sqlite3</c>) load from the staged module folder on every platform.
/// PowerShell only probes <c>&lt;dir&gt;/&lt;rid&gt;/</c>, not the <c>runtimes/&lt;rid&gt;/native/</c> layout NuGet
/// produces, so the module resolves it from its own <c>.deps.json</c>. <c>SUPPORTTOOLS_SQLITE_LIBRARY</c>
/// overrides the path (for distributions that ship their own SQLite build).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <summary>The environment variable that names a native SQLite library to use instead.</summary>
    public const string OverrideVariable = "SUPPORTTOOLS_SQLITE_LIBRARY";

    private static int _registered;
    private static readonly string ModuleAssemblyPath = typeof(ModuleInitializer).Assembly.Location;

    /// <summary>Runs once when PowerShell imports the module.</summary>
    public void OnImport()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNativeLibrary;
        // Load the core now, not at the first cmdlet call, so scripts can name its types
        // ([SupportTools.Tickets.TicketActivity]) right after Import-Module.
        _ = typeof(SupportTools.Tickets.TicketActivity).Assembly;
    }

    private static IntPtr ResolveNativeLibrary(Assembly requestingAssembly, string libraryName)
    {
        if (!libraryName.Contains("e_sqlite3", StringComparison.OrdinalIgnoreCase)) return IntPtr.Zero;
        var path = FindNativeLibrary(libraryName);
        if (path is null)
            throw new DllNotFoundException(
                $"SupportTools could not find the native SQLite library '{libraryName}' for {RuntimeInformation.RuntimeIdentifier} " +
                $"under '{Path.Combine(Path.GetDirectoryName(ModuleAssemblyPath)!, "runtimes")}'. Reinstall the module, or set " +
                $"{OverrideVariable} to the full path of a compatible library.");
        return NativeLibrary.Load(path);
    }

    /// <summary>The override, else what the module's .deps.json says for this platform, else null.</summary>
    internal static string? FindNativeLibrary(string libraryName)
    {
        var overridePath = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridePath)) return overridePath;
        var resolved = new AssemblyDependencyResolver(ModuleAssemblyPath).ResolveUnmanagedDllToPath(libraryName);
        return resolved is not null && File.Exists(resolved) ? resolved : null;
    }
}
