using System.Management.Automation;
using System.Security;
using SupportTools.Close;

namespace SupportTools.Commands.Close;

/// <summary>
/// <para type="synopsis">Checks a Close API key and keeps it, with the address, for the Close cmdlets of this session.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Close", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(CloseConnection))]
public sealed class ConnectCloseCommand : CloseCmdlet
{
    /// <summary>The Close API key (e.g. <c>Get-Secret CloseApiKey</c>).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A credential whose password is the Close API key (the user name is not used).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>Emits the connection (it is kept for the session either way).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void OnEnd() => Guard(() =>
    {
        var key = ResolveKey(ApiKey, Credential, null)!;
        var options = CloseOptions(key);
        var user = RunAsync("Connecting to Close", "requests", (reporter, token) => new CloseLeadService(options).ConnectAsync(reporter, token));
        var connection = new CloseConnection(options.BaseUri, key, user);
        SessionConnections.Set(connection);
        WriteVerbose($"Connected to {connection}; the Close cmdlets of this session use it when given neither a key nor -BaseUri.");
        if (PassThru) WriteObject(connection);
    });
}
