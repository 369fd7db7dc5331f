using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Onboarding.Jobs.Mail;

namespace Onboarding.Tests.Integration.Mail;

public sealed class PickupFolderMailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "onboarding-pickup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_one_eml_per_outbox_key_even_when_sent_again()
    {
        var sender = new PickupFolderMailSender(
            Options.Create(new MailOptions { From = "digests@northwind.example", PickupDirectory = folder }),
            new FakeTimeProvider());
        var mail = SmtpMailSenderTests.Mail(1);

        var first = await sender.SendAsync([mail]).ToListAsync();
        var again = await sender.SendAsync([mail]).ToListAsync();

        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(first).Outcome);
        Assert.Equal(DeliveryOutcome.Sent, Assert.Single(again).Outcome);
        var file = Assert.Single(Directory.GetFiles(folder));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal($"<{mail.UnsubscribeUrl}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Contains(".leading dot stays", message.TextBody);
    }
}
