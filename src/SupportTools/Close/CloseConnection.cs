using System.Security;

namespace SupportTools.Commands.Close;

/// <summary>
/// A Close account kept for the session by <c>Connect-Close</c> (or passed with <c>-Connection</c>): the address and
/// the API key (a read-only <see cref="SecureString"/> that nothing prints), and the user the key belongs to.
/// </summary>
public sealed class CloseConnection : ServiceConnection
{
    internal CloseConnection(Uri baseUri, SecureString apiKey, string? userName)
        : base(baseUri)
    {
        ApiKey = apiKey.Copy();
        ApiKey.MakeReadOnly();
        UserName = userName;
    }

    /// <inheritdoc />
    public override string Service => "Close";

    /// <summary>The e-mail address of the Close user the key belongs to (from <c>GET /api/v1/me/</c>).</summary>
    public override string? UserName { get; }

    /// <summary>The API key: for the HTTP layer only.</summary>
    internal SecureString ApiKey { get; }
}
