using System.Management.Automation;
using System.Security;
using SupportTools.Tickets.Freshdesk;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// <para type="synopsis">Keeps a Freshdesk account (domain and API key) for this session, for Get-FreshdeskActivityExport.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Freshdesk", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(FreshdeskConnection))]
public sealed class ConnectFreshdeskCommand : HttpCmdlet
{
    private const string ApiKeySet = "ApiKey", CredentialSet = "Credential";

    /// <summary>The account's host name, e.g. <c>acme.freshdesk.com</c> (a bare <c>acme</c> means <c>acme.freshdesk.com</c>).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Domain { get; set; } = "";

    /// <summary>The API key of an administrator (Profile settings in Freshdesk).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>The API key as a credential's password (e.g. from <c>Get-Secret</c>); the user name is not used.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>Also writes the connection to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private Uri? _account;

    /// <summary>https://&lt;Domain&gt;.</summary>
    protected override Uri DefaultBaseUri => _account ?? new Uri("https://yourcompany.freshdesk.com");

    /// <inheritdoc />
    protected override void OnRecord()
    {
        _account = FreshdeskExportService.AccountAddress(Domain);
        var connection = new FreshdeskConnection(ServiceUri, _account.Host, ApiKey ?? Credential!.Password);
        SessionConnections.Set(connection);
        WriteVerbose($"Connected to Freshdesk at {connection.BaseUri} ({connection.Domain}) for this session; nothing was sent: a wrong key shows at the first request.");
        if (PassThru) WriteObject(connection);
    }
}
