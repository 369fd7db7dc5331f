using System.Net;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class MyPagesTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_client_stakeholder_lands_on_their_checklist_and_marks_a_task_done_from_it()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await TestPlans.AddTaskAsync(app, engagementId, "Commit interview slots for the quarter", ownerEmail: "hana.kobayashi@acme.example");
        var manager = await app.SignedInClientAsync("hana.kobayashi@acme.example");

        var home = await manager.GetAsync("/");
        Assert.Equal("/my/checklist", home.Headers.Location!.ToString());
        var checklist = await manager.GetStringAsync("/my/checklist");
        Assert.Contains("Commit interview slots for the quarter", checklist);
        Assert.Contains("<strong>every step</strong>", checklist);
        Assert.Contains("3 days overdue", checklist);

        var taskId = await app.WithDbAsync(db => Task.FromResult(db.PlanTasks.Single(t => t.Title == "Commit interview slots for the quarter").Id));
        var done = await InvitationTests.PostFormAsync(manager, $"/engagements/{engagementId}/tasks/{taskId}/status",
            new() { ["Status"] = "Done", ["ReturnUrl"] = "/my/checklist" }, tokenFrom: "/my/checklist");
        Assert.Equal("/my/checklist", done.Headers.Location!.ToString());
        var after = await manager.GetStringAsync("/my/checklist");
        Assert.Contains($"<span class=\"status status-done\">Done</span> <a href=\"/engagements/{engagementId}/tasks/{taskId}\">", after);
        Assert.DoesNotContain($"id=\"task-{taskId}\"", after);
    }

    [Fact]
    public async Task A_recruiter_lands_on_their_onboarding_with_people_to_meet_and_the_glossary()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await TestPlans.AddTaskAsync(app, engagementId, "Meet every hiring manager", ownerEmail: "riya.shah@northstar.example");
        var recruiter = await app.SignedInClientAsync("riya.shah@northstar.example");

        var home = await recruiter.GetAsync("/");
        Assert.Equal("/my/onboarding", home.Headers.Location!.ToString());
        var page = await recruiter.GetStringAsync("/my/onboarding");
        Assert.Contains("Meet every hiring manager", page);
        Assert.Contains("People to meet", page);
        Assert.Contains("Hana Kobayashi", page);
        Assert.Contains("Job order", page);
        Assert.Matches(@"\d+% done", page);
    }

    [Fact]
    public async Task An_account_leader_lands_on_the_engagements()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var home = await leader.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/engagements", home.Headers.Location!.ToString());
    }
}
