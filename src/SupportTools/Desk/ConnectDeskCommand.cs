using System.Management.Automation;

namespace SupportTools.Commands.Desk;

/// <summary>
/// <para type="synopsis">Keeps a Desk site's address and credentials for this PowerShell session, so Get-DeskCase needs neither.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Desk", DefaultParameterSetName = BasicSet)]
[OutputType(typeof(DeskConnection))]
public sealed class ConnectDeskCommand : HttpCmdlet
{
    private const string BasicSet = "Credential", OAuthSet = "OAuth";

    /// <summary>The agent's e-mail address and password (HTTP basic authentication).</summary>
    [Parameter(Mandatory = true, ParameterSetName = BasicSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The OAuth 1.0a application's consumer key (user name) and consumer secret (password).</summary>
    [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? OAuthConsumer { get; set; }

    /// <summary>The OAuth 1.0a access token (user name) and token secret (password).</summary>
    [Parameter(Mandatory = true, ParameterSetName = OAuthSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? OAuthToken { get; set; }

    /// <summary>Writes the connection to the pipeline too (it is kept for the session either way).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Not a usable default (Desk sites live at their own address): only the example in messages.</summary>
    protected override Uri DefaultBaseUri { get; } = new("https://yoursite.desk.com");

    /// <inheritdoc />
    protected override void OnRecord()
    {
        if (BaseUri is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                $"Give your Desk site's address with -BaseUri (e.g. {DefaultBaseUri}): Desk sites have no common address to default to.", null));
        var address = ServiceUri;
        var connection = ParameterSetName == OAuthSet
            ? new DeskConnection(address, OAuthConsumer!, OAuthToken!)
            : new DeskConnection(address, Credential!);
        SessionConnections.Set(connection);
        WriteVerbose($"Desk: connected to {address} as {connection.UserName} ({connection.Authentication}); Get-DeskCase uses this connection when given neither credentials nor -BaseUri.");
        if (PassThru) WriteObject(connection);
    }
}
