using System.Text.Json;
using SupportTools.Http;

namespace SupportTools.Calls.Kazoo;

/// <summary>
/// One conversation with crossbar: authenticates for an auth token (<see cref="KazooCredential"/>), sends it as
/// <c>X-Auth-Token</c> with every request through the module's one HTTP client (retries, 429, verbose lines), and when a
/// request is refused with 401 (tokens expire) authenticates again and repeats that request once. Crossbar's refusals
/// are rethrown with its own words (see <see cref="KazooRefusal"/>); nothing here ever holds the secret in a message.
/// </summary>
internal sealed class KazooSession : IDisposable
{
    private readonly KazooCredential _credential;
    private readonly IOperationReporter _reporter;
    private readonly KazooTokenSigner _signer;
    private readonly ServiceClient _client;

    public KazooSession(ServiceClientOptions options, KazooCredential credential, IOperationReporter reporter)
    {
        _credential = credential;
        _signer = new KazooTokenSigner(credential);
        _reporter = reporter;
        BaseUri = options.BaseUri;
        // The cmdlet's options, with the token signer: one request at a time, since a renewed token must not race.
        _client = new ServiceClient(options with { Signer = _signer, MaxConcurrency = 1 }, reporter);
    }

    /// <summary>The crossbar's address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The account the credentials belong to (<c>data.account_id</c> of the authentication answer).</summary>
    public string? AccountId { get; private set; }

    /// <summary>How many times a token was obtained (the first authentication included).</summary>
    public int Authentications { get; private set; }

    /// <summary>Gets a fresh auth token; a refusal says which credentials were refused.</summary>
    public async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        _signer.Token = null;
        var request = new ServiceRequest(HttpMethod.Put, _credential.Target) { Body = _credential.Body() };
        ServiceResponse response;
        try
        {
            response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            throw Refused(e, e.Failure == ServiceFailure.Authentication || e.StatusCode == 400
                ? $"crossbar refused {_credential} ({_credential.Target}); check " + (_credential.IsApiKey
                    ? "the API key (the account's api_key)"
                    : "the user name, the password and -AccountName (the account's name)")
                : null);
        }
        using var json = response.ParseJson();
        var root = json.RootElement;
        var token = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("auth_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
            throw new ServiceException(ServiceFailure.InvalidResponse, "Kazoo", HttpMethod.Put, response.RequestUri, response.StatusCode, response.Attempts,
                "the answer has no auth_token; is -BaseUri a Kazoo crossbar (usually port 8000)?");
        _signer.Token = token;
        Authentications++;
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("account_id", out var account) && account.ValueKind == JsonValueKind.String)
            AccountId = account.GetString();
        _reporter.Verbose(Authentications == 1
            ? $"Kazoo: authenticated through {_credential.Target} for account {AccountId ?? "(not given)"}."
            : $"Kazoo: authenticated again through {_credential.Target} (token {Authentications}).");
    }

    /// <summary>
    /// GETs <paramref name="target"/> as JSON with the token; after a 401 authenticates again and sends it once more.
    /// A refusal (4xx) is a <see cref="ServiceException"/> with crossbar's words; <paramref name="refused"/> may turn a
    /// refusal into another exception (the range error) or return null to keep it.
    /// </summary>
    public async Task<JsonDocument> GetJsonAsync(string target, Func<ServiceException, KazooRefusal, Exception?> refused, CancellationToken cancellationToken)
    {
        if (_signer.Token is null) await AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.Failure == ServiceFailure.Authentication)
        {
            _reporter.Verbose("Kazoo: the auth token was refused (HTTP 401: expired or revoked); authenticating again and repeating the request once.");
        }
        catch (ServiceException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            var refusal = KazooRefusal.Read(e);
            throw refused(e, refusal) ?? Refused(e, refusal, null);
        }
        await AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException e) when (e.StatusCode is >= 400 and < 500 and not 429)
        {
            var refusal = KazooRefusal.Read(e);
            throw (e.Failure == ServiceFailure.Authentication ? null : refused(e, refusal))
                ?? Refused(e, refusal, e.Failure == ServiceFailure.Authentication
                    ? "a fresh auth token was refused too: these credentials may not read this account's CDRs"
                    : null);
        }
    }

    private Task<JsonDocument> SendAsync(string target, CancellationToken cancellationToken) => _client.GetJsonAsync(target, cancellationToken);

    private ServiceException Refused(ServiceException e, string? reason) => Refused(e, KazooRefusal.Read(e), reason);

    /// <summary>The same failure, with crossbar's own explanation instead of the generic one.</summary>
    internal static ServiceException Refused(ServiceException e, KazooRefusal refusal, string? reason) =>
        new(e.Scrubber, e.Failure, "Kazoo", new HttpMethod(e.Method), e.RequestUri, e.StatusCode, e.Attempts,
            reason ?? e.Failure switch
            {
                ServiceFailure.Authentication => "the auth token was refused",
                ServiceFailure.PermissionDenied => "these credentials may not do this (another account's CDRs?)",
                ServiceFailure.NotFound => "no such resource; check -BaseUri (crossbar, usually port 8000) and -AccountId",
                _ => "crossbar refused the request",
            },
            refusal.Text ?? e.ServiceMessage, e);

    public void Dispose()
    {
        _client.Dispose();
    }
}
