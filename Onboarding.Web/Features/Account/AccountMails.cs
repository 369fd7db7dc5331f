using System.Globalization;
using System.Net;
using Onboarding.Core.Time;
using Onboarding.Jobs.Mail;

namespace Onboarding.Web.Features.Account;

/// <summary>Who is invited where, by whom, and the link that lets them set their first password; <see cref="TimeZone"/> is the invitee's (IANA).</summary>
public sealed record InvitationLetter(string Name, string Email, string TimeZone, string Engagement, string Provider, string InvitedBy, string Link, DateTimeOffset ExpiresAt);

/// <summary>A person who already has an account was added to an engagement: no link but the ordinary sign-in.</summary>
public sealed record AddedLetter(string Name, string Email, string Engagement, string Provider, string AddedBy, string SignInLink, string ForgotPasswordLink);

/// <summary>A reset link, for the account's own stored address only.</summary>
public sealed record PasswordResetLetter(string Name, string Email, string TimeZone, string Link, DateTimeOffset ExpiresAt, string ForgotPasswordLink);

/// <summary>The account mails' words, each as text and as simple inline-styled HTML.</summary>
public static class AccountMails
{
    public static OutgoingMail Invitation(InvitationLetter letter)
    {
        var expires = InTheirZone(letter.ExpiresAt, letter.TimeZone);
        var subject = $"{letter.InvitedBy} invited you to {letter.Engagement}";
        var text = $"""
            Hello {letter.Name},

            {letter.InvitedBy} of {letter.Provider} has invited you to {letter.Engagement} in Onboarding, where the plan for its first 90 days, your tasks and what is coming up are kept.

            Set your password to sign in (the link works once, until {expires}):
            {letter.Link}

            If you did not expect this, you can ignore this email: nothing happens until the link is used.
            """;
        var html = Page(subject,
            $"<p>Hello {E(letter.Name)},</p>",
            $"<p>{E(letter.InvitedBy)} of {E(letter.Provider)} has invited you to <strong>{E(letter.Engagement)}</strong> in Onboarding, where the plan for its first 90 days, your tasks and what is coming up are kept.</p>",
            Button(letter.Link, "Set your password"),
            Small($"The link works once, until {E(expires)}. If the button does not work, open this address: {E(letter.Link)}"),
            Small("If you did not expect this, you can ignore this email: nothing happens until the link is used."));
        return new OutgoingMail($"invitation.{Guid.NewGuid():N}", letter.Name, letter.Email, subject, html, text, UnsubscribeUrl: null);
    }

    public static OutgoingMail Added(AddedLetter letter)
    {
        var subject = $"{letter.AddedBy} added you to {letter.Engagement}";
        var text = $"""
            Hello {letter.Name},

            {letter.AddedBy} of {letter.Provider} added you to {letter.Engagement} in Onboarding. Sign in with your usual password to see it:
            {letter.SignInLink}

            Forgotten your password? Ask for a reset link at {letter.ForgotPasswordLink}; it is sent to this address only.
            """;
        var html = Page(subject,
            $"<p>Hello {E(letter.Name)},</p>",
            $"<p>{E(letter.AddedBy)} of {E(letter.Provider)} added you to <strong>{E(letter.Engagement)}</strong> in Onboarding. Sign in with your usual password to see it.</p>",
            Button(letter.SignInLink, "Sign in"),
            Small($"Forgotten your password? Ask for a reset link at {E(letter.ForgotPasswordLink)}; it is sent to this address only."));
        return new OutgoingMail($"added.{Guid.NewGuid():N}", letter.Name, letter.Email, subject, html, text, UnsubscribeUrl: null);
    }

    public static OutgoingMail PasswordReset(PasswordResetLetter letter)
    {
        var expires = InTheirZone(letter.ExpiresAt, letter.TimeZone);
        const string subject = "Reset your Onboarding password";
        var text = $"""
            Hello {letter.Name},

            Someone (we hope you) asked to reset the password of your Onboarding account. Choose a new one here (the link works once, until {expires}):
            {letter.Link}

            If it was not you, ignore this email: your password stays as it is. The link expires; a new one can be asked for at {letter.ForgotPasswordLink}.
            """;
        var html = Page(subject,
            $"<p>Hello {E(letter.Name)},</p>",
            "<p>Someone (we hope you) asked to reset the password of your Onboarding account.</p>",
            Button(letter.Link, "Choose a new password"),
            Small($"The link works once, until {E(expires)}. If the button does not work, open this address: {E(letter.Link)}"),
            Small("If it was not you, ignore this email: your password stays as it is."));
        return new OutgoingMail($"password-reset.{Guid.NewGuid():N}", letter.Name, letter.Email, subject, html, text, UnsubscribeUrl: null);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Button(string link, string label) =>
        $"""<p><a href="{E(link)}" style="display:inline-block;padding:10px 18px;background:#1f5f8b;color:#ffffff;text-decoration:none;border-radius:4px;">{E(label)}</a></p>""";

    private static string Small(string html) => $"""<p style="color:#52606d;font-size:13px;">{html}</p>""";

    private static string Page(string subject, params string[] paragraphs) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(subject)}</title></head>
        <body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933;word-break:break-word;overflow-wrap:anywhere;">
        {string.Join("\n", paragraphs)}
        </body></html>
        """;

    /// <summary>"30 November 2026, 15:00 (Europe/Berlin)", or in UTC when the zone is not one this machine knows.</summary>
    private static string InTheirZone(DateTimeOffset instant, string timeZone)
    {
        var (at, zone) = Zones.IsKnown(timeZone)
            ? (Zones.LocalIn(instant, timeZone), timeZone)
            : (instant.ToUniversalTime(), "UTC");
        return $"{at.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} ({zone})";
    }
}
