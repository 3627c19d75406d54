using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SupportTools.TestServer;

/// <summary>Certificates no machine trusts, for <see cref="LoopbackServerOptions.Certificate"/>.</summary>
public static class SelfSignedCertificate
{
    /// <summary>A self-signed certificate for <c>127.0.0.1</c>, valid for a day, with its private key.</summary>
    public static X509Certificate2 For127001()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Exported and loaded again so the key is usable by the TLS stack on every platform (Windows needs a stored key).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
