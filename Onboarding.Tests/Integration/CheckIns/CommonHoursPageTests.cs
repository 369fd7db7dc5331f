using System.Net;
using Microsoft.EntityFrameworkCore;
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
        Assert.Contains("no time when all 3 participants are within their working day", all);

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
