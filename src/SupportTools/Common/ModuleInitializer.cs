using System.Management.Automation;
using System.Runtime.Loader;

namespace SupportTools.Commands;

/// <summary>
/// Sets the module up on import: SupportTools.Core and its packages resolve from the module's private load context
/// (<see cref="DependencyLoadContext"/>), and native SQLite (<c>e_sqlite3</c>) from the staged module folder on every
/// platform. <c>SUPPORTTOOLS_SQLITE_LIBRARY</c> overrides the native library's path (for distributions that ship their
/// own SQLite build).
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <summary>The environment variable that names a native SQLite library to use instead.</summary>
    public const string OverrideVariable = "SUPPORTTOOLS_SQLITE_LIBRARY";

    private static readonly string ModuleAssemblyPath = typeof(ModuleInitializer).Assembly.Location;

    /// <summary>Runs when PowerShell imports the module (once per import; the hooks are registered once).</summary>
    public void OnImport()
    {
        DependencyLoadContext.Register();
        // Load the types users name now, not at the first cmdlet call, so scripts can use them
        // ([SupportTools.Tickets.TicketActivity]) right after Import-Module.
        _ = typeof(SupportTools.Tickets.TicketActivity).Assembly;
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
