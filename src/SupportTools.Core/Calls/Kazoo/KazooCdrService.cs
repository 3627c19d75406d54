using SupportTools.Http;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// The Kazoo crossbar use cases the cmdlets call: checking credentials (<c>Connect-Kazoo</c>) and pulling an account's
/// CDRs as <see cref="CallRecord"/>s (<c>Get-KazooCdr</c>), through the module's one HTTP layer with an auth token
/// renewed once when crossbar refuses it. The options' signer is not used: the token is the credential.
/// </summary>
public static class KazooCdrService
{
    /// <summary>The service name in verbose lines and errors.</summary>
    public const string ServiceName = "Kazoo";

    /// <summary>Authenticates once and returns the account id the credentials belong to (null when crossbar names none).</summary>
    public static async Task<string?> ConnectAsync(ServiceClientOptions options, KazooCredential credential, IOperationReporter reporter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        using var session = new KazooSession(options, credential, reporter ?? NullReporter.Instance);
        await session.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        return session.AccountId;
    }

    /// <summary>
    /// Pulls the CDRs <paramref name="query"/> asks for, passing each to <paramref name="emit"/> as its page arrives and
    /// each row that cannot be read to <paramref name="badRow"/> (null: such a row stops the pull); returns how many were
    /// emitted. Failures are <see cref="ServiceException"/>s that name the request and say crossbar's reason.
    /// </summary>
    public static async Task<long> PullAsync(ServiceClientOptions options, KazooCredential credential, KazooCdrQuery query,
        IOperationReporter reporter, Action<CallRecord> emit, Action<InputFormatException>? badRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(emit);
        reporter ??= NullReporter.Instance;
        using var session = new KazooSession(options, credential, reporter);
        return await new KazooCdrPager(session, query, reporter).PullAsync(emit, badRow, cancellationToken).ConfigureAwait(false);
    }
}
