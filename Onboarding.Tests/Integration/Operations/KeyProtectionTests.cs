using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Operations;

/// <summary>
/// With a certificate configured, the data-protection keys in the database are encrypted to it: another node with the
/// certificate reads them, and a reader of the database alone cannot use them to make or read sign-in cookies.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "pfx password";
    private readonly string folder = Directory.CreateTempSubdirectory("onboarding-keys-").FullName;

    [Fact]
    public async Task Keys_are_stored_encrypted_to_the_configured_certificate()
    {
        var certificate = CreateCertificate();
        await using var app = WithCertificate(new OnboardingFactory(), certificate);
        await app.InitializeAsync();
        await app.SignedInClientAsync("alex.morgan@northstar.example");
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a sign-in");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<EncryptedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });

        // Another node on the same database with the certificate decrypts the key and reads what the first protected.
        await using var sameCertificate = WithCertificate(new OnboardingFactory { Settings = { ["ConnectionStrings:Onboarding"] = app.ConnectionString } }, certificate);
        await sameCertificate.InitializeAsync();
        Assert.Equal("a sign-in", sameCertificate.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));

        // With the database alone, the key is useless.
        await using var databaseOnly = new OnboardingFactory { Settings = { ["ConnectionStrings:Onboarding"] = app.ConnectionString } };
        await databaseOnly.InitializeAsync();
        Assert.ThrowsAny<CryptographicException>(() => databaseOnly.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }

    [Fact]
    public async Task A_missing_certificate_file_stops_the_start_with_a_message_naming_the_setting()
    {
        await using var app = new OnboardingFactory { Settings = { ["DataProtection:CertificatePath"] = Path.Combine(folder, "missing.pfx") } };

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains("DataProtection:CertificatePath", error.ToString());
    }

    private static OnboardingFactory WithCertificate(OnboardingFactory app, string pfx)
    {
        app.Settings["DataProtection:CertificatePath"] = pfx;
        app.Settings["DataProtection:CertificatePassword"] = Password;
        return app;
    }

    /// <summary>A self-signed certificate with its key, as a password-protected PFX file.</summary>
    private string CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Onboarding data protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
