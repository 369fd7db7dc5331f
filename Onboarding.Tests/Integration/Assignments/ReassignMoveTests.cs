using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Browser;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

/// <summary>
/// A task handed to someone whose locations do not work its days goes onto days they do, and the tasks waiting for it
/// follow: the leader sees every move, and why, before anything is saved.
/// </summary>
public class ReassignMoveTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Handing_a_task_to_someone_off_on_its_first_day_shows_the_moves_first_and_makes_them_once_confirmed()
    {
        var demo = await Demo.LoadAsync(app);
        // Riya works from Bengaluru and Wrocław; Hana from Guadalajara and Toronto, and Mexico keeps Revolution Day on Monday 16 November 2026.
        var taskId = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Agree the interview panels", Demo.RecruiterEmail);
        var waiting = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Book the panel rooms", Demo.LeaderEmail);
        await app.WithDbAsync(async db =>
        {
            var next = await db.PlanTasks.Include(t => t.DependsOn).SingleAsync(t => t.Id == waiting);
            next.DependsOn.Add(new Onboarding.Core.Engagements.TaskDependency { DependsOnTaskId = taskId });
            next.Start = new DateOnly(2026, 11, 23);
            next.Due = new DateOnly(2026, 11, 24);
            await db.SaveChangesAsync();
            return 0;
        });
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        var preview = await demo.ReassignAsync(app, leader, taskId, demo.HiringManager);
        var html = await preview.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Handing it over moves 2 tasks", page);
        Assert.Contains("Nothing has changed yet. “Agree the interview panels” would become Hana Kobayashi's.", page);
        Assert.Contains("16 Nov is Revolution Day in Guadalajara, Jalisco, Mexico", page);
        Assert.Contains("Agree the interview panels", page);
        Assert.Contains("Book the panel rooms", page);
        Assert.Null(await HtmlValidator.ProblemsAsync(html, "reassign-preview.html"));
        var unchanged = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => new { t.OwnerId, t.Start }).SingleAsync());
        Assert.Equal((demo.Recruiter, new DateOnly(2026, 11, 16)), (unchanged.OwnerId, unchanged.Start));
        Assert.DoesNotContain(await Demo.ActivityAsync(app, demo.EngagementId), a => a.TaskId == taskId && a.Description.StartsWith("Reassigned", StringComparison.Ordinal));

        var version = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync());
        var confirmed = await Demo.PostAsync(leader, $"{demo.Path}/tasks/{taskId}/owner", new Dictionary<string, string>
        {
            ["OwnerId"] = $"{demo.HiringManager}",
            ["Version"] = $"{version}",
            ["Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var tasks = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId || t.Id == waiting).OrderBy(t => t.Id).Select(t => new { t.OwnerId, t.Start, t.Due }).ToListAsync());
        // Four working days from Tuesday 17 November; the task waiting for it starts the working day after.
        Assert.Equal(demo.HiringManager, tasks[0].OwnerId);
        Assert.Equal((new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 23)), (tasks[0].Start, tasks[0].Due));
        Assert.Equal(new DateOnly(2026, 11, 24), tasks[1].Start);
        Assert.Single(await Demo.ActivityAsync(app, demo.EngagementId), a => a.TaskId == taskId
            && a.Description == "Reassigned “Agree the interview panels” from Riya Shah to Hana Kobayashi; 2 tasks moved to fit Hana Kobayashi's calendar");
        Assert.Contains("is now Hana Kobayashi's. 2 tasks moved to fit Hana Kobayashi's calendar.", WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/tasks/{taskId}")));
        Assert.Empty(app.ServerErrors);
    }

    [Fact]
    public async Task A_new_owner_with_a_location_and_no_tasks_yet_gets_the_same_preview()
    {
        var demo = await Demo.LoadAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Sign off the panel plan", Demo.RecruiterEmail);
        // The sponsor hands their tasks on and works from Guadalajara: nothing loads their locations but the handover.
        await app.WithDbAsync(async db =>
        {
            await db.PlanTasks.Where(t => t.OwnerId == demo.Sponsor).ExecuteUpdateAsync(t => t.SetProperty(x => x.OwnerId, demo.Leader));
            await db.Set<Onboarding.Core.Engagements.TaskParticipant>().Where(p => p.MemberId == demo.Sponsor).ExecuteDeleteAsync();
            var guadalajara = await db.HiringLocations.Include(l => l.Members).SingleAsync(l => l.EngagementId == demo.EngagementId && l.City == "Guadalajara");
            guadalajara.Members.Add(await db.Members.SingleAsync(m => m.Id == demo.Sponsor));
            await db.SaveChangesAsync();
            return 0;
        });
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        var preview = await demo.ReassignAsync(app, leader, taskId, demo.Sponsor);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("16 Nov is Revolution Day in Guadalajara, Jalisco, Mexico", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        Assert.Empty(app.ServerErrors);
    }
}
