using System.Management.Automation;

namespace SupportTools.Commands.Desk;

/// <summary>
/// A Desk site kept for the session by <c>Connect-Desk</c>: its address and either an agent's e-mail and password
/// (basic authentication) or an OAuth 1.0a application's consumer credential and a user's access token. The
/// credentials stay <see cref="PSCredential"/>s (their secrets <see cref="System.Security.SecureString"/>s) and are not
/// properties, so nothing that formats or exports the connection shows them.
/// </summary>
public sealed class DeskConnection : ServiceConnection
{
    internal DeskConnection(Uri baseUri, PSCredential credential) : base(baseUri) => Credential = credential;

    internal DeskConnection(Uri baseUri, PSCredential consumer, PSCredential token) : base(baseUri)
    {
        OAuthConsumer = consumer;
        OAuthToken = token;
    }

    /// <inheritdoc />
    public override string Service => "Desk";

    /// <summary>The agent's e-mail address (basic authentication), or the OAuth consumer key.</summary>
    public override string? UserName => Credential?.UserName ?? OAuthConsumer?.UserName;

    /// <summary>How requests are signed: <c>Basic</c> (e-mail and password) or <c>OAuth</c> (OAuth 1.0a).</summary>
    public string Authentication => Credential is null ? "OAuth" : "Basic";

    internal PSCredential? Credential { get; }
    internal PSCredential? OAuthConsumer { get; }
    internal PSCredential? OAuthToken { get; }
}
