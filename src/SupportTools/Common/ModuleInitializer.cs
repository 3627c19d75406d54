using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// Sets the module up on import: SupportTools.Core and its packages resolve from the module's private load context
/// (SupportTools.Loader's <c>DependencyLoadContext</c>, which the manifest's first nested module has hooked already;
/// hooked again here, idempotently, for a bare <c>Import-Module SupportTools.dll</c>), native SQLite (<c>e_sqlite3</c>)
/// from the staged module folder on every platform, and the types users name load at once.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    /// <summary>The environment variable that names a native SQLite library to use instead.</summary>
    public const string OverrideVariable = SupportTools.Loader.DependencyLoadContext.SqliteOverrideVariable;

    /// <summary>Runs when PowerShell imports the module.</summary>
    public void OnImport()
    {
        SupportTools.Loader.DependencyLoadContext.Register();
        // Load the types users name now, not at the first cmdlet call, so scripts can use them
        // ([SupportTools.Tickets.TicketActivity]) right after Import-Module.
        _ = typeof(SupportTools.Tickets.TicketActivity).Assembly;
    }
}
