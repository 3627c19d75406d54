using System.Management.Automation;
using System.Net;
using System.Security;
using SupportTools.Calls.Kazoo;

namespace SupportTools.Commands.Calls;

/// <summary>
/// A Kazoo crossbar connection kept for the session by <c>Connect-Kazoo</c>: the crossbar's address, the account, and
/// the credentials (an API key, or a user's name and password with the account's name), used by <c>Get-KazooCdr</c>
/// when it is given neither credentials nor <c>-BaseUri</c>, or through <c>-Connection</c>. The secret stays a
/// <see cref="SecureString"/>; nothing here prints it.
/// </summary>
public sealed class KazooConnection : ServiceConnection
{
    private readonly SecureString? _apiKey;
    private readonly PSCredential? _credential;

    internal KazooConnection(Uri baseUri, string? accountId, SecureString? apiKey, PSCredential? credential, string? accountName)
        : base(baseUri)
    {
        AccountId = accountId;
        _apiKey = apiKey?.Copy();
        _apiKey?.MakeReadOnly();
        _credential = credential;
        AccountName = accountName;
    }

    /// <inheritdoc />
    public override string Service => KazooCdrService.ServiceName;

    /// <summary>The account whose CDRs <c>Get-KazooCdr</c> pulls unless given <c>-AccountId</c> (the credentials' own account by default).</summary>
    public string? AccountId { get; }

    /// <summary>The account's name the user signs in to (user credentials only).</summary>
    public string? AccountName { get; }

    /// <summary>How the connection authenticates: <c>ApiKey</c> or <c>User</c>.</summary>
    public string AuthenticatesWith => _apiKey is not null ? "ApiKey" : "User";

    /// <inheritdoc />
    public override string? UserName => _credential?.UserName;

    /// <summary>The credentials for Core, revealed at the last moment (for the HTTP layer only).</summary>
    internal KazooCredential Credential() => Credential(_apiKey, _credential, AccountName);

    /// <summary>The Core credentials from the cmdlet parameters: an API key, or a user and password (with the account's name).</summary>
    internal static KazooCredential Credential(SecureString? apiKey, PSCredential? credential, string? accountName)
    {
        if (apiKey is not null)
        {
            var key = new NetworkCredential(string.Empty, apiKey).Password;
            if (string.IsNullOrWhiteSpace(key)) throw new InvalidRequestException("-ApiKey is empty; give the account's API key.");
            return KazooCredential.FromApiKey(key);
        }
        if (credential is null) throw new InvalidRequestException("Give -ApiKey, or -Credential (a user and password) with -AccountName.");
        if (string.IsNullOrWhiteSpace(credential.UserName)) throw new InvalidRequestException("-Credential has no user name; give the Kazoo user's name and password.");
        return KazooCredential.FromUser(credential.UserName, credential.GetNetworkCredential().Password, accountName);
    }
}
