using System.Management.Automation;

namespace SupportTools.PowerShell.Tests.Support;

/// <summary>A test class with its own engine and scratch folder (a fresh <see cref="ModuleSession"/>), and the helpers every module test uses.</summary>
public abstract class ModuleTest : IDisposable
{
    /// <summary>A fixed generation window, so runs are reproducible.</summary>
    protected const string Window = "-Start '2024-03-04T00:00:00Z' -End '2024-03-05T00:00:00Z'";

    /// <summary>The engine with the staged module imported.</summary>
    protected ModuleSession Ps { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
        Ps.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A property's value.</summary>
    protected static object? P(PSObject o, string name) => o.Properties[name]?.Value;

    /// <summary>The error id without the command name.</summary>
    protected static string Id(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    /// <summary>Runs a script that must not write an error.</summary>
    protected PsResult RunOk(string script, params object?[] args)
    {
        var result = Ps.Run(script, args);
        result.ThrowOnError();
        return result;
    }
}
