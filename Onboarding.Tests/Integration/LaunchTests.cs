using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class LaunchTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";

    internal static Dictionary<string, string> ValidForm(string action) => new()
    {
        ["Name"] = "Globex hiring programme",
        ["ClientName"] = "Globex",
        ["Kickoff"] = "2026-12-07",
        ["GoLive"] = "2027-01-11",
        ["TimeZone"] = "Europe/Berlin",
        ["WorkingDays"] = "Monday",
        ["Holidays"] = "2026-12-24 Christmas Eve\n2026-12-25\n2026-12-28",
        ["SharedPurpose"] = "Hire the **plant team** for Leipzig.",
        ["Outcomes[0].Title"] = "40 technicians hired by June",
        ["Outcomes[0].HowMeasured"] = "Accepted offers",
        ["Contacts[0].Name"] = "Greta Lindqvist",
        ["Contacts[0].Email"] = "greta@globex.example",
        ["Contacts[0].Role"] = "TaLead",
        ["Contacts[1].Name"] = "Jonas Weber",
        ["Contacts[1].Email"] = "jonas@globex.example",
        ["Contacts[1].Role"] = "HiringManager",
        ["Contacts[2].Name"] = "Ingrid Sponsor",
        ["Contacts[2].Email"] = "ingrid@globex.example",
        ["Contacts[2].Role"] = "ExecutiveSponsor",
        ["Contacts[3].Name"] = "Riya Shah",
        ["Contacts[3].Email"] = "riya.shah@northstar.example",
        ["Contacts[3].Role"] = "Recruiter",
        ["Templates"] = "rpo-client-launch",
        ["Action"] = action,
    };

    internal static FormUrlEncodedContent Encode(Dictionary<string, string> form, string token, params (string Key, string Value)[] extra) =>
        new(form.Select(kv => KeyValuePair.Create(kv.Key, kv.Value))
            .Concat(new[] { "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => KeyValuePair.Create("WorkingDays", d)))
            .Concat(new[] { "first-time-buyer", "recruiter-onboarding" }.Select(t => KeyValuePair.Create("Templates", t)))
            .Concat(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [Fact]
    public async Task A_leader_previews_then_launches_an_engagement_and_sees_its_plan()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");

        var preview = await leader.PostAsync("/engagements/new", Encode(ValidForm("preview"), token));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Plan preview:", previewHtml);
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == "Globex hiring programme")));

        var launched = await leader.PostAsync("/engagements/new", Encode(ValidForm("launch"), token));
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var plan = await leader.GetStringAsync(launched.Headers.Location!.ToString());
        Assert.Contains("Globex hiring programme", plan);

        var engagement = await app.WithDbAsync(db => db.Engagements.Include(e => e.Tasks).Include(e => e.Members).Include(e => e.Templates).SingleAsync(e => e.Name == "Globex hiring programme"));
        Assert.Equal(5, engagement.Members.Count);
        Assert.Contains(engagement.Members, m => m.Email == Leader && m.Role == EngagementRole.AccountLeader && m.UserId != null);
        Assert.Equal(3, engagement.Templates.Count);
        Assert.True(engagement.Tasks.Count > 80);
        Assert.All(engagement.Tasks, t => Assert.NotNull(t.OwnerId));
        var holidays = new[] { new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28) };
        Assert.All(engagement.Tasks, t => Assert.DoesNotContain(t.Start, holidays));
        Assert.All(engagement.Tasks, t => Assert.DoesNotContain(t.Due, holidays));
    }

    [Fact]
    public async Task A_missing_role_is_asked_for_and_nothing_typed_is_lost_or_saved()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = ValidForm("launch");
        form.Remove("Contacts[2].Name");
        form.Remove("Contacts[2].Email");
        form["Name"] = "Initech launch";
        form["Kickoff"] = "2026-13-01";

        var response = await leader.PostAsync("/engagements/new", Encode(form, token));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2026-13-01", html);
        Assert.Contains("is not a date; use YYYY-MM-DD", html);
        Assert.Contains("value=\"Greta Lindqvist\"", html);

        form["Kickoff"] = "2026-12-07";
        var missingRole = await leader.PostAsync("/engagements/new", Encode(form, token));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingRole.StatusCode);
        Assert.Contains("give tasks to the executive sponsor role, but no contact has it", await missingRole.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == "Initech launch")));
    }

    [Fact]
    public async Task A_client_stakeholder_cannot_launch_engagements()
    {
        var client = await app.SignedInClientAsync("tomas.herrera@acme.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/engagements/new")).StatusCode);
    }

    [Fact]
    public async Task A_recruiter_cannot_launch_until_an_administrator_makes_them_an_account_leader()
    {
        var recruiter = await app.SignedInClientAsync("riya.shah@northstar.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.GetAsync("/engagements/new")).StatusCode);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(recruiter, "/engagements");
        var launch = ValidForm("launch");
        launch["Name"] = "Recruiter's own launch";
        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.PostAsync("/engagements/new", Encode(launch, token))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == "Recruiter's own launch")));
        Assert.DoesNotContain("/engagements/new", await recruiter.GetStringAsync("/engagements"));

        var admin = await app.SignedInClientAsync("admin@northstar.example");
        var riyaId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "riya.shah@northstar.example").Select(u => u.Id).SingleAsync());
        await InvitationTests.PostFormAsync(admin, $"/admin/users/{riyaId}/role", new() { ["Role"] = "AccountLeader" }, tokenFrom: "/admin/users");

        var leader = await app.SignedInClientAsync("riya.shah@northstar.example");
        Assert.Contains("/engagements/new", await leader.GetStringAsync("/engagements"));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/engagements/new")).StatusCode);
    }
}

public class ClosedEngagementTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_leader_cannot_invite_anyone_to_a_closed_engagement()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        await InvitationTests.PostFormAsync(leader, stakeholders, new()
        {
            ["Name"] = "Late Addition",
            ["Email"] = "late.addition@acme.example",
            ["Role"] = "HiringManager",
            // Hiring managers are per person in the starter templates: this confirms the tasks the preview showed.
            ["confirmTasks"] = "true",
            ["TimeZone"] = "Europe/Berlin",
            ["DigestHour"] = "9",
        });
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == "late.addition@acme.example").Select(m => m.Id).SingleAsync());
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, stakeholders);
        await InvitationTests.PostFormAsync(leader, $"/engagements/{engagementId}/close", new(), tokenFrom: stakeholders);

        var invited = await leader.PostAsync($"{stakeholders}/{memberId}/invite", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.NotEqual(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.EngagementId == engagementId)));
    }
}
