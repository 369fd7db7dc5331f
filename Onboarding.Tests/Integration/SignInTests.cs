using System.Net;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class SignInTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_provider_administrator_sees_engagements_of_their_organisation_without_being_a_member()
    {
        var admin = await app.SignedInClientAsync("admin@northstar.example");
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);

        var response = await admin.GetAsync($"/engagements/{engagementId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Acme Robotics RPO launch", await admin.GetStringAsync("/engagements"));
    }

    [Fact]
    public async Task A_member_without_the_role_cannot_add_stakeholders()
    {
        var manager = await app.SignedInClientAsync("hana.kobayashi@acme.example");
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";

        Assert.DoesNotContain("Add a stakeholder", await manager.GetStringAsync(stakeholders));
        var response = await InvitationTests.PostFormAsync(manager, stakeholders, new()
        {
            ["Name"] = "Sneaky",
            ["Email"] = "sneaky@acme.example",
            ["Role"] = "AccountLeader",
            ["TimeZone"] = "Europe/London",
        }, tokenFrom: stakeholders);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Members.Any(m => m.Email == "sneaky@acme.example"))));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_without_telling_the_person_signing_in()
    {
        var client = app.AnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await InvitationTests.PostFormAsync(client, "/sign-in", new() { ["Email"] = "riya.shah@northstar.example", ["Password"] = "not the password" });
        }

        var withRightPassword = await InvitationTests.PostFormAsync(client, "/sign-in", new() { ["Email"] = "riya.shah@northstar.example", ["Password"] = OnboardingFactory.DemoPassword });

        // Only the administrator sees that the account is locked (security review, item 9).
        var html = await withRightPassword.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("That email and password do not match an account.", html);
        Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
        var admin = await app.SignedInClientAsync("admin@northstar.example");
        Assert.Matches("Riya Shah[\\s\\S]*?Locked", await admin.GetStringAsync("/admin/users?q=riya"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInClientAsync("samuel.okafor@acme.example");
        var signedOut = await InvitationTests.PostFormAsync(client, "/sign-out", new(), tokenFrom: "/engagements");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var after = await client.GetAsync("/engagements");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Only_administrators_open_the_background_jobs_dashboard()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var admin = await app.SignedInClientAsync("admin@northstar.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.AnonymousClient().GetAsync("/admin/jobs")).StatusCode);
        var page = await admin.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Onboarding background jobs", await page.Content.ReadAsStringAsync());
    }
}
