using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Admin;

/// <summary>The administrator's users and invitations pages, and who may open them.</summary>
public class AdminTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Admin = "admin@northstar.example";
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task Only_administrators_open_the_admin_pages()
    {
        var leader = await app.SignedInClientAsync(Leader);
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/invitations", "/admin/templates", "/admin/templates/recruiter-onboarding" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(path)).StatusCode);
        }
        var riyaId = await UserIdAsync("riya.shah@northstar.example");
        var lockAttempt = await InvitationTests.PostFormAsync(leader, $"/admin/users/{riyaId}/lock", new(), tokenFrom: "/engagements");
        Assert.Equal(HttpStatusCode.Forbidden, lockAttempt.StatusCode);
        Assert.DoesNotContain("/admin/users", await leader.GetStringAsync("/engagements"));

        var admin = await app.SignedInClientAsync(Admin);
        var users = await admin.GetStringAsync("/admin/users");
        Assert.Contains("<title>Administration · Users · Onboarding</title>", users);
        Assert.Contains("tomas.herrera@acme.example", users);
        Assert.Contains("Acme Robotics <span class=\"muted\">· client</span>", users);
        Assert.Contains("href=\"/admin/users\">Administration</a>", users);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await app.SignedInClientAsync(Admin);
        var samuelId = await UserIdAsync("samuel.okafor@acme.example");

        var locked = await InvitationTests.PostFormAsync(admin, $"/admin/users/{samuelId}/lock", new(), tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Samuel Okafor is locked", await admin.GetStringAsync("/admin/users"));
        var signIn = await SignInAsync("samuel.okafor@acme.example");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("That email and password do not match an account.", await signIn.Content.ReadAsStringAsync());
        Assert.Empty(await AudienceAsync("samuel.okafor@acme.example"));

        var unlocked = await InvitationTests.PostFormAsync(admin, $"/admin/users/{samuelId}/unlock", new(), tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("samuel.okafor@acme.example")).StatusCode);
        Assert.Single(await AudienceAsync("samuel.okafor@acme.example"));
    }

    private async Task<IReadOnlyList<DigestAudience>> AudienceAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestLoader>().AudienceAsync(email, CancellationToken.None);
    }

    [Fact]
    public async Task Account_roles_are_given_to_the_providers_own_people_only_and_an_administrator_never_unmakes_themselves()
    {
        var admin = await app.SignedInClientAsync(Admin);
        var (riyaId, tomasId, adminId) = (await UserIdAsync("riya.shah@northstar.example"), await UserIdAsync("tomas.herrera@acme.example"), await UserIdAsync(Admin));
        Task SetRoleAsync(string userId, string role) =>
            InvitationTests.PostFormAsync(admin, $"/admin/users/{userId}/role", new() { ["Role"] = role }, tokenFrom: "/admin/users");

        await SetRoleAsync(riyaId, "Administrator");
        await SetRoleAsync(tomasId, "Administrator");
        Assert.Contains("belongs to a client organisation", await admin.GetStringAsync("/admin/users"));
        await SetRoleAsync(adminId, "Recruiter");
        Assert.Contains("You cannot remove your own administrator role", await admin.GetStringAsync("/admin/users"));
        await SetRoleAsync(riyaId, "None");
        Assert.Contains("Choose recruiter, account leader or administrator", await admin.GetStringAsync("/admin/users"));

        var roles = await app.WithDbAsync(db => db.Users.Where(u => u.Id == riyaId || u.Id == tomasId || u.Id == adminId).ToDictionaryAsync(u => u.Id, u => u.AccountRole));
        Assert.Equal((AccountRole.Administrator, AccountRole.None, AccountRole.Administrator), (roles[riyaId], roles[tomasId], roles[adminId]));
        var riya = await app.SignedInClientAsync("riya.shah@northstar.example");
        Assert.Equal(HttpStatusCode.OK, (await riya.GetAsync("/admin/users")).StatusCode);

        await SetRoleAsync(riyaId, "Recruiter");
        Assert.Equal(AccountRole.Recruiter, await app.WithDbAsync(db => db.Users.Where(u => u.Id == riyaId).Select(u => u.AccountRole).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_is_created_for_a_member_listed_pending_used_or_expired_and_can_be_revoked()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await AddMemberAsync(engagementId, "Lee Chen", "lee.chen@acme.example");
        await AddMemberAsync(engagementId, "Mo Patel", "mo.patel@acme.example");
        var admin = await app.SignedInClientAsync(Admin);
        var page = "/admin/invitations";

        var refused = await InvitationTests.PostFormAsync(admin, page, new() { ["EngagementId"] = engagementId.ToString(), ["Email"] = "nobody@acme.example" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Nobody in Acme Robotics RPO launch has the email nobody@acme.example", html);
        Assert.Contains("value=\"nobody@acme.example\"", html);
        var blank = await InvitationTests.PostFormAsync(admin, page, new() { ["Email"] = "" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("Choose the engagement the person is a stakeholder of.", blankHtml);
        Assert.Contains("Enter the stakeholder&#x27;s email address.", blankHtml);

        var lee = await InviteAsync(admin, engagementId, "lee.chen@acme.example");
        var mo = await InviteAsync(admin, engagementId, "Mo.Patel@acme.example");
        Assert.Contains("Invited Mo Patel to sign in", (await app.WithDbAsync(db => db.Activity.Where(a => a.EngagementId == engagementId).Select(a => a.Description).ToListAsync())));
        Assert.Matches("Lee Chen<br /><span class=\"muted\">lee.chen@acme.example</span></td>\\s*<td>Acme Robotics RPO launch</td>\\s*<td>[^<]* by Administrator</td>\\s*<td>\\s*<span class=\"status status-invitation-pending\">Pending</span>",
            await admin.GetStringAsync(page));

        var accepted = await InvitationTests.PostFormAsync(app.AnonymousClient(), lee, new() { ["Password"] = "a long enough password", ["ConfirmPassword"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var moInvitation = await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == "mo.patel@acme.example").Select(i => i.Id).SingleAsync());
        var revoked = await InvitationTests.PostFormAsync(admin, $"{page}/{moInvitation}/revoke", new(), tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("The invitation for mo.patel@acme.example is revoked", await admin.GetStringAsync(page));
        Assert.Contains("This invitation link no longer works", await app.AnonymousClient().GetStringAsync(mo));

        var used = await admin.GetStringAsync($"{page}?status=Used");
        Assert.Contains("lee.chen@acme.example", used);
        Assert.DoesNotContain("mo.patel@acme.example", used);
        var expired = await admin.GetStringAsync($"{page}?status=Expired");
        Assert.Contains("mo.patel@acme.example", expired);
        Assert.DoesNotContain("lee.chen@acme.example", expired);
        Assert.DoesNotContain("mo.patel@acme.example", await admin.GetStringAsync($"{page}?status=Pending"));
    }

    [Fact]
    public async Task The_main_navigation_offers_each_personal_home_only_to_people_who_have_one()
    {
        static async Task<string> NavAsync(HttpClient client) =>
            Regex.Match(await client.GetStringAsync("/engagements"), "<nav class=\"site-nav\"[\\s\\S]*?</nav>").Value;

        var stakeholder = await NavAsync(await app.SignedInClientAsync("hana.kobayashi@acme.example"));
        var recruiter = await NavAsync(await app.SignedInClientAsync("riya.shah@northstar.example"));
        var leader = await NavAsync(await app.SignedInClientAsync(Leader));

        Assert.Contains("My checklist", stakeholder);
        Assert.DoesNotContain("My onboarding", stakeholder);
        Assert.Contains("My onboarding", recruiter);
        Assert.DoesNotContain("My checklist", recruiter);
        Assert.DoesNotContain("My checklist", leader);
        Assert.DoesNotContain("My onboarding", leader);
    }

    private async Task<string> InviteAsync(HttpClient admin, int engagementId, string email)
    {
        var created = await InvitationTests.PostFormAsync(admin, "/admin/invitations", new() { ["EngagementId"] = engagementId.ToString(), ["Email"] = email }, tokenFrom: "/admin/invitations");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var link = Regex.Match(await admin.GetStringAsync("/admin/invitations"), @"https?://[^\s<]+/invitations/[A-Za-z0-9_-]+");
        Assert.True(link.Success, "the administrator is shown the invitation link");
        return new Uri(link.Value).PathAndQuery;
    }

    private async Task<HttpResponseMessage> SignInAsync(string email)
    {
        var client = app.AnonymousClient();
        var token = await OnboardingFactory.AntiforgeryTokenAsync(client, "/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = OnboardingFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task AddMemberAsync(int engagementId, string name, string email) =>
        app.WithDbAsync(async db =>
        {
            var member = TestPeople.NewMember(name, email, EngagementRole.HiringManager, "America/Chicago");
            member.EngagementId = engagementId;
            db.Members.Add(member);
            return await db.SaveChangesAsync();
        });
}
