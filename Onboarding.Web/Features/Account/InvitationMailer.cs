using System.Globalization;
using System.Net;
using Onboarding.Jobs.Mail;

namespace Onboarding.Web.Features.Account;

/// <summary>Who is invited where, by whom, and the link that lets them set their password; <see cref="TimeZone"/> is the invitee's (IANA).</summary>
public sealed record InvitationLetter(string Name, string Email, string TimeZone, string Engagement, string Provider, string InvitedBy, string Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Emails an invitation link while the leader waits. The token exists only in this request (only its hash is
/// stored), so there is nothing to retry from later: when the mail cannot go, the leader is told why and
/// passes the link on themselves.
/// </summary>
public sealed class InvitationMailer(IMailSender sender, ILogger<InvitationMailer> logger)
{
    /// <summary>How long the leader's request waits for the mail server (which may be busy with a batch of digests).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <returns>What the leader is told: the link either way, since only they can pass it on if the mail goes astray.</returns>
    public async Task<string> SendAsync(InvitationLetter letter, CancellationToken cancellationToken) =>
        await TrySendAsync(letter, cancellationToken) is { } error
            ? $"Invitation for {letter.Name} created, but the email could not be sent ({error}). Send them this link yourself (valid for 7 days, works once): {letter.Link}"
            : $"Invitation emailed to {letter.Name} ({letter.Email}). If it does not arrive, send them this link yourself (valid for 7 days, works once): {letter.Link}";

    /// <returns>Null when the mail server took it, otherwise why it did not.</returns>
    private async Task<string?> TrySendAsync(InvitationLetter letter, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await foreach (var result in sender.SendAsync([Mail(letter)], patience.Token))
            {
                if (result.Outcome == DeliveryOutcome.Sent)
                {
                    return null;
                }
                logger.LogWarning("Invitation to {Email} not sent: {Error}", letter.Email, result.Error);
                return result.Error ?? "the mail server did not take it";
            }
            return "the mail server did not take it";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Invitation to {Email} not sent: no answer within {Seconds} s", letter.Email, Patience.TotalSeconds);
            return $"the mail server did not answer within {Patience.TotalSeconds:0} seconds";
        }
    }

    private static OutgoingMail Mail(InvitationLetter letter)
    {
        var expires = ExpiryInTheirZone(letter);
        var subject = $"{letter.InvitedBy} invited you to {letter.Engagement}";
        var text = $"""
            Hello {letter.Name},

            {letter.InvitedBy} of {letter.Provider} has invited you to {letter.Engagement} in Onboarding, where the plan for its first 90 days, your tasks and what is coming up are kept.

            Set your password to sign in (the link works once, until {expires}):
            {letter.Link}

            If you did not expect this, you can ignore this email: nothing happens until the link is used.
            """;
        string E(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;">
            <p>Hello {E(letter.Name)},</p>
            <p>{E(letter.InvitedBy)} of {E(letter.Provider)} has invited you to <strong>{E(letter.Engagement)}</strong> in Onboarding, where the plan for its first 90 days, your tasks and what is coming up are kept.</p>
            <p><a href="{E(letter.Link)}" style="display:inline-block;padding:10px 18px;background:#1f5f8b;color:#ffffff;text-decoration:none;border-radius:4px;">Set your password</a></p>
            <p style="color:#52606d;font-size:13px;">The link works once, until {E(expires)}. If the button does not work, open this address: {E(letter.Link)}</p>
            <p style="color:#52606d;font-size:13px;">If you did not expect this, you can ignore this email: nothing happens until the link is used.</p>
            </body></html>
            """;
        return new OutgoingMail($"invitation.{Guid.NewGuid():N}", letter.Name, letter.Email, subject, html, text, UnsubscribeUrl: null);
    }

    /// <summary>"30 November 2026, 15:00 (Europe/Berlin)", or in UTC when the member's zone is not one this machine knows.</summary>
    private static string ExpiryInTheirZone(InvitationLetter letter)
    {
        var (at, zone) = TimeZoneInfo.TryFindSystemTimeZoneById(letter.TimeZone, out var theirs)
            ? (TimeZoneInfo.ConvertTime(letter.ExpiresAt, theirs), letter.TimeZone)
            : (letter.ExpiresAt.ToUniversalTime(), "UTC");
        return $"{at.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone})";
    }
}
