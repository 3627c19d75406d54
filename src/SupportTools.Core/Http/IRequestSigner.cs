namespace SupportTools.Http;

/// <summary>Adds a service's credentials to a request, once per attempt, just before it is sent.</summary>
public interface IRequestSigner
{
    /// <summary>Sets the request's authorization (header or parameters); <paramref name="request"/> has its final URI.</summary>
    void Sign(HttpRequestMessage request);
}
