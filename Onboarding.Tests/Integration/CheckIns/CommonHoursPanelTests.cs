using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Integration.PlanEditing;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.CheckIns;

/// <summary>
/// The panel the check-in form's script fetches as participants, day, time or length change: the same answer the page
/// gives after a save, for the values as typed and nothing saved; only to the engagement's leaders, and bad values get a message.
/// </summary>
public class CommonHoursPanelTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_panel_answers_for_the_values_as_typed_and_saves_nothing()
    {
        var demo = await Demo.LoadAsync(app);
        var seriesId = await CheckInScenarios.WeeklyAsync(app, demo.EngagementId);
        await SpreadAcrossFourZonesAsync();
        var saved = await ParticipantsAsync(seriesId);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var panel = $"{demo.Path}/check-ins/{seriesId}/common-hours";

        // Warsaw (08:00–16:00 UTC) and Toronto (14:00–22:00 UTC): 09:00–11:00 in the engagement's New York.
        var two = await GetPanelAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&ParticipantIds={demo.HiringManager}&Weekday=Tuesday&Time=10:00&DurationMinutes=30");
        Assert.Contains("<li>Mon 23 Nov 09:00–11:00</li>", two);
        Assert.Contains("The next check-in, Tue 24 Nov at 10:00, is within everyone's working day.", two);
        Assert.DoesNotContain("<html", two);

        var late = await GetPanelAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&ParticipantIds={demo.HiringManager}&Weekday=Tuesday&Time=12:00&DurationMinutes=30");
        Assert.Contains("falls outside the working day of Alex Morgan (Europe/Warsaw)", late);

        // Kolkata's day ends at 11:30 UTC, before Mexico City's starts; the other three share 15:00–16:00 UTC.
        var four = await GetPanelAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&ParticipantIds={demo.Recruiter}&ParticipantIds={demo.TaLead}&ParticipantIds={demo.HiringManager}&Weekday=Tuesday&Time=10:00&DurationMinutes=30");
        Assert.Contains("No common hours:", four);
        Assert.Contains("no time when all 4 are within their working day", four);
        Assert.Contains("Closest: everyone but Riya Shah (Asia/Kolkata) is working Mon 23 Nov 10:00–11:00, Tue 24 Nov 10:00–11:00, Wed 25 Nov 10:00–11:00 and 2 more times.", four);

        // Riya's Bengaluru has Guru Nanak's Birthday on Tuesday 24 November: that, not her clock, is why Tuesday does not suit her.
        var holiday = await GetPanelAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&ParticipantIds={demo.Recruiter}&Weekday=Tuesday&Time=05:00&DurationMinutes=30");
        Assert.Contains("Days off: Tue 24 Nov, Riya Shah: Guru Nanak's Birthday in Bengaluru, Karnataka, India.", holiday);
        Assert.Contains("The next check-in, Tue 24 Nov at 05:00, falls outside the working day of Riya Shah (Guru Nanak's Birthday in Bengaluru, Karnataka, India).", holiday);
        var wednesday = await GetPanelAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&ParticipantIds={demo.Recruiter}&Weekday=Wednesday&Time=05:00&DurationMinutes=30");
        Assert.Contains("The next check-in, Wed 25 Nov at 05:00, is within everyone's working day.", wednesday);

        var none = await GetPanelAsync(leader, $"{panel}?Weekday=Tuesday&Time=10:00&DurationMinutes=30");
        Assert.Contains("No participants chosen", none);

        Assert.Equal(saved, await ParticipantsAsync(seriesId));
    }

    [Fact]
    public async Task Only_the_engagements_leaders_get_the_panel_and_nobody_else_learns_anything()
    {
        var demo = await Demo.LoadAsync(app);
        var seriesId = await CheckInScenarios.WeeklyAsync(app, demo.EngagementId);
        var query = $"?ParticipantIds={demo.Leader}&Weekday=Tuesday&Time=10:00&DurationMinutes=30";
        var panel = $"{demo.Path}/check-ins/{seriesId}/common-hours{query}";

        var outsider = await PlanEditingSupport.OutsiderAsync(app, "olive.outsider@other.example");
        var manager = await app.SignedInClientAsync(Demo.HiringManagerEmail);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        var fromOutsider = await outsider.GetAsync(panel);
        Assert.Equal(HttpStatusCode.NotFound, fromOutsider.StatusCode);
        Assert.DoesNotContain("Alex Morgan", await fromOutsider.Content.ReadAsStringAsync());
        var fromManager = await manager.GetAsync(panel);
        Assert.Equal(HttpStatusCode.Forbidden, fromManager.StatusCode);
        Assert.DoesNotContain("Alex Morgan", await fromManager.Content.ReadAsStringAsync());
        var anonymous = await app.AnonymousClient().GetAsync(panel);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/sign-in", anonymous.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"{demo.Path}/check-ins/{int.MaxValue}/common-hours{query}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(panel)).StatusCode);
    }

    [Fact]
    public async Task Bad_values_get_a_message_naming_what_is_wrong()
    {
        var demo = await Demo.LoadAsync(app);
        var weekly = await CheckInScenarios.WeeklyAsync(app, demo.EngagementId);
        var riyas = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.RecruiterMemberId == demo.Recruiter).Select(s => s.Id).SingleAsync());
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var panel = $"{demo.Path}/check-ins/{weekly}/common-hours";
        const string When = "Weekday=Tuesday&Time=10:00&DurationMinutes=30";

        await RefusedAsync(leader, $"{panel}?ParticipantIds=abc&{When}", HttpStatusCode.BadRequest, "Participants are given by their member number");
        await RefusedAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&Weekday=Funday&Time=10:00&DurationMinutes=30", HttpStatusCode.UnprocessableEntity, "Choose the day of the week");
        await RefusedAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&Weekday=Tuesday&Time=25:99&DurationMinutes=30", HttpStatusCode.UnprocessableEntity, "'25:99' is not a time of day");
        await RefusedAsync(leader, $"{panel}?ParticipantIds={demo.Leader}&Weekday=Tuesday&Time=10:00&DurationMinutes=9999", HttpStatusCode.UnprocessableEntity, "a whole number from 5 to 480");
        await RefusedAsync(leader, $"{panel}?ParticipantIds={demo.Leader}", HttpStatusCode.UnprocessableEntity, "Enter the time the check-in starts");
        await RefusedAsync(leader, $"{panel}?ParticipantIds=999999&{When}", HttpStatusCode.UnprocessableEntity, "Member 999999 is not someone who can attend this check-in.");
        // A recruiter's check-in is for provider staff only: the TA lead cannot be chosen, so is not told about either.
        await RefusedAsync(leader, $"{demo.Path}/check-ins/{riyas}/common-hours?ParticipantIds={demo.TaLead}&{When}", HttpStatusCode.UnprocessableEntity, $"Member {demo.TaLead} is not someone who can attend");
        Assert.Empty(app.ServerErrors);
    }

    private static async Task<string> GetPanelAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task RefusedAsync(HttpClient client, string path, HttpStatusCode status, string message)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    private Task<List<int>> ParticipantsAsync(int seriesId) =>
        app.WithDbAsync(db => db.CheckInParticipants.Where(p => p.SeriesId == seriesId).Select(p => p.MemberId).OrderBy(id => id).ToListAsync());

    private Task SpreadAcrossFourZonesAsync() => app.WithDbAsync(async db =>
    {
        foreach (var (email, zone) in new[] { (Demo.LeaderEmail, "Europe/Warsaw"), (Demo.RecruiterEmail, "Asia/Kolkata"), (Demo.TaLeadEmail, "America/Mexico_City"), (Demo.HiringManagerEmail, "America/Toronto") })
        {
            await db.People.Where(p => p.EmailKey == email).ExecuteUpdateAsync(p => p.SetProperty(x => x.TimeZone, zone));
        }
        return 0;
    });
}
