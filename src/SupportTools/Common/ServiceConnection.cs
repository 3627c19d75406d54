using System.Management.Automation;

namespace SupportTools.Commands;

/// <summary>
/// A connection to one remote service kept for the PowerShell session by a <c>Connect-*</c> cmdlet (as PowerShell REST
/// modules do): the address and the credentials, which the service's cmdlets use when they are given neither
/// credentials nor <c>-BaseUri</c>, or which they take through <c>-Connection</c>. The secret stays a
/// <see cref="System.Security.SecureString"/> inside the derived type; nothing here prints it (<see cref="ToString"/>
/// names the service, address and user only).
/// </summary>
public abstract class ServiceConnection
{
    /// <summary>Creates a connection to <paramref name="baseUri"/> made now.</summary>
    protected ServiceConnection(Uri baseUri)
    {
        BaseUri = baseUri;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The service's name, as the cmdlets and errors say it (Close, Desk, Kazoo, Freshdesk).</summary>
    public abstract string Service { get; }

    /// <summary>The service's address: scheme, host and port only.</summary>
    public Uri BaseUri { get; }

    /// <summary>Who the connection acts as (a user name, an account), or null when the credential is a bare key.</summary>
    public virtual string? UserName => null;

    /// <summary>When the connection was made.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <inheritdoc />
    public override string ToString() => UserName is null ? $"{Service} at {BaseUri}" : $"{Service} at {BaseUri} as {UserName}";
}

/// <summary>
/// The connections of the current PowerShell session (runspace), one per service type. A runspace's connections go
/// when the runspace does (weakly keyed), so runspaces in one process never see each other's credentials.
/// </summary>
internal static class SessionConnections
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Management.Automation.Runspaces.Runspace, Dictionary<Type, ServiceConnection>> ByRunspace = new();

    /// <summary>Keeps <paramref name="connection"/> as the session's connection to its service, replacing any earlier one.</summary>
    public static void Set<TConnection>(TConnection connection) where TConnection : ServiceConnection
    {
        var connections = ByRunspace.GetOrCreateValue(CurrentRunspace());
        lock (connections) connections[typeof(TConnection)] = connection;
    }

    /// <summary>The session's connection of this type, or null when <c>Connect-*</c> has not been run in it.</summary>
    public static TConnection? Get<TConnection>() where TConnection : ServiceConnection
    {
        if (!ByRunspace.TryGetValue(CurrentRunspace(), out var connections)) return null;
        lock (connections) return connections.TryGetValue(typeof(TConnection), out var connection) ? (TConnection)connection : null;
    }

    // Cmdlets run on their runspace's pipeline thread, where DefaultRunspace is that runspace.
    private static System.Management.Automation.Runspaces.Runspace CurrentRunspace() =>
        System.Management.Automation.Runspaces.Runspace.DefaultRunspace
        ?? throw new InvalidOperationException("No PowerShell runspace on this thread: connections are kept per session.");
}
