using System.Collections;
using System.Management.Automation;
using System.Security;
using SupportTools.Http;

namespace SupportTools.Commands.Close;

/// <summary>
/// What the cmdlets that call Close share: Close's address, where the key comes from (<c>-ApiKey</c> or
/// <c>-Credential</c>, else <c>-Connection</c>, else the session's <c>Connect-Close</c> connection when neither a key nor
/// <c>-BaseUri</c> is given; revealed only to the HTTP layer as the basic-auth user with an empty password), and a
/// guard that turns any exception the module has no meaning for into an <c>UnexpectedError</c> record. Each cmdlet
/// declares -ApiKey, -Credential and -Connection itself, in its own parameter sets, so its syntax shows them as
/// alternatives.
/// </summary>
public abstract class CloseCmdlet : HttpCmdlet
{
    /// <summary>Parameter-set name parts: the key given as -ApiKey, as -Credential, or as a connection.</summary>
    protected const string ApiKeySet = "ApiKey", CredentialSet = "Credential", ConnectionSet = "Connection";

    private const string MissingKey =
        "Give the Close API key with -ApiKey (a SecureString, e.g. from Get-Secret) or -Credential, or run Connect-Close once in this session.";

    private CloseConnection? _connection;

    /// <inheritdoc />
    protected override Uri DefaultBaseUri { get; } = new("https://api.close.com");

    /// <inheritdoc />
    protected override Uri? ConnectionBaseUri => _connection?.BaseUri;

    /// <summary>
    /// The key to sign with: <paramref name="apiKey"/>, else <paramref name="credential"/>'s password, else the key of
    /// <paramref name="connection"/> or (without -BaseUri) of the session's connection; terminates when there is none
    /// unless <paramref name="optional"/>.
    /// </summary>
    protected SecureString? ResolveKey(SecureString? apiKey, PSCredential? credential, CloseConnection? connection, bool optional = false)
    {
        if (apiKey is not null) return apiKey;
        if (credential is not null) return credential.Password;
        _connection = connection ?? (BaseUri is null ? SessionConnections.Get<CloseConnection>() : null);
        if (_connection is not null)
        {
            WriteVerbose($"Using the connection to {_connection}.");
            return _connection.ApiKey;
        }
        if (!optional)
            ThrowTerminatingError(ErrorRecords.InvalidArgumentError(BaseUri is null ? MissingKey : MissingKey + " (-BaseUri alone does not use the session's connection.)", null));
        return null;
    }

    /// <summary>The client options for Close at the address in use, signed with <paramref name="key"/>; <paramref name="concurrency"/> requests in flight.</summary>
    protected ServiceClientOptions CloseOptions(SecureString key, int concurrency = 1)
    {
        var text = Reveal(key);
        if (string.IsNullOrWhiteSpace(text)) ThrowTerminatingError(ErrorRecords.InvalidArgumentError("The Close API key is empty. " + MissingKey, null));
        return ClientOptions("Close", new BasicAuthSigner(text, ""), concurrency); // Close: the key is the user, the password empty
    }

    /// <summary>-CustomFieldMap as a case-insensitive dictionary.</summary>
    protected static IReadOnlyDictionary<string, string> FieldNames(Hashtable? customFieldMap) => CloseLeadInput.Names(customFieldMap);

    /// <summary>
    /// Runs <paramref name="step"/>; an exception that neither PowerShell nor the module's mapping knows (a bug) ends the
    /// command as <c>UnexpectedError</c> with its type and message, instead of escaping raw.
    /// </summary>
    protected void Guard(Action step) => UnexpectedErrorGuard.Run(this, step);
}
