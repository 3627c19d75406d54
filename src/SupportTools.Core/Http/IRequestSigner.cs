namespace SupportTools.Http;

/// <summary>Adds a service's credentials to a request, once per attempt, just before it is sent.</summary>
public interface IRequestSigner
{
    /// <summary>Sets the request's authorization (header or parameters); <paramref name="request"/> has its final URI.</summary>
    void Sign(HttpRequestMessage request);

    /// <summary>
    /// The secrets this signer sends or signs with (passwords, API keys, tokens, header values), so the client can scrub
    /// them, and their encoded forms, from whatever a server says back in an error. Empty by default.
    /// </summary>
    IEnumerable<string> Secrets => [];
}
