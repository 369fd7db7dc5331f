using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Security review, items 1 and 2: an invitation never sets the password of an account someone uses.</summary>
public class InvitationSecurityTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Password = "orchard velvet cactus";

    [Fact]
    public async Task Inviting_the_address_of_an_existing_account_shows_no_link_and_mails_its_owner_that_they_were_added()
    {
        // The review's attack: a leader adds the administrator's address as a stakeholder and clicks Invite.
        var before = await UserAsync(app, Administrator);
        var leader = await app.SignedInClientAsync(Leader);
        var memberId = await AddStakeholderAsync(app, leader, "Adam Inistrator", Administrator);

        var page = await InviteAsync(app, leader, memberId);

        Assert.DoesNotContain("/invitations/", page);
        Assert.DoesNotContain("/password-reset/", page);
        // The address is a person Onboarding knows: they keep their own name, whatever the leader typed.
        Assert.Contains("Administrator already has an account, so there is nothing to set up", page);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.UserId == before.Id)));
        var mail = Assert.Single(MailTo(app, Administrator));
        Assert.Equal("Alex Morgan added you to Acme Robotics RPO launch", mail.Subject);
        Assert.Contains($"{OnboardingFactory.BaseUrl}/sign-in", mail.TextBody);
        Assert.DoesNotContain("/invitations/", mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain("/password-reset/", mail.TextBody + mail.HtmlBody);
        var after = await UserAsync(app, Administrator);
        Assert.Equal((before.PasswordHash, before.SecurityStamp), (after.PasswordHash, after.SecurityStamp));
        // The membership is theirs, and their own password still opens it.
        Assert.Equal(before.Id, await app.WithDbAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.UserId).SingleAsync()));
        await app.SignedInClientAsync(Administrator);
    }

    [Fact]
    public async Task A_pending_invitation_for_an_account_with_a_password_neither_changes_it_nor_signs_anyone_in()
    {
        // A link issued before the rule (or by any other way): opened signed out, with a new password typed in.
        const string victim = "hana.kobayashi@acme.example";
        var before = await UserAsync(app, victim);
        var token = Secrets.NewToken();
        await app.WithDbAsync(db =>
        {
            db.Invitations.Add(new Invitation
            {
                Email = victim,
                TokenHash = Secrets.Hash(token),
                UserId = before.Id,
                CreatedAt = app.Clock.GetUtcNow(),
                ExpiresAt = app.Clock.GetUtcNow().AddDays(7),
            });
            return db.SaveChangesAsync();
        });
        var attacker = app.AnonymousClient();

        Assert.Contains("This invitation link no longer works", await attacker.GetStringAsync($"/invitations/{token}"));
        var posted = await InvitationTests.PostFormAsync(attacker, $"/invitations/{token}", new() { ["Password"] = Password, ["ConfirmPassword"] = Password }, tokenFrom: "/sign-in");

        Assert.Contains("This invitation link no longer works", await posted.Content.ReadAsStringAsync());
        Assert.Equal(before.PasswordHash, (await UserAsync(app, victim)).PasswordHash);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/engagements")).StatusCode);
        await app.SignedInClientAsync(victim);
    }

    [Fact]
    public async Task Accepting_an_invitation_leaves_a_locked_account_locked_without_a_password_and_signed_out()
    {
        var link = await InvitationTests.InviteNewStakeholderAsync(app, "locked.lou@acme.example");
        await LockAsync(app, "locked.lou@acme.example");
        var invitee = app.AnonymousClient();

        Assert.Contains("This invitation link no longer works", await invitee.GetStringAsync(link));
        var posted = await InvitationTests.PostFormAsync(invitee, link, new() { ["Password"] = Password, ["ConfirmPassword"] = Password }, tokenFrom: "/sign-in");

        Assert.Contains("This invitation link no longer works", await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.GetAsync("/engagements")).StatusCode);
        var user = await UserAsync(app, "locked.lou@acme.example");
        Assert.Null(user.PasswordHash);
        Assert.True(user.IsLockedAt(app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_new_invitation_kills_the_older_links_is_mailed_only_and_a_used_link_is_dead()
    {
        const string email = "twice.tess@acme.example";
        var first = await InvitationTests.InviteNewStakeholderAsync(app, email);
        var leader = await app.SignedInClientAsync(Leader);
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

        // The account exists now but has never had a password: it may be invited again, by mail only.
        var page = await InviteAsync(app, leader, memberId);
        var second = LinkIn((await WaitForMailAsync(app, email, count: 2)).TextBody, "/invitations/");

        Assert.NotEqual(first, second);
        Assert.Contains("A new invitation was emailed to New Stakeholder", page);
        Assert.DoesNotContain(second, page);
        Assert.DoesNotContain("/invitations/", page);
        Assert.Contains("This invitation link no longer works", await app.AnonymousClient().GetStringAsync(first));
        var invitee = app.AnonymousClient();
        var accepted = await InvitationTests.PostFormAsync(invitee, second, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("This invitation link no longer works", await app.AnonymousClient().GetStringAsync(second));
        Assert.Contains("This invitation link no longer works", await app.AnonymousClient().GetStringAsync(first));

        // Now the account has a password: inviting again only tells them they were added.
        var afterwards = await InviteAsync(app, leader, memberId);
        Assert.Contains("already has an account", afterwards);
        Assert.Equal(2, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == email)));
    }

    [Fact]
    public async Task A_guessable_password_is_refused_with_the_reason_and_the_link_stays_usable()
    {
        var link = await InvitationTests.InviteNewStakeholderAsync(app, "guessable.gus@acme.example");
        var invitee = app.AnonymousClient();

        var refused = await InvitationTests.PostFormAsync(invitee, link, new() { ["Password"] = "aaaaaaaaaaaa", ["ConfirmPassword"] = "aaaaaaaaaaaa" });

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This password is too easy to guess", html);
        Assert.Contains("Repeats like \"aaa\" or \"abcabc\" are easy to guess.", html);
        Assert.Null((await UserAsync(app, "guessable.gus@acme.example")).PasswordHash);
        Assert.Contains("Choose a password", await app.AnonymousClient().GetStringAsync(link));
    }
}
