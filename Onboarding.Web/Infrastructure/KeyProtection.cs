using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;

namespace Onboarding.Web.Infrastructure;

/// <summary>The "DataProtection" section: the certificate that encrypts the data-protection keys at rest.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file holding a certificate and its private key; every node of one site uses the same one.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Data-protection keys sign and encrypt the sign-in and antiforgery cookies, and every node shares them through the
/// database. Stored as they are, anyone who can read the DataProtectionKeys table can mint a sign-in cookie for any
/// account; with <c>DataProtection__CertificatePath</c> set, each key is stored encrypted to that certificate, and the
/// table alone is useless. The SQLite demo on one machine may stay without it; PostgreSQL warns at start until it is set.
/// </summary>
public static class KeyProtection
{
    public static IHostApplicationBuilder AddOnboardingDataProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Onboarding").PersistKeysToDbContext<OnboardingDbContext>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(Load(options));
        }
        else
        {
            builder.Services.AddHostedService<UnencryptedKeysWarning>();
        }
        return builder;
    }

    /// <summary>
    /// Makes the key ring's first key (or its successor, when the last one is near expiry) under the setup lock, before
    /// the node serves. Nodes started together each made a key of their own otherwise, and a node that read the ring
    /// before another's key was stored rejected that node's cookies until its next refresh, a day later: a sign-in on one
    /// node was sent back to the sign-in page by the other.
    /// </summary>
    public static Task MakeKeyAsync(IServiceProvider services, OnboardingDbContext db) =>
        SetupLock.RunAsync(db, _ =>
        {
            // Protecting anything reads the ring from the database and adds a key if it has no usable one.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Onboarding.KeyRing").Protect([]);
            return Task.FromResult(true);
        });

    private static X509Certificate2 Load(KeyProtectionOptions options)
    {
        var path = Path.GetFullPath(options.CertificatePath!);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' holds no private key: give a PFX with the certificate and its key.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' cannot be read as a PFX with DataProtection:CertificatePassword: {e.Message}", e);
        }
    }

    private sealed class UnencryptedKeysWarning(IOptions<DatabaseOptions> database, ILogger<UnencryptedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (database.Value.Provider == DatabaseProvider.Postgres)
            {
                logger.LogWarning(
                    "Data-protection keys are stored unencrypted in the database: anyone who can read its DataProtectionKeys table can forge sign-in cookies. " +
                    "Set DataProtection__CertificatePath (and DataProtection__CertificatePassword) to a PFX certificate shared by every node to encrypt them.");
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
