using System.Net;
using Onboarding.Core.Accounts;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Security review, item 1: a password is reset only through a link mailed to the account's own address.</summary>
public class PasswordResetTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string NewPassword = "lantern otter meadow";

    [Fact]
    public async Task Forgot_password_answers_alike_for_any_address_and_mails_the_link_to_the_account_only()
    {
        const string known = "hana.kobayashi@acme.example";
        const string unknown = "nobody.here@acme.example";
        var visitor = app.AnonymousClient();
        Assert.Contains("Forgot your password?", await visitor.GetStringAsync("/sign-in"));

        var forKnown = await AskForResetAsync(visitor, known);
        var forUnknown = await AskForResetAsync(visitor, unknown);

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        var knownPage = await forKnown.Content.ReadAsStringAsync();
        Assert.Contains($"If an account exists for {known}, we have emailed a link", knownPage);
        Assert.Equal(knownPage.Replace(known, "ADDRESS"), (await forUnknown.Content.ReadAsStringAsync()).Replace(unknown, "ADDRESS"));
        Assert.DoesNotContain("/password-reset/", knownPage);
        var mail = await WaitForMailAsync(app, known);
        Assert.Equal("Reset your Onboarding password", mail.Subject);
        Assert.Equal(known, mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("/password-reset/", LinkIn(mail.TextBody, "/password-reset/"));
        Assert.Contains("the link works once, until", mail.TextBody);
        // A mail to the unknown address, had there been one, would have gone as quickly as the known one's.
        await Task.Delay(300);
        Assert.Empty(MailTo(app, unknown));
    }

    [Fact]
    public async Task A_reset_link_sets_a_strong_password_once_ends_every_session_and_does_not_sign_in()
    {
        const string email = "tomas.herrera@acme.example";
        var elsewhere = await app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/engagements")).StatusCode);
        var link = await ResetLinkAsync(email);
        var visitor = app.AnonymousClient();
        Assert.Contains(email, await visitor.GetStringAsync(link));

        var weak = await InvitationTests.PostFormAsync(visitor, link, new() { ["Password"] = "aaaaaaaaaaaa", ["ConfirmPassword"] = "aaaaaaaaaaaa" });
        Assert.Contains("This password is too easy to guess", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        var reset = await InvitationTests.PostFormAsync(visitor, link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/sign-in", reset.Headers.Location!.ToString());
        Assert.Contains("Your password is changed", await visitor.GetStringAsync("/sign-in"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/engagements")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/engagements")).StatusCode);
        Assert.Contains("This reset link no longer works", await app.AnonymousClient().GetStringAsync(link));
        await SignInWithJarAsync(app, email, new CookieContainer(), NewPassword);
    }

    [Fact]
    public async Task A_reset_link_stops_working_after_an_hour()
    {
        var link = await ResetLinkAsync("riya.shah@northstar.example");
        Assert.Contains("Choose a new password", await app.AnonymousClient().GetStringAsync(link));

        app.Clock.Advance(PasswordResetTokenProvider.Lifetime + TimeSpan.FromMinutes(1));

        Assert.Contains("This reset link no longer works", await app.AnonymousClient().GetStringAsync(link));
    }

    [Fact]
    public async Task A_locked_account_may_reset_its_password_but_stays_locked_and_signed_out()
    {
        const string email = "samuel.okafor@acme.example";
        await LockAsync(app, email);
        var link = await ResetLinkAsync(email);
        var visitor = app.AnonymousClient();

        var reset = await InvitationTests.PostFormAsync(visitor, link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("your account is locked", await visitor.GetStringAsync("/sign-in"));
        Assert.True((await UserAsync(app, email)).IsLockedAt(app.Clock.GetUtcNow()));
        var signIn = await InvitationTests.PostFormAsync(app.AnonymousClient(), "/sign-in", new() { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("That email and password do not match an account.", await signIn.Content.ReadAsStringAsync());
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var already = MailTo(app, email).Count;
        var asked = await AskForResetAsync(app.AnonymousClient(), email);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        return LinkIn((await WaitForMailAsync(app, email, already + 1)).TextBody, "/password-reset/");
    }

    private static Task<HttpResponseMessage> AskForResetAsync(HttpClient client, string email) =>
        InvitationTests.PostFormAsync(client, "/forgot-password", new() { ["Email"] = email });
}
