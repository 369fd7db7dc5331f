using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.PlanEditing.PlanEditingSupport;

namespace Onboarding.Tests.Integration.PlanEditing;

/// <summary>Account leaders add, skip and remove tasks of a running plan; everyone else may not.</summary>
public class TaskEditingTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_leader_adds_a_task_with_a_why_on_working_days()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var hana = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Email == "hana.kobayashi@acme.example"));
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/plan/tasks/new";
        Assert.Contains("<title>Acme Robotics RPO launch · Add a task · Onboarding</title>", await leader.GetStringAsync(form));

        var added = await InvitationTests.PostFormAsync(leader, $"/engagements/{engagementId}/plan/tasks", new()
        {
            ["Title"] = "Run a sourcing calibration session",
            ["Phase"] = "learn|Days 1–30: learn and connect",
            ["Start"] = "2026-11-24",
            ["Due"] = "2026-11-26",
            ["OwnerId"] = hana.Id.ToString(),
            ["What"] = "Review **five profiles** together.",
            ["Why"] = "Calibrating early saves weeks of mismatched shortlists.",
            ["IsMilestone"] = "true",
        }, tokenFrom: form);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.EngagementId == engagementId && t.Title == "Run a sourcing calibration session"));
        Assert.Equal($"/engagements/{engagementId}/tasks/{task.Id}", added.Headers.Location!.ToString());
        Assert.Equal("added/run-a-sourcing-calibration-session", task.Key);
        Assert.Equal(("learn", "Days 1–30: learn and connect"), (task.PhaseKey, task.PhaseTitle));
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26)), (task.Start, task.Due));
        Assert.Equal((hana.Id, EngagementRole.HiringManager, PlanTaskStatus.ToDo), (task.OwnerId, task.OwnerRole, task.Status));
        Assert.True(await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.TaskId == task.Id && m.Date == task.Due)));
        Assert.Contains(await ActivityAsync(app, engagementId), a => a.TaskId == task.Id && a.Description.StartsWith("Added task “Run a sourcing calibration session” for Hana Kobayashi"));
        var page = await leader.GetStringAsync($"/engagements/{engagementId}/tasks/{task.Id}");
        Assert.Contains("<strong>five profiles</strong>", page);
    }

    [Fact]
    public async Task Adding_a_task_with_mistakes_says_what_is_wrong_next_to_each_field_and_keeps_the_input()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/plan/tasks/new";

        var refused = await InvitationTests.PostFormAsync(leader, $"/engagements/{engagementId}/plan/tasks", new()
        {
            ["Title"] = "Draft the job ads",
            ["Phase"] = "no-such-phase",
            ["Start"] = "2026-11-28",
            ["Due"] = "next week",
            ["OwnerId"] = "999999",
            ["What"] = "Write the first three ads.",
            ["Why"] = "  ",
        }, tokenFrom: form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Choose the phase the task belongs to.", html);
        Assert.Contains("Sat 28 Nov 2026 is not a working day (Saturdays are off)", html);
        Assert.Contains("the next working day is Mon 30 Nov 2026", html);
        Assert.Contains("&#x27;next week&#x27; is not a date; use YYYY-MM-DD.", html);
        Assert.Contains("Choose who owns the task", html);
        Assert.Contains("Say why the task matters", html);
        Assert.Contains("value=\"Draft the job ads\"", html);
        Assert.Contains(">Write the first three ads.</textarea>", html);
        Assert.False(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Title == "Draft the job ads")));

        var backwards = await InvitationTests.PostFormAsync(leader, $"/engagements/{engagementId}/plan/tasks", new()
        {
            ["Title"] = "Draft the job ads",
            ["Phase"] = "learn|Days 1–30: learn and connect",
            ["Start"] = "2026-11-27",
            ["Due"] = "2026-11-25",
            ["OwnerId"] = (await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Email == Leader))).Id.ToString(),
            ["Why"] = "Ads bring the first applicants.",
        }, tokenFrom: form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains("The due date (Wed 25 Nov 2026) is before the start (Fri 27 Nov 2026).", await backwards.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_leader_skips_a_task_with_a_reason_and_it_stays_in_the_plan()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Print the org chart", ownerEmail: TaLead);
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        var refused = await InvitationTests.PostFormAsync(leader, $"{path}/skip", new() { ["SkipReason"] = "" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why the task is skipped", await refused.Content.ReadAsStringAsync());

        var skipped = await InvitationTests.PostFormAsync(leader, $"{path}/skip", new() { ["SkipReason"] = "The client shares it in the HRIS already." }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == taskId));
        Assert.Equal((PlanTaskStatus.Skipped, "The client shares it in the HRIS already."), (task.Status, task.SkippedReason));
        var page = await leader.GetStringAsync(path);
        Assert.Contains("<strong>Skipped:</strong> The client shares it in the HRIS already.", page);
        Assert.Contains("Skipped “Print the org chart”: The client shares it in the HRIS already.", page);
    }

    [Fact]
    public async Task A_done_task_cannot_be_skipped()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var done = await app.WithDbAsync(db => db.PlanTasks.FirstAsync(t => t.EngagementId == engagementId && t.Status == PlanTaskStatus.Done));
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/tasks/{done.Id}";

        var refused = await InvitationTests.PostFormAsync(leader, $"{path}/skip", new() { ["SkipReason"] = "Not needed" }, tokenFrom: path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("This task is done", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PlanTaskStatus.Done, (await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == done.Id))).Status);
    }

    [Fact]
    public async Task A_leader_removes_a_task_with_a_reason_and_the_activity_log_keeps_it()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Book the offsite", ownerEmail: TaLead, milestone: true);
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";
        await InvitationTests.PostFormAsync(leader, $"{path}/comments", new() { ["Body"] = "Venue shortlist attached." }, tokenFrom: path);

        var refused = await InvitationTests.PostFormAsync(leader, $"{path}/remove", new() { ["RemoveReason"] = " " }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why the task is removed", await refused.Content.ReadAsStringAsync());

        var removed = await InvitationTests.PostFormAsync(leader, $"{path}/remove", new() { ["RemoveReason"] = "Added by mistake: the offsite is in the client's own plan." }, tokenFrom: path);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal($"/engagements/{engagementId}/plan", removed.Headers.Location!.ToString());
        Assert.False(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Id == taskId)));
        Assert.False(await app.WithDbAsync(db => db.Milestones.AnyAsync(m => m.Title == "Book the offsite")));
        var activity = await ActivityAsync(app, engagementId);
        Assert.DoesNotContain(activity, a => a.TaskId == taskId);
        Assert.Contains(activity, a => a.Description == "Commented on “Book the offsite”");
        Assert.Contains(activity, a => a.Description.StartsWith("Removed task “Book the offsite” (Days 1–30, 16 Nov–20 Nov, to do, 1 comment): Added by mistake"));
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync(path)).StatusCode);
        Assert.Contains("Removed task “Book the offsite”", await leader.GetStringAsync($"/engagements/{engagementId}/activity"));
    }

    [Fact]
    public async Task A_ta_lead_cannot_change_the_plan_and_does_not_see_the_controls()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Agree interview slots", ownerEmail: TaLead);
        var taLead = await app.SignedInClientAsync(TaLead);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        Assert.DoesNotContain("Change the plan", await taLead.GetStringAsync(path));
        Assert.DoesNotContain("/plan/tasks/new", await taLead.GetStringAsync($"/engagements/{engagementId}/plan"));
        Assert.Equal(HttpStatusCode.Forbidden, (await taLead.GetAsync($"/engagements/{engagementId}/plan/tasks/new")).StatusCode);
        var skip = await InvitationTests.PostFormAsync(taLead, $"{path}/skip", new() { ["SkipReason"] = "Busy" }, tokenFrom: path);
        var remove = await InvitationTests.PostFormAsync(taLead, $"{path}/remove", new() { ["RemoveReason"] = "Busy" }, tokenFrom: path);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (skip.StatusCode, remove.StatusCode));
        Assert.Equal(PlanTaskStatus.ToDo, (await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.Id == taskId))).Status);
    }

    [Fact]
    public async Task An_outsider_gets_404_for_plan_changes()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Secret task", ownerEmail: TaLead);
        var outsider = await OutsiderAsync(app, "odd.one@elsewhere.example");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/engagements/{engagementId}/plan/tasks/new")).StatusCode);
        var remove = await InvitationTests.PostFormAsync(outsider, $"/engagements/{engagementId}/tasks/{taskId}/remove", new() { ["RemoveReason"] = "Because" }, tokenFrom: "/engagements");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Id == taskId)));
    }
}
