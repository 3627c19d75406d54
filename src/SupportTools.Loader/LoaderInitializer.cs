using System.Management.Automation;

namespace SupportTools.Loader;

/// <summary>
/// Runs when PowerShell imports this nested module, which the manifest lists before the root module SupportTools.dll:
/// from then on SupportTools.Core resolves from the module's private load context (<see cref="DependencyLoadContext"/>).
/// </summary>
public sealed class LoaderInitializer : IModuleAssemblyInitializer
{
    /// <summary>Hooks the resolution (once per process).</summary>
    public void OnImport() => DependencyLoadContext.Register();
}
