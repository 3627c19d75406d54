using System.Management.Automation;

namespace SupportTools.Commands.Desk;

/// <summary>
/// <para type="synopsis">Keeps a Desk site's address and credentials for this PowerShell session, so Get-DeskCase needs neither.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Desk", DefaultParameterSetName = BasicSet)]
[OutputType(typeof(DeskConnection))]
public sealed class ConnectDeskCommand : DeskCmdlet
{
    /// <summary>Writes the connection to the pipeline too (it is kept for the session either way).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        RequireBaseUri();
        var address = ServiceUri;
        var connection = GivenConnection(address);
        SessionConnections.Set(connection);
        WriteVerbose($"Desk: connected to {address} as {connection.UserName} ({connection.Authentication}); Get-DeskCase uses this connection when given neither credentials nor -BaseUri.");
        if (PassThru) WriteObject(connection);
    }
}
