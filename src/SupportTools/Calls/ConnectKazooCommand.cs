using System.Management.Automation;
using SupportTools.Calls.Kazoo;

namespace SupportTools.Commands.Calls;

/// <summary>
/// <para type="synopsis">Checks Kazoo crossbar credentials and keeps them as the session's Kazoo connection.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Kazoo", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(KazooConnection))]
public sealed class ConnectKazooCommand : KazooCmdlet
{
    /// <summary>Emits the connection as well as keeping it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void OnRecord()
    {
        RequireBaseUri();
        var credential = GivenCredential()!;
        var options = ClientOptions(KazooCdrService.ServiceName, null);
        var account = RunAsync("Connecting to Kazoo", "requests",
            (reporter, token) => KazooCdrService.ConnectAsync(options, credential, reporter, token));
        var connection = new KazooConnection(options.BaseUri, AccountId ?? account, ApiKey, Credential, AccountName);
        SessionConnections.Set(connection);
        WriteVerbose($"Kazoo: connected to {connection.BaseUri} for account {connection.AccountId ?? "(not named)"}; Get-KazooCdr uses this connection when given neither credentials nor -BaseUri.");
        if (PassThru) WriteObject(connection);
    }
}
