using System.Security;

namespace SupportTools.Commands.Tickets;

/// <summary>
/// A Freshdesk account kept for the session by <c>Connect-Freshdesk</c>: its address and API key. The key stays a
/// read-only <see cref="SecureString"/> that only the module reads, at the last moment, for the export listing; it is
/// not a property, so neither <c>Format-List *</c> nor <c>Export-Clixml</c> shows it.
/// </summary>
public sealed class FreshdeskConnection : ServiceConnection
{
    internal FreshdeskConnection(Uri baseUri, string domain, SecureString apiKey)
        : base(baseUri)
    {
        Domain = domain;
        ApiKey = apiKey.Copy();
        ApiKey.MakeReadOnly();
    }

    /// <inheritdoc />
    public override string Service => "Freshdesk";

    /// <summary>The account's host name, e.g. <c>acme.freshdesk.com</c>.</summary>
    public string Domain { get; }

    /// <summary>The API key (a copy the caller cannot change).</summary>
    internal SecureString ApiKey { get; }
}
