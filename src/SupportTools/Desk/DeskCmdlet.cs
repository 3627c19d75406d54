using System.Management.Automation;
using SupportTools.Http;

namespace SupportTools.Commands.Desk;

/// <summary>
/// What the Desk cmdlets share: the credentials (<c>-Credential</c> for basic authentication, or <c>-OAuthConsumer</c>
/// with <c>-OAuthToken</c> for OAuth 1.0a) and the site's address, which has no common default (every Desk site lives
/// at its own address).
/// </summary>
public abstract class DeskCmdlet : HttpCmdlet
{
    /// <summary>The parameter sets of basic authentication and of OAuth 1.0a.</summary>
    protected const string BasicSet = "Credential", OAuthSet = "OAuth";

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

    /// <summary>Not a usable default (Desk sites live at their own address; desk.com was retired): only the example in messages.</summary>
    protected override Uri DefaultBaseUri { get; } = new("https://yoursite.desk.com");

    /// <summary>Terminates unless an address is known (-BaseUri, or the connection's).</summary>
    protected void RequireBaseUri()
    {
        if (BaseUri is null && ConnectionBaseUri is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                $"Give your Desk site's address with -BaseUri (e.g. {DefaultBaseUri}): Desk sites have no common address to default to.", null));
    }

    /// <summary>The connection the parameters describe, at <paramref name="address"/>.</summary>
    protected DeskConnection GivenConnection(Uri address) => Credential is null
        ? new DeskConnection(address, OAuthConsumer!, OAuthToken!)
        : new DeskConnection(address, Credential);

    /// <summary>The signer for <paramref name="connection"/>'s credentials: basic, or OAuth 1.0a.</summary>
    protected static IRequestSigner Signer(DeskConnection connection) => connection.Credential is { } credential
        ? new BasicAuthSigner(credential.UserName, Reveal(credential))
        : new OAuth1Signer(connection.OAuthConsumer!.UserName, Reveal(connection.OAuthConsumer), connection.OAuthToken!.UserName, Reveal(connection.OAuthToken));
}
