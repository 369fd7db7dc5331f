using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.CheckIns;

/// <summary>The check-in form says when its participants are all working, from each person's own zone and week.</summary>
public class CommonHoursPageTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_check_in_form_shows_the_hours_its_participants_share_or_says_there_are_none()
    {
        var demo = await Demo.LoadAsync(app);
        var seriesId = await CheckInScenarios.WeeklyAsync(app, demo.EngagementId);
        await app.WithDbAsync(async db =>
        {
            foreach (var (email, zone) in new[] { (Demo.LeaderEmail, "Europe/Warsaw"), (Demo.RecruiterEmail, "Asia/Kolkata"), (Demo.TaLeadEmail, "America/Mexico_City"), (Demo.HiringManagerEmail, "America/Toronto") })
            {
                await db.People.Where(p => p.EmailKey == email).ExecuteUpdateAsync(p => p.SetProperty(x => x.TimeZone, zone));
            }
            return 0;
        });
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var path = $"{demo.Path}/check-ins/{seriesId}/edit";

        // The usual weekly check-in: the leader (Warsaw), the TA lead (Mexico City) and the recruiter (Kolkata).
        var all = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.Contains("No common hours:", all);
        Assert.Contains("no time when all 3 are within their working day", all);

        // Warsaw (08:00–16:00 UTC) and Toronto (14:00–22:00 UTC): 09:00–11:00 in the engagement's New York, Tuesday at 10:00 fits.
        await SetAsync(seriesId, new TimeOnly(10, 0), demo.Leader, demo.HiringManager);
        var two = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.DoesNotContain("No common hours", two);
        Assert.Contains("<li>Mon 23 Nov 09:00–11:00</li>", two);
        Assert.Contains("<li>Fri 27 Nov 09:00–11:00</li>", two);
        Assert.DoesNotContain("Sat 28 Nov", two);
        Assert.Contains("The next check-in, Tue 24 Nov at 10:00, is within everyone's working day.", two);

        // 12:00 in New York is 18:00 in Warsaw.
        await SetAsync(seriesId, new TimeOnly(12, 0), demo.Leader, demo.HiringManager);
        var late = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.Contains("The next check-in, Tue 24 Nov at 12:00, falls outside the working day of Alex Morgan (Europe/Warsaw).", late);
    }

    [Fact]
    public async Task A_recruiter_and_their_hiring_managers_see_when_they_are_all_working_or_that_they_never_are()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await demo.AssignAsync(leader, demo.Recruiter, demo.HiringManager)).StatusCode);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);

        // Kolkata's day ends at 11:30 UTC, Toronto's starts at 14:00 UTC.
        await ZonesAsync((Demo.RecruiterEmail, "Asia/Kolkata"), (Demo.HiringManagerEmail, "America/Toronto"));
        var apart = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/assignments"));
        Assert.Contains("When each recruiter and their hiring managers are working", apart);
        Assert.Contains("<h3>Riya Shah with Hana Kobayashi</h3>", apart);
        Assert.Contains("No common hours:</strong> in these seven days there is no time when both are within their working day.", apart);
        Assert.Contains("No common hours:", WebUtility.HtmlDecode(await recruiter.GetStringAsync("/my/onboarding")));

        // Warsaw 08:00–16:00 UTC and Toronto 14:00–22:00 UTC: in the engagement's New York for the leader, on Riya's own clock for her.
        await ZonesAsync((Demo.RecruiterEmail, "Europe/Warsaw"));
        var together = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/assignments"));
        Assert.Contains("Times here are in America/New_York", together);
        Assert.Contains("<li>Mon 23 Nov 09:00–11:00</li>", together);
        // Riya's locations include Bengaluru, whose calendar has Guru Nanak's Birthday on Tuesday: her tasks skip it, and so do her hours.
        Assert.Contains("Days off: Tue 24 Nov, Riya Shah: Guru Nanak's Birthday in Bengaluru, Karnataka, India.", together);
        Assert.DoesNotContain("<li>Tue 24 Nov", together);
        Assert.Contains("<li>Wed 25 Nov 09:00–11:00</li>", together);
        var own = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Demo.RecruiterEmail)).GetStringAsync("/my/onboarding"));
        Assert.Contains("When you and your hiring managers are working", own);
        Assert.Contains("Times here are in Europe/Warsaw", own);
        Assert.Contains("<li>Mon 23 Nov 15:00–17:00</li>", own);
        Assert.Contains("Days off: Tue 24 Nov, Riya Shah: Guru Nanak's Birthday in Bengaluru, Karnataka, India.", own);
        Assert.DoesNotContain("No common hours", own);
    }

    [Fact]
    public async Task A_task_several_people_attend_shows_when_they_are_all_working_in_the_week_it_opens()
    {
        var demo = await Demo.LoadAsync(app);
        // The latest open task with participants (a review), given to the leader with the TA lead and the hiring manager attending.
        var (taskId, start) = await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.Include(t => t.Participants)
                .Where(t => t.EngagementId == demo.EngagementId && t.Participants.Count > 0 && t.Status == PlanTaskStatus.ToDo)
                .OrderByDescending(t => t.Start).FirstAsync();
            task.OwnerId = demo.Leader;
            task.Participants.Clear();
            task.Participants.AddRange([new TaskParticipant { MemberId = demo.TaLead }, new TaskParticipant { MemberId = demo.HiringManager }]);
            await db.SaveChangesAsync();
            return (task.Id, task.Start);
        });
        await ZonesAsync((Demo.LeaderEmail, "Europe/Warsaw"), (Demo.TaLeadEmail, "America/Mexico_City"), (Demo.HiringManagerEmail, "America/Toronto"), (Demo.RecruiterEmail, "Asia/Kolkata"));
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var path = $"{demo.Path}/tasks/{taskId}";

        // Warsaw 08:00–16:00 UTC (CET), Mexico City 15:00–23:00 UTC, Toronto 14:00–22:00 UTC (EST): 16:00–17:00 on the leader's clock.
        var three = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.Contains("When everyone on this task is working", three);
        Assert.Contains($"Times here are in Europe/Warsaw, for the seven days from {start:ddd d MMM}.", three);
        Assert.Contains($"<li>{start:ddd d MMM} 16:00–17:00</li>", three);

        await app.WithDbAsync(db =>
        {
            db.Set<TaskParticipant>().Add(new TaskParticipant { TaskId = taskId, MemberId = demo.Recruiter });
            return db.SaveChangesAsync();
        });
        var four = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.Contains("there is no time when all 4 are within their working day.", four);
        Assert.Contains("Closest: everyone but Riya Shah (Asia/Kolkata) is working", four);
    }

    private Task ZonesAsync(params (string Email, string Zone)[] people) => app.WithDbAsync(async db =>
    {
        foreach (var (email, zone) in people)
        {
            await db.People.Where(p => p.EmailKey == email).ExecuteUpdateAsync(p => p.SetProperty(x => x.TimeZone, zone));
        }
        return 0;
    });

    private Task SetAsync(int seriesId, TimeOnly time, params int[] memberIds) => app.WithDbAsync(async db =>
    {
        var series = await db.CheckInSeries.Include(s => s.Participants).SingleAsync(s => s.Id == seriesId);
        series.Weekday = DayOfWeek.Tuesday;
        series.LocalTime = time;
        series.DurationMinutes = 30;
        series.Participants.Clear();
        series.Participants.AddRange(memberIds.Select(id => new CheckInParticipant { MemberId = id }));
        return await db.SaveChangesAsync();
    });
}
