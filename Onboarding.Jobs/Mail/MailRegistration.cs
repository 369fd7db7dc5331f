using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace Onboarding.Jobs.Mail;

public static class MailRegistration
{
    /// <summary>Registers <see cref="IMailSender"/>: SMTP when Mail:Host is set, otherwise the pickup folder.</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        builder.Services.AddOptions<MailOptions>()
            .Bind(section)
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, builder.Environment.ContentRootPath))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Mail:From must be a mail address, e.g. \"Onboarding <digests@example.com>\".")
            .Validate(o => o.Port is >= 0 and <= 65535, "Mail:Port must be between 0 and 65535.")
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
