using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.PlanEditing.PlanEditingSupport;

namespace Onboarding.Tests.Integration.PlanEditing;

/// <summary>Closing an engagement keeps everything, shows it as completed and stops plan changes until it is reopened.</summary>
public class CloseEngagementTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_leader_closes_after_confirming_the_engagement_reads_as_completed_and_the_plan_is_read_only_until_reopened()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Hand over the reporting pack", ownerEmail: TaLead);
        var counts = await CountsAsync(engagementId);
        var leader = await app.SignedInClientAsync(Leader);
        var overview = $"/engagements/{engagementId}";

        var confirm = await leader.GetStringAsync($"{overview}/close");
        Assert.Contains("<title>Acme Robotics RPO launch · Close · Onboarding</title>", confirm);
        Assert.Contains("Close this engagement?", confirm);
        var closed = await InvitationTests.PostFormAsync(leader, $"{overview}/close", new(), tokenFrom: $"{overview}/close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var engagement = await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId));
        Assert.Equal((EngagementStatus.Closed, app.Clock.GetUtcNow()), (engagement.Status, engagement.ClosedAt));
        Assert.Equal(counts, await CountsAsync(engagementId));
        var page = await leader.GetStringAsync(overview);
        Assert.Contains("Completed on 23 Nov 2026.", page);
        Assert.Contains("Reopen the engagement", page);
        Assert.DoesNotContain("Close the engagement", page);
        var list = await leader.GetStringAsync("/engagements?status=Closed");
        Assert.Contains("Acme Robotics RPO launch", list);
        Assert.Contains("<td data-label=\"Phase\">Completed</td>", list);
        var plan = await leader.GetStringAsync($"{overview}/plan");
        Assert.Contains("the plan can no longer be changed", plan);
        Assert.DoesNotContain("/plan/tasks/new", plan);
        Assert.DoesNotContain("Update status", await leader.GetStringAsync($"{overview}/tasks/{taskId}"));

        var taskPath = $"{overview}/tasks/{taskId}";
        var refused = new[]
        {
            await leader.GetAsync($"{overview}/reschedule"),
            await leader.GetAsync($"{overview}/plan/tasks/new"),
            await InvitationTests.PostFormAsync(leader, $"{taskPath}/skip", new() { ["SkipReason"] = "Closed anyway" }, tokenFrom: taskPath),
            await InvitationTests.PostFormAsync(leader, $"{taskPath}/status", new() { ["Status"] = "Done" }, tokenFrom: taskPath),
            await InvitationTests.PostFormAsync(leader, $"{overview}/reschedule", new() { ["Target"] = "GoLive", ["Date"] = "2026-12-31" }, tokenFrom: taskPath),
            await InvitationTests.PostFormAsync(leader, $"{overview}/glossary", new() { ["ClientTerm"] = "Late term", ["Definition"] = "Added after closing." }, tokenFrom: taskPath),
            await InvitationTests.PostFormAsync(leader, $"{overview}/wins", new() { ["Message"] = "Kudos after closing" }, tokenFrom: taskPath),
            await InvitationTests.PostFormAsync(leader, $"{overview}/stakeholders", new() { ["Name"] = "Late Joiner", ["Email"] = "late@acme.example" }, tokenFrom: taskPath),
        };
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("This engagement is completed", await refused[0].Content.ReadAsStringAsync());
        Assert.Equal(PlanTaskStatus.ToDo, (await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == taskId))).Status);

        var reopened = await InvitationTests.PostFormAsync(leader, $"{overview}/reopen", new(), tokenFrom: overview);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        engagement = await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId));
        Assert.Equal((EngagementStatus.Active, null), (engagement.Status, engagement.ClosedAt));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"{overview}/reschedule")).StatusCode);
        var activity = await ActivityAsync(app, engagementId);
        Assert.Contains(activity, a => a.Description == "Closed the engagement: it is completed and kept read-only");
        Assert.Contains(activity, a => a.Description == "Reopened the engagement");
    }

    [Fact]
    public async Task Only_an_account_leader_may_close()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taLead = await app.SignedInClientAsync(TaLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await taLead.GetAsync($"/engagements/{engagementId}/close")).StatusCode);
        var post = await InvitationTests.PostFormAsync(taLead, $"/engagements/{engagementId}/close", new(), tokenFrom: $"/engagements/{engagementId}");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("Close the engagement", await taLead.GetStringAsync($"/engagements/{engagementId}"));
        Assert.Equal(EngagementStatus.Active, (await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId))).Status);
    }

    private Task<(int Tasks, int Comments, int Activity, int Wins, int Glossary)> CountsAsync(int engagementId) =>
        app.WithDbAsync(async db => (
            await db.PlanTasks.CountAsync(t => t.EngagementId == engagementId),
            await db.TaskComments.CountAsync(),
            await db.Activity.CountAsync(a => a.EngagementId == engagementId && !a.Description.Contains("the engagement")),
            await db.Wins.CountAsync(w => w.EngagementId == engagementId),
            await db.GlossaryTerms.CountAsync(g => g.EngagementId == engagementId)));
}
