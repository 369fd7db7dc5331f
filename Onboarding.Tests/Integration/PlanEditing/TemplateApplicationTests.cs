using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.PlanEditing.PlanEditingSupport;

namespace Onboarding.Tests.Integration.PlanEditing;

/// <summary>Applying a template to a running plan later (a recruiter placed in week 5), and removing one applied by mistake.</summary>
public class TemplateApplicationTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_recruiter_who_joins_later_gets_their_onboarding_plan_from_their_first_day_after_a_preview()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var noorId = await AddRecruiterAsync(app, engagementId, "Noor Haddad", "noor.haddad@northstar.example");
        var leader = await app.SignedInClientAsync(Leader);
        var page = $"/engagements/{engagementId}/plan/templates";
        var fields = new Dictionary<string, string> { ["TemplateKey"] = "recruiter-onboarding", ["MemberId"] = noorId.ToString(), ["Start"] = "2026-12-21" };

        var preview = await InvitationTests.PostFormAsync(leader, page, new(fields) { ["Action"] = "preview" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Matches("Preview: Recruiter onboarding for Noor Haddad adds \\d+ tasks", previewHtml);
        Assert.Contains("Mon 21 Dec", previewHtml);
        Assert.False(await app.WithDbAsync(db => db.TemplateSnapshots.AnyAsync(s => s.ForMemberId == noorId)));

        var applied = await InvitationTests.PostFormAsync(leader, page, new(fields) { ["Action"] = "apply" }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var snapshot = await app.WithDbAsync(db => db.TemplateSnapshots.SingleAsync(s => s.EngagementId == engagementId && s.ForMemberId == noorId));
        Assert.Equal(("recruiter-onboarding", "noor-haddad-northstar-example"), (snapshot.TemplateKey, snapshot.InstanceKey));
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.TemplateSnapshotId == snapshot.Id).ToListAsync());
        Assert.True(tasks.Count >= 25);
        Assert.Equal(new DateOnly(2026, 12, 21), tasks.Min(t => t.Start));
        var welcome = tasks.Single(t => t.Key == "recruiter-onboarding/noor-haddad-northstar-example/welcome-call");
        Assert.Equal(new DateOnly(2026, 12, 21), welcome.Start);
        Assert.All(tasks.Where(t => t.OwnerRole == EngagementRole.Recruiter), t => Assert.Equal(noorId, t.OwnerId));
        Assert.All(tasks, t => Assert.NotEqual(DayOfWeek.Saturday, t.Start.DayOfWeek));
        Assert.Contains(await ActivityAsync(app, engagementId), a => a.Description == $"Applied the template “Recruiter onboarding for Noor Haddad” from 21 Dec 2026: {tasks.Count} tasks added");
    }

    [Fact]
    public async Task Applying_with_mistakes_shows_each_error_next_to_its_field_and_saves_nothing()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var riyaId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == "riya.shah@northstar.example").Select(m => m.Id).SingleAsync());
        var leader = await app.SignedInClientAsync(Leader);
        var page = $"/engagements/{engagementId}/plan/templates";
        var snapshotsBefore = await app.WithDbAsync(db => db.TemplateSnapshots.CountAsync(s => s.EngagementId == engagementId));

        var nothingChosen = await InvitationTests.PostFormAsync(leader, page, new() { ["Start"] = "2026-12-19", ["Action"] = "apply" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothingChosen.StatusCode);
        var html = await nothingChosen.Content.ReadAsStringAsync();
        Assert.Contains("Choose the template to apply.", html);
        Assert.Contains("Sat 19 Dec 2026 is not a working day", html);
        Assert.Contains("value=\"2026-12-19\"", html);

        var noRecruiter = await InvitationTests.PostFormAsync(leader, page, new() { ["TemplateKey"] = "recruiter-onboarding", ["Start"] = "2026-12-21", ["Action"] = "apply" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRecruiter.StatusCode);
        Assert.Contains("Choose the recruiter this onboarding plan is for.", await noRecruiter.Content.ReadAsStringAsync());

        var twice = await InvitationTests.PostFormAsync(leader, page, new() { ["TemplateKey"] = "recruiter-onboarding", ["MemberId"] = riyaId.ToString(), ["Start"] = "2026-12-21", ["Action"] = "apply" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("“Recruiter onboarding” is already applied for Riya Shah", await twice.Content.ReadAsStringAsync());

        Assert.Equal(snapshotsBefore, await app.WithDbAsync(db => db.TemplateSnapshots.CountAsync(s => s.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_wrongly_applied_template_is_removed_with_its_tasks_and_the_reason_is_logged()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var memberId = await AddRecruiterAsync(app, engagementId, "Wrong Person", "wrong.person@northstar.example");
        var leader = await app.SignedInClientAsync(Leader);
        var page = $"/engagements/{engagementId}/plan/templates";
        var applied = await InvitationTests.PostFormAsync(leader, page,
            new() { ["TemplateKey"] = "recruiter-onboarding", ["MemberId"] = memberId.ToString(), ["Start"] = "2026-11-30", ["Action"] = "apply" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var snapshot = await app.WithDbAsync(db => db.TemplateSnapshots.SingleAsync(s => s.ForMemberId == memberId));
        var taskCount = await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.TemplateSnapshotId == snapshot.Id));
        Assert.Contains("Recruiter onboarding</strong> for Wrong Person", await leader.GetStringAsync(page));

        var refused = await InvitationTests.PostFormAsync(leader, $"{page}/{snapshot.Id}/remove", new() { ["Reason"] = "" }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why the template is removed", await refused.Content.ReadAsStringAsync());

        var removed = await InvitationTests.PostFormAsync(leader, $"{page}/{snapshot.Id}/remove", new() { ["Reason"] = "Applied for the wrong person." }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TemplateSnapshots.AnyAsync(s => s.Id == snapshot.Id)));
        Assert.False(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Key.StartsWith("recruiter-onboarding/wrong-person"))));
        Assert.True(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Key.StartsWith("recruiter-onboarding/riya-shah"))));
        Assert.Contains(await ActivityAsync(app, engagementId), a =>
            a.Description == $"Removed the template “Recruiter onboarding for Wrong Person” (version 3) and its {taskCount} tasks (0 done): Applied for the wrong person.");
    }

    [Fact]
    public async Task A_ta_lead_cannot_apply_or_remove_templates()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var snapshotId = await app.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.EngagementId == engagementId).Select(s => s.Id).FirstAsync());
        var taLead = await app.SignedInClientAsync(TaLead);
        var page = $"/engagements/{engagementId}/plan/templates";

        Assert.Equal(HttpStatusCode.Forbidden, (await taLead.GetAsync(page)).StatusCode);
        var remove = await InvitationTests.PostFormAsync(taLead, $"{page}/{snapshotId}/remove", new() { ["Reason"] = "Why not" }, tokenFrom: $"/engagements/{engagementId}");
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.TemplateSnapshots.AnyAsync(s => s.Id == snapshotId)));
    }
}
