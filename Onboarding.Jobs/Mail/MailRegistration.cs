using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Onboarding.Core.Data;

namespace Onboarding.Jobs.Mail;

public static class MailRegistration
{
    /// <summary>Registers <see cref="IMailSender"/>: SMTP when Smtp:Host is set, otherwise the pickup folder.</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        // The pickup folder sits in the data folder beside the SQLite file of the embedded default.
        var dataDirectory = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataDirectory ?? new DatabaseOptions().DataDirectory;
        var dataRoot = Path.GetFullPath(dataDirectory, builder.Environment.ContentRootPath);
        builder.Services.AddOptions<MailOptions>()
            .Bind(section)
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, dataRoot))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Smtp:From must be a mail address, e.g. \"Onboarding <digests@example.com>\".")
            .Validate(o => o.Port is >= 0 and <= 65535, "Smtp:Port must be between 0 and 65535.")
            .Validate(o => o.TrustedCertificateSha256 is null || SmtpMailSender.Fingerprint(o.TrustedCertificateSha256) is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit),
                "Smtp:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (string.IsNullOrWhiteSpace(section["Host"]))
        {
            builder.Services.AddSingleton<IMailSender, PickupFolderMailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        return builder;
    }
}
