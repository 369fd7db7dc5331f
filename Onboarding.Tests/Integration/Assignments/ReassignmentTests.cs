using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

/// <summary>Its own database: it records digests, and "since your last digest" must start from these only.</summary>
public class ReassignmentTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_reassigned_task_moves_between_checklists_and_calendars_is_logged_and_both_digests_say_so_once()
    {
        var demo = await Demo.LoadAsync(app);
        var taskId = await OnDaysBothWorkAsync(await TestPlans.AddTaskAsync(app, demo.EngagementId, "Share the role brief", Demo.RecruiterEmail));
        var (riyaFeed, hanaFeed) = await app.WithDbAsync(async db => (
            await db.Members.Where(m => m.Id == demo.Recruiter).Select(m => m.CalendarToken).SingleAsync(),
            await db.Members.Where(m => m.Id == demo.HiringManager).Select(m => m.CalendarToken).SingleAsync()));
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var riya = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var hana = await app.SignedInClientAsync(Demo.HiringManagerEmail);
        Assert.Contains("Share the role brief", await riya.GetStringAsync("/my/checklist"));
        Assert.DoesNotContain("Share the role brief", await hana.GetStringAsync("/my/checklist"));

        var response = await demo.ReassignAsync(app, leader, taskId, demo.HiringManager);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Share the role brief", await riya.GetStringAsync("/my/checklist"));
        Assert.Contains("Share the role brief", await hana.GetStringAsync("/my/checklist"));
        Assert.DoesNotContain("SUMMARY:Share the role brief", await app.AnonymousClient().GetStringAsync($"/calendar/{riyaFeed}.ics"));
        Assert.Contains("SUMMARY:Share the role brief", await app.AnonymousClient().GetStringAsync($"/calendar/{hanaFeed}.ics"));
        var log = await Demo.ActivityAsync(app, demo.EngagementId);
        Assert.Single(log, a => a.Description == "Reassigned “Share the role brief” from Riya Shah to Hana Kobayashi" && a.TaskId == taskId);
        Assert.Contains("Reassigned “Share the role brief” from Riya Shah to Hana Kobayashi", WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/tasks/{taskId}")));

        // The digests due at the clock's time (Monday 23 November, past everyone's hour), then the next day's.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await RenderedDigests.RecordDueAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await RenderedDigests.RecordDueAsync(app);

        var hanas = await RenderedDigests.RecordedAsync(app, Demo.HiringManagerEmail);
        var riyas = await RenderedDigests.RecordedAsync(app, Demo.RecruiterEmail);
        Assert.NotEmpty(hanas);
        Assert.NotEmpty(riyas);
        Assert.Equal(1, Demo.Occurrences(hanas[0], "Reassigned to you: Share the role brief"));
        Assert.Equal(1, Demo.Occurrences(riyas[0], "Moved to Hana Kobayashi: Share the role brief"));
        Assert.DoesNotContain("Moved to", hanas[0]);
        Assert.DoesNotContain("Reassigned to you", riyas[0]);
        Assert.All(hanas.Skip(1), text => Assert.DoesNotContain("Reassigned to you: Share the role brief", text));
        Assert.All(riyas.Skip(1), text => Assert.DoesNotContain("Moved to Hana Kobayashi", text));
        Assert.DoesNotContain("Reassigned", string.Concat(await RenderedDigests.RecordedAsync(app, Demo.SponsorEmail)));
    }

    [Fact]
    public async Task A_reassignment_made_on_an_older_version_of_the_task_is_refused_and_says_who_changed_it()
    {
        var demo = await Demo.LoadAsync(app);
        var taskId = await OnDaysBothWorkAsync(await TestPlans.AddTaskAsync(app, demo.EngagementId, "Collect the interview slots", Demo.RecruiterEmail));
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var opened = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync());

        var first = await demo.ReassignAsync(app, leader, taskId, demo.HiringManager, opened);
        var second = await demo.ReassignAsync(app, leader, taskId, demo.Sponsor, opened);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("after you opened it", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(demo.HiringManager, await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.OwnerId).SingleAsync()));
        Assert.Single(await Demo.ActivityAsync(app, demo.EngagementId), a => a.TaskId == taskId && a.Description.StartsWith("Reassigned", StringComparison.Ordinal));
    }

    /// <summary>
    /// 17–20 November, working days in Riya's and Hana's locations alike, so the handover moves nothing (a test task
    /// starts on 16 November, Revolution Day in Hana's Guadalajara; what that moves is <see cref="ReassignMoveTests"/>').
    /// </summary>
    private async Task<int> OnDaysBothWorkAsync(int taskId)
    {
        await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(t => t.SetProperty(x => x.Start, new DateOnly(2026, 11, 17))));
        return taskId;
    }
}
