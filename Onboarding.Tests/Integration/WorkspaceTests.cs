using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class WorkspaceTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_ta_lead_adds_a_glossary_term_whose_markdown_cannot_carry_script()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var lead = await app.SignedInClientAsync("tomas.herrera@acme.example");
        var glossary = $"/engagements/{engagementId}/glossary";

        var saved = await InvitationTests.PostFormAsync(lead, glossary, new()
        {
            ["ClientTerm"] = "Slate",
            ["ProviderTerm"] = "Shortlist",
            ["Definition"] = "The candidates a hiring manager *interviews*. [click](javascript:alert(1)) <script>alert(2)</script>",
            ["Agreed"] = "true",
        }, tokenFrom: glossary);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await lead.GetStringAsync(glossary);
        Assert.Contains("<em>interviews</em>", html);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert(2)", html);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html);
        Assert.True(await app.WithDbAsync(db => db.GlossaryTerms.AnyAsync(g => g.ClientTerm == "Slate" && g.Agreed)));
    }

    [Fact]
    public async Task A_hiring_manager_reads_the_glossary_but_cannot_change_it()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var manager = await app.SignedInClientAsync("hana.kobayashi@acme.example");
        var glossary = $"/engagements/{engagementId}/glossary";

        var html = await manager.GetStringAsync(glossary);
        Assert.Contains("Req", html);
        Assert.DoesNotContain("Add a term", html);
        var response = await InvitationTests.PostFormAsync(manager, glossary, new() { ["ClientTerm"] = "X", ["Definition"] = "Y" }, tokenFrom: glossary);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Recording_a_value_that_meets_the_target_charts_it_and_adds_a_win_once()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId && m.Name == "Time to fill").Select(m => m.Id).SingleAsync());
        var metrics = $"/engagements/{engagementId}/metrics";

        foreach (var value in new[] { "55", "39", "38" })
        {
            var recorded = await InvitationTests.PostFormAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = value }, tokenFrom: metrics);
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var html = await leader.GetStringAsync(metrics);
        Assert.Contains("<polyline", html);
        Assert.Contains("latest 38 working days, baseline 44, target 40", html);
        var wins = await app.WithDbAsync(db => db.Wins.Where(w => w.MetricId == metricId).ToListAsync());
        var win = Assert.Single(wins);
        Assert.Equal(WinKind.TargetHit, win.Kind);
        Assert.Contains("Target hit: Time to fill reached 39 working days", await leader.GetStringAsync($"/engagements/{engagementId}/wins"));
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_refused_next_to_its_field()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId).Select(m => m.Id).FirstAsync());
        var metrics = $"/engagements/{engagementId}/metrics";

        var response = await InvitationTests.PostFormAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "lots" }, tokenFrom: metrics);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("value-" + metricId, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Any_member_gives_kudos_and_it_shows_among_the_wins_and_in_the_activity_log()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var recruiter = await app.SignedInClientAsync("riya.shah@northstar.example");
        var wins = $"/engagements/{engagementId}/wins";

        var posted = await InvitationTests.PostFormAsync(recruiter, wins, new() { ["Title"] = "Hana turned feedback around in a day" }, tokenFrom: wins);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Hana turned feedback around in a day", await recruiter.GetStringAsync(wins));
        var activity = await recruiter.GetStringAsync($"/engagements/{engagementId}/activity");
        Assert.Matches(@"<strong>Riya Shah</strong>:\s+Gave kudos: Hana turned feedback around in a day", activity);
    }

    [Fact]
    public async Task The_plan_groups_tasks_by_phase_filters_by_owner_and_draws_a_timeline()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await TestPlans.AddTaskAsync(app, engagementId, "Book intake meetings", ownerEmail: "hana.kobayashi@acme.example");
        await TestPlans.AddTaskAsync(app, engagementId, "Write the communication plan", ownerEmail: "alex.morgan@northstar.example", milestone: true);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var hanaId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == "hana.kobayashi@acme.example").Select(m => m.Id).SingleAsync());

        var plan = await leader.GetStringAsync($"/engagements/{engagementId}/plan");
        Assert.Contains("<svg class=\"timeline\"", plan);
        Assert.Contains("Days 1–30", plan);
        Assert.Contains("Book intake meetings", plan);
        Assert.Contains("Write the communication plan", plan);

        var filtered = await leader.GetStringAsync($"/engagements/{engagementId}/plan?owner={hanaId}");
        Assert.Contains("Book intake meetings", filtered);
        Assert.DoesNotContain(">Write the communication plan</a>", filtered);

        var overview = await leader.GetStringAsync($"/engagements/{engagementId}");
        Assert.Contains("Needs attention", overview);
        Assert.Matches(@"Book intake meetings</a>\s*<span class=""tag bad"">Overdue", overview);
    }
}
