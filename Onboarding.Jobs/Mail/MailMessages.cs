using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Onboarding.Core.Digests;

namespace Onboarding.Jobs.Mail;

public static class MailMessages
{
    /// <summary>
    /// <c>digest.{recipient hash}.{yyyyMMdd}@{domain}</c>: the same outbox key always gets the same Message-ID,
    /// so a retry after an unclear failure can be recognised as the same mail by servers and clients.
    /// </summary>
    public static string MessageId(DigestKey key, string domain) => $"{LocalPart(key)}@{domain}";

    /// <summary>The Message-ID under <paramref name="options"/>: its MessageIdDomain, or else the From address's domain.</summary>
    public static string MessageId(DigestKey key, MailOptions options) => MessageId(key, MessageIdDomain(options));

    private static string MessageIdDomain(MailOptions options) =>
        string.IsNullOrWhiteSpace(options.MessageIdDomain) ? MailboxAddress.Parse(options.From).Domain : options.MessageIdDomain;

    // The recipient is hashed: an email address cannot sit in a Message-ID's left part, and
    // headers travel further than the mail's addressee.
    public static string LocalPart(DigestKey key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.Recipient));
        return $"digest.{Convert.ToHexStringLower(hash.AsSpan(0, 10))}.{key.Period:yyyyMMdd}";
    }

    /// <exception cref="ParseException">An address does not parse.</exception>
    public static MimeMessage Create(OutgoingMail mail, MailOptions options, DateTimeOffset now)
    {
        var from = MailboxAddress.Parse(options.From);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = now,
            MessageId = $"{mail.Id}@{MessageIdDomain(options)}",
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.ToName, MailboxAddress.Parse(mail.ToAddress).Address));
        if (mail.UnsubscribeUrl is not null)
        {
            // RFC 8058 one-click unsubscribe: mail providers POST to the URL without showing a page.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }
        // RFC 3834: keeps out-of-office replies away from the sender.
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
        return message;
    }
}
