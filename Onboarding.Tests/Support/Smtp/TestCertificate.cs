using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Onboarding.Tests.Support.Smtp;

/// <summary>Self-signed server certificates made at start-up, so no key ever sits in the repository.</summary>
public static class TestCertificate
{
    /// <summary>
    /// An RSA 2048 certificate for localhost and 127.0.0.1, the kind most mail relays present; no
    /// client trusts it unless told to (e.g. by pinning its SHA-256 fingerprint).
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(string name = "test-smtp.localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        // Round-tripped through PKCS#12 so the private key is a persisted one that SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The fingerprint the mail settings pin (<c>Smtp__TrustedCertificateSha256</c>).</summary>
    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
