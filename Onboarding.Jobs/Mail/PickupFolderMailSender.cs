using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Onboarding.Jobs.Mail;

/// <summary>
/// Writes each mail as an .eml file named after its <see cref="OutgoingMail.Id"/>, for machines without an
/// SMTP server. Writing the same mail again replaces the file, so a retry never makes a second copy.
/// </summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options, TimeProvider time) : IMailSender
{
    private readonly MailOptions options = options.Value;

    public async IAsyncEnumerable<DeliveryResult> SendAsync(IReadOnlyList<OutgoingMail> batch, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.PickupDirectory);
        foreach (var mail in batch)
        {
            yield return await WriteAsync(mail, cancellationToken);
        }
    }

    private async Task<DeliveryResult> WriteAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = MailMessages.Create(mail, options, time.GetUtcNow());
        }
        catch (ParseException e)
        {
            return new DeliveryResult(mail.Id, DeliveryOutcome.PermanentFailure, $"Bad address: {e.Message}");
        }

        var path = Path.Combine(options.PickupDirectory, mail.Id + ".eml");
        // Written beside, then moved: a reader of the folder never sees half a message.
        var partial = path + ".partial";
        try
        {
            await using (var file = File.Create(partial))
            {
                await message.WriteToAsync(file, cancellationToken);
            }
            File.Move(partial, path, overwrite: true);
            return new DeliveryResult(mail.Id, DeliveryOutcome.Sent);
        }
        catch (IOException e)
        {
            return new DeliveryResult(mail.Id, DeliveryOutcome.TransientFailure, e.Message);
        }
    }
}
