using System.Management.Automation;
using System.Security;
using SupportTools.Calls.Kazoo;

namespace SupportTools.Commands.Calls;

/// <summary>
/// What the Kazoo cmdlets share: the credentials (<c>-ApiKey</c>, or <c>-Credential</c> with <c>-AccountName</c>),
/// <c>-AccountId</c>, and the crossbar address, which has no common default (every Kazoo runs at its own address).
/// </summary>
public abstract class KazooCmdlet : HttpCmdlet
{
    /// <summary>The parameter set of an API key.</summary>
    protected const string ApiKeySet = "ApiKey";

    /// <summary>The parameter set of a user's name and password.</summary>
    protected const string CredentialSet = "Credential";

    /// <summary>The account's API key (the account document's <c>api_key</c>), e.g. from <c>Get-Secret</c>; exchanged for an auth token through <c>PUT /v2/api_auth</c>.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>A Kazoo user's name and password; exchanged for an auth token through <c>PUT /v2/user_auth</c> (crossbar receives the MD5 of <c>user:password</c>).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The name of the account the user of <c>-Credential</c> belongs to (crossbar's <c>account_name</c>).</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [ValidateNotNullOrEmpty]
    public string? AccountName { get; set; }

    /// <summary>The account (32 hexadecimal digits); default: the account the credentials belong to.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AccountId { get; set; }

    /// <summary>Not a usable default (Kazoo runs at each operator's own address): only the example in messages.</summary>
    protected override Uri DefaultBaseUri { get; } = new("http://kazoo.example.com:8000");

    /// <summary>The credentials given as parameters, or null when none were.</summary>
    protected KazooCredential? GivenCredential() => ApiKey is null && Credential is null ? null : KazooConnection.Credential(ApiKey, Credential, AccountName);

    /// <summary>Terminates unless -BaseUri was given (credentials given as parameters need the address they are for).</summary>
    protected void RequireBaseUri()
    {
        if (BaseUri is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                $"Give the crossbar's address with -BaseUri (e.g. {DefaultBaseUri}): Kazoo has no common address to default to.", null));
    }
}
