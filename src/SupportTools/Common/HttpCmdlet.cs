using System.Management.Automation;
using System.Net;
using System.Security;
using SupportTools.Http;

namespace SupportTools.Commands;

/// <summary>
/// A cmdlet that talks to a remote service: <c>-BaseUri</c> (scheme, host and port only; the cmdlet adds the API paths;
/// default: the service's real address), a bridge that runs async Core work on the thread pool while its progress,
/// verbose lines, warnings and output are written here on the pipeline thread, and the one place secrets are turned
/// into text (at the last moment, never logged). Credential parameters differ per service (<c>-ApiKey</c> for Close,
/// <c>-Credential</c> or OAuth for Desk), so each cmdlet declares its own and reads them through
/// <see cref="Reveal(SecureString)"/>.
/// </summary>
public abstract class HttpCmdlet : SupportToolsCmdlet
{
    /// <summary>The service's address: scheme, host and port only (e.g. <c>http://127.0.0.1:5000</c> for a test server).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>The service's real address, used when <c>-BaseUri</c> is not given.</summary>
    protected abstract Uri DefaultBaseUri { get; }

    /// <summary>
    /// The address of the session connection this cmdlet uses (from <c>-Connection</c> or <c>Connect-*</c>), when it
    /// uses one and <c>-BaseUri</c> is absent; null otherwise.
    /// </summary>
    protected virtual Uri? ConnectionBaseUri => null;

    /// <summary>
    /// The address to call (<c>-BaseUri</c>, else the connection's, else the service's real one); terminates when it has
    /// a path, query or a scheme other than http(s), or when <c>-BaseUri</c> names another address than the connection
    /// in use (whose credentials must not go elsewhere).
    /// </summary>
    protected Uri ServiceUri
    {
        get
        {
            var connection = ConnectionBaseUri;
            if (BaseUri is not null && connection is not null &&
                Uri.Compare(BaseUri, connection, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                    $"The connection is for {connection}, not -BaseUri {BaseUri}: a connection's credentials are only sent to the address they were " +
                    "given for. Leave -BaseUri out, or give credentials for that address (or connect to it with its Connect-* cmdlet).", BaseUri));
            var uri = BaseUri ?? connection ?? DefaultBaseUri;
            if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgumentError(
                    $"-BaseUri must be a scheme, host and port only (e.g. '{DefaultBaseUri}'), not '{uri}': the cmdlet adds the API paths.", uri));
            return uri;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> off the pipeline thread and writes each item it emits with <c>WriteObject</c> (or
    /// hands it to <paramref name="sink"/>, e.g. to write some as errors), on the pipeline thread, as it arrives; its
    /// reports become progress (under <paramref name="activity"/>), verbose lines and warnings.
    /// </summary>
    protected void WriteAsync<T>(string activity, string unit, Func<IOperationReporter, Action<T>, CancellationToken, Task> work, Action<T>? sink = null)
    {
        var reporter = new CmdletReporter(this, activity, unit);
        try
        {
            new CallerThreadBridge(reporter).Run(work, sink ?? (item => WriteObject(item)), CancellationToken);
        }
        finally
        {
            reporter.Complete();
        }
    }

    /// <summary>Runs <paramref name="work"/> off the pipeline thread and returns its result; reports as in <see cref="WriteAsync{T}"/>.</summary>
    protected T RunAsync<T>(string activity, string unit, Func<IOperationReporter, CancellationToken, Task<T>> work)
    {
        var reporter = new CmdletReporter(this, activity, unit);
        try
        {
            return new CallerThreadBridge(reporter).Run(work, CancellationToken);
        }
        finally
        {
            reporter.Complete();
        }
    }

    /// <summary>
    /// The options for a client of the module's one HTTP layer (retries, rate-limit hints, a verbose line per request)
    /// for this cmdlet's service at <see cref="ServiceUri"/>. Call it on the pipeline thread (an invalid -BaseUri
    /// terminates here); create the <see cref="ServiceClient"/> from it inside the async work, with the reporter given
    /// there, and dispose it there.
    /// </summary>
    protected ServiceClientOptions ClientOptions(string serviceName, IRequestSigner? signer, int maxConcurrency = 1) =>
        new() { BaseUri = ServiceUri, ServiceName = serviceName, Signer = signer, MaxConcurrency = maxConcurrency };

    /// <summary>The text of a secret, for the HTTP layer only: never write it to any stream or error.</summary>
    protected static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

    /// <summary>The password of <paramref name="credential"/> (an API key or password), for the HTTP layer only.</summary>
    protected static string Reveal(PSCredential credential) => credential.GetNetworkCredential().Password;
}
