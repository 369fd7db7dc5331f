using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class TaskPageTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Manager = "hana.kobayashi@acme.example";

    [Fact]
    public async Task A_task_shows_its_what_and_why_rendered_from_markdown()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Map the current hiring process");
        var html = await (await app.SignedInClientAsync(Manager)).GetStringAsync($"/engagements/{engagementId}/tasks/{taskId}");

        Assert.Contains("<strong>every step</strong>", html);
        Assert.Contains("<a href=\"https://example.com/map\">together</a>", html);
        Assert.Contains("<title>Map the current hiring process · Acme Robotics RPO launch · Onboarding</title>", html);
    }

    [Fact]
    public async Task The_owner_completes_a_milestone_task_and_it_becomes_a_win()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Intake meetings held", ownerEmail: Manager, milestone: true);
        var owner = await app.SignedInClientAsync(Manager);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        var response = await InvitationTests.PostFormAsync(owner, $"{path}/status", new() { ["Status"] = "Done" }, tokenFrom: path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (task, win, milestone) = await app.WithDbAsync(async db => (
            await db.PlanTasks.SingleAsync(t => t.Id == taskId),
            await db.Wins.SingleOrDefaultAsync(w => w.TaskId == taskId),
            await db.Milestones.SingleAsync(m => m.TaskId == taskId)));
        Assert.Equal(PlanTaskStatus.Done, task.Status);
        Assert.Equal(app.Clock.GetUtcNow(), task.CompletedAt);
        Assert.NotNull(win);
        Assert.Equal(WinKind.MilestoneReached, win.Kind);
        Assert.NotNull(milestone.ReachedAt);
        Assert.Contains("Completed “Intake meetings held”", await owner.GetStringAsync(path));
    }

    [Fact]
    public async Task Blocking_needs_a_reason_and_the_form_keeps_the_choice()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Grant ATS access", ownerEmail: Manager);
        var owner = await app.SignedInClientAsync(Manager);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        var refused = await InvitationTests.PostFormAsync(owner, $"{path}/status", new() { ["Status"] = "Blocked", ["BlockedReason"] = " " }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say what blocks the task", await refused.Content.ReadAsStringAsync());

        var blocked = await InvitationTests.PostFormAsync(owner, $"{path}/status", new() { ["Status"] = "Blocked", ["BlockedReason"] = "IT needs a purchase order" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == taskId));
        Assert.Equal("IT needs a purchase order", task.BlockedReason);
    }

    [Fact]
    public async Task Someone_elses_task_cannot_be_moved_by_a_stakeholder_but_can_be_commented_on()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Agree the definitions", ownerEmail: "tomas.herrera@acme.example");
        var other = await app.SignedInClientAsync(Manager);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        Assert.DoesNotContain("Update status", await other.GetStringAsync(path));
        var moved = await InvitationTests.PostFormAsync(other, $"{path}/status", new() { ["Status"] = "Done" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);

        var commented = await InvitationTests.PostFormAsync(other, $"{path}/comments", new() { ["Body"] = "<script>alert(1)</script> Happy to help" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        var html = await other.GetStringAsync(path);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Happy to help", html);
        Assert.Equal(PlanTaskStatus.ToDo, (await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == taskId))).Status);
    }
}
