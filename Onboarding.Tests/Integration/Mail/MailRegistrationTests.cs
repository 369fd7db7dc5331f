using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Onboarding.Jobs.Mail;

namespace Onboarding.Tests.Integration.Mail;

public class MailRegistrationTests
{
    [Fact]
    public void Without_an_smtp_host_mail_goes_to_the_pickup_folder_in_the_data_folder()
    {
        using var host = Build(["--Database:DataDirectory=/var/lib/onboarding"]);

        Assert.IsType<PickupFolderMailSender>(host.Services.GetRequiredService<IMailSender>());
        var options = host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("/var/lib/onboarding/mail-pickup", options.PickupDirectory);
    }

    [Fact]
    public void With_an_smtp_host_mail_goes_over_smtp()
    {
        using var host = Build(["--Smtp:Host=smtp.example", "--Smtp:Port=587", "--Smtp:Tls=StartTls"]);

        Assert.IsType<SmtpMailSender>(host.Services.GetRequiredService<IMailSender>());
        Assert.Equal(SmtpTlsMode.StartTls, host.Services.GetRequiredService<IOptions<MailOptions>>().Value.Tls);
    }

    [Fact]
    public void A_from_address_that_does_not_parse_stops_start_up_with_the_setting_named()
    {
        using var host = Build(["--Smtp:From=not an address"]);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MailOptions>>().Value);
        Assert.Contains("Smtp:From", error.Message);
    }

    [Fact]
    public void A_pinned_certificate_fingerprint_that_is_not_sha256_stops_start_up_with_the_setting_named()
    {
        using var host = Build(["--Smtp:Host=smtp.example", "--Smtp:TrustedCertificateSha256=AB:CD:EF"]);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MailOptions>>().Value);
        Assert.Contains("Smtp:TrustedCertificateSha256", error.Message);
    }

    private static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddMail();
        return builder.Build();
    }
}
