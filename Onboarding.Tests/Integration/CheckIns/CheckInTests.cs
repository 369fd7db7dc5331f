using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.CheckIns;

/// <summary>Check-ins on PostgreSQL: the demo's defaults, recording a meeting, its refusals, and who sees what.</summary>
public class CheckInTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public Task A_leader_records_tuesdays_check_in_and_the_action_item_becomes_the_owners_task() => CheckInScenarios.RecordAsync(app);

    [Fact]
    public Task Nonsense_in_the_meeting_and_series_forms_gets_messages_naming_the_field() => CheckInScenarios.BadInputAsync(app);

    [Fact]
    public async Task A_recruiters_check_in_is_hidden_from_client_stakeholders()
    {
        var demo = await Demo.LoadAsync(app);
        var riyas = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.RecruiterMemberId == demo.Recruiter).Select(s => s.Id).SingleAsync());
        var manager = await app.SignedInClientAsync(Demo.HiringManagerEmail);

        Assert.DoesNotContain("Riya Shah · weekly check-in", await manager.GetStringAsync($"{demo.Path}/check-ins"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{demo.Path}/check-ins/{riyas}/2026-11-27")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"{demo.Path}/check-ins/{riyas}/edit")).StatusCode);
    }

    [Fact]
    public async Task A_leader_adds_the_usual_check_ins_an_engagement_lacks_once()
    {
        // An engagement launched before check-ins existed: the demo's leader and two recruiters, no series.
        var engagementId = await app.WithDbAsync(async db =>
        {
            var demoEngagement = await db.Engagements.FirstAsync(e => e.Name == "Acme Robotics RPO launch");
            var engagement = new Engagement
            {
                Name = $"Before check-ins {Guid.NewGuid():N}",
                ProviderId = demoEngagement.ProviderId,
                ClientId = demoEngagement.ClientId,
                TimeZone = "Europe/Warsaw",
                Kickoff = new DateOnly(2026, 11, 2),
                GoLive = new DateOnly(2027, 1, 29),
                Members =
                [
                    TestPeople.MemberOf(db, "Alex Morgan", Demo.LeaderEmail, EngagementRole.AccountLeader),
                    TestPeople.NewMember("Ola Nowak", $"ola.{Guid.NewGuid():N}@example.com", EngagementRole.Recruiter, "Europe/Warsaw"),
                    TestPeople.NewMember("Jan Kowal", $"jan.{Guid.NewGuid():N}@example.com", EngagementRole.Recruiter, "Europe/Warsaw"),
                ],
            };
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            return engagement.Id;
        });
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var path = $"/engagements/{engagementId}/check-ins";
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(leader, path) });

        var first = await leader.PostAsync($"{path}/usual", form);
        var second = await leader.PostAsync($"{path}/usual", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(leader, path) }));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var series = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.EngagementId == engagementId).Select(s => new { s.Kind, s.RecruiterMemberId }).ToListAsync());
        var recruiters = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Role == EngagementRole.Recruiter).Select(m => (int?)m.Id).ToListAsync());
        Assert.Single(series, s => s.Kind == CheckInKind.Engagement);
        Assert.Equal(recruiters.Order(), series.Where(s => s.Kind == CheckInKind.Recruiter).Select(s => s.RecruiterMemberId).Order());
        Assert.Contains("Every usual check-in is already there", await leader.GetStringAsync(path));
    }

    [Fact]
    public async Task Each_participants_calendar_feed_has_the_check_ins_as_weekly_events_in_the_engagements_zone()
    {
        var demo = await Demo.LoadAsync(app);
        var token = await app.WithDbAsync(db => db.Members.Where(m => m.Id == demo.Recruiter).Select(m => m.CalendarToken).SingleAsync());

        var ics = await app.AnonymousClient().GetStringAsync($"/calendar/{token}.ics");

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        var weekly = calendar.Events.Single(e => e.Summary == "Weekly check-in");
        Assert.Equal("America/New_York", weekly.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 17, 10, 0, 0), weekly.DtStart.Value);
        var rule = weekly.RecurrenceRule!;
        Assert.Equal((Ical.Net.FrequencyType.Weekly, 1), (rule.Frequency, rule.Interval));
        var own = calendar.Events.Single(e => e.Summary == "Riya Shah · weekly check-in");
        Assert.Equal(new DateTime(2026, 11, 13, 15, 0, 0), own.DtStart!.Value);
        Assert.Equal($"check-in-{await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.RecruiterMemberId == demo.Recruiter).Select(s => s.Id).SingleAsync())}@onboarding", own.Uid);

        // The sponsor attends no check-in: their feed has none.
        var sponsors = await app.WithDbAsync(db => db.Members.Where(m => m.Id == demo.Sponsor).Select(m => m.CalendarToken).SingleAsync());
        Assert.DoesNotContain("UID:check-in-", await app.AnonymousClient().GetStringAsync($"/calendar/{sponsors}.ics"));
    }
}

/// <summary>The same on the embedded default's SQLite.</summary>
public class SqliteCheckInTests(SqliteApp sqlite) : IClassFixture<SqliteApp>
{
    [Fact]
    public Task On_sqlite_a_leader_records_tuesdays_check_in_and_the_action_item_becomes_the_owners_task() => CheckInScenarios.RecordAsync(sqlite.App);

    [Fact]
    public Task On_sqlite_nonsense_in_the_meeting_and_series_forms_gets_messages_naming_the_field() => CheckInScenarios.BadInputAsync(sqlite.App);
}

internal static class CheckInScenarios
{
    /// <summary>A form with a repeated field (checkboxes), which a dictionary cannot hold.</summary>
    private static FormUrlEncodedContent Form(Dictionary<string, string> fields, int[] participants, string token) =>
        new(fields.Where(f => f.Key != "ParticipantIds").Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Concat(participants.Select(p => KeyValuePair.Create("ParticipantIds", $"{p}")))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    public static Task<int> WeeklyAsync(OnboardingFactory app, int engagementId) =>
        app.WithDbAsync(db => db.CheckInSeries.Where(s => s.EngagementId == engagementId && s.Kind == CheckInKind.Engagement).Select(s => s.Id).SingleAsync());

    public static async Task RecordAsync(OnboardingFactory app)
    {
        var demo = await Demo.LoadAsync(app);
        var weekly = await WeeklyAsync(app, demo.EngagementId);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var meeting = $"{demo.Path}/check-ins/{weekly}/2026-11-24";

        var list = await leader.GetStringAsync($"{demo.Path}/check-ins");
        Assert.Contains("Weekly check-in", list);
        Assert.Contains("Next: Tuesday 24 Nov", list);
        var page = await leader.GetStringAsync(meeting);
        Assert.Contains("Agenda", page);
        Assert.Contains("Drafted from the plan", page);

        var saved = await Demo.PostAsync(leader, meeting, new Dictionary<string, string>
        {
            ["Notes"] = "Intake went **well**.",
            ["Decisions"] = "Use the new intake form\n\n",
            ["Actions[0].Title"] = "Send the intake form to every hiring manager",
            ["Actions[0].OwnerId"] = $"{demo.HiringManager}",
            ["Actions[0].Due"] = "2026-11-27",
            ["Actions[0].What"] = "Email the form.",
            ["Actions[0].Why"] = "So every intake starts from the same questions.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (record, task, decision) = await app.WithDbAsync(async db =>
        {
            var m = await db.CheckInMeetings.Include(x => x.Actions).Include(x => x.Decisions).SingleAsync(x => x.SeriesId == weekly);
            var t = await db.PlanTasks.SingleAsync(x => x.Id == m.Actions.Single().TaskId);
            var d = await db.LogEntries.SingleAsync(x => x.Id == m.Decisions.Single().LogEntryId);
            return (m, t, d);
        });
        Assert.Equal("Intake went **well**.", record.Notes);
        Assert.Equal((demo.HiringManager, new DateOnly(2026, 11, 27), "So every intake starts from the same questions."), (task.OwnerId, task.Due, task.Why));
        Assert.False(string.IsNullOrEmpty(task.PhaseKey));
        Assert.Equal((LogEntryKind.Decision, LogEntryStatus.Closed, "Use the new intake form"), (decision.Kind, decision.Status, decision.Resolution));

        // The owner has it on their checklist, and the past check-in reads as recorded.
        var manager = await app.SignedInClientAsync(Demo.HiringManagerEmail);
        Assert.Contains("Send the intake form to every hiring manager", await manager.GetStringAsync("/my/checklist"));
        var recorded = await manager.GetStringAsync(meeting);
        Assert.Contains("<strong>well</strong>", recorded);
        Assert.Contains("As drafted when the check-in was first recorded", recorded);

        // A form opened before the record was made would overwrite it: refused, the other record shown, nothing lost.
        var stale = await Demo.PostAsync(leader, meeting, new Dictionary<string, string> { ["Notes"] = "Overwrite" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("after you opened it", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Intake went **well**.", await app.WithDbAsync(db => db.CheckInMeetings.Where(x => x.SeriesId == weekly).Select(x => x.Notes).SingleAsync()));

        // The next digests of participants and of the action's owner say so.
        var tuesday = new DateOnly(2026, 11, 24);
        Assert.Contains("FROM TUESDAY'S CHECK-IN", await Demo.DigestTextAsync(app, Demo.TaLeadEmail, tuesday));
        var hanas = await Demo.DigestTextAsync(app, Demo.HiringManagerEmail, tuesday);
        Assert.Contains("You: Send the intake form to every hiring manager, due Fri 27 Nov", hanas);
    }

    public static async Task BadInputAsync(OnboardingFactory app)
    {
        var demo = await Demo.LoadAsync(app);
        var weekly = await WeeklyAsync(app, demo.EngagementId);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var meeting = $"{demo.Path}/check-ins/{weekly}/2026-12-01";

        var empty = await Demo.PostAsync(leader, meeting, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("an empty record says nothing", await empty.Content.ReadAsStringAsync());

        var nonsense = await Demo.PostAsync(leader, meeting, new Dictionary<string, string>
        {
            ["Notes"] = new string('x', 20_001),
            // The binder reads rows from index 0 on; a blank first row is skipped but keeps the numbering.
            ["Actions[0].Title"] = "",
            ["Actions[1].Title"] = "Call the sponsor",
            ["Actions[1].Due"] = "next week-ish",
            ["Actions[1].OwnerId"] = "999999",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        var body = WebUtility.HtmlDecode(await nonsense.Content.ReadAsStringAsync());
        Assert.Contains("The notes is 20,001 characters long", body);
        Assert.Contains("'next week-ish' is not a date; use YYYY-MM-DD.", body);
        Assert.Contains("Action item 2: choose who owns it", body);
        Assert.Contains("Action item 2: say why it matters", body);
        Assert.Contains("Call the sponsor", body);

        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"{demo.Path}/check-ins/{weekly}/2026-11-25")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"{demo.Path}/check-ins/{weekly}/tomorrow")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"{demo.Path}/check-ins/999999/2026-11-24")).StatusCode);

        // The recruiter's check-in, so that the other tests' Tuesday meetings stay where they are.
        var riyas = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.RecruiterMemberId == demo.Recruiter).Select(s => s.Id).SingleAsync());
        var version = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.Id == riyas).Select(s => s.Version).SingleAsync());
        var series = await Demo.PostAsync(leader, $"{demo.Path}/check-ins/{riyas}", new Dictionary<string, string>
        {
            ["Title"] = "",
            ["Weekday"] = "Funday",
            ["Time"] = "25:99",
            ["DurationMinutes"] = "-3",
            ["IntervalWeeks"] = "lots",
            ["Version"] = $"{version}",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, series.StatusCode);
        var seriesBody = WebUtility.HtmlDecode(await series.Content.ReadAsStringAsync());
        Assert.Contains("Give the check-in a title", seriesBody);
        Assert.Contains("Choose the day of the week", seriesBody);
        Assert.Contains("'25:99' is not a time of day", seriesBody);
        Assert.Contains("a whole number from 5 to 480", seriesBody);
        Assert.Contains("every 1 to 8 weeks", seriesBody);
        Assert.Contains("Choose at least one participant", seriesBody);

        Dictionary<string, string> Settings() => new()
        {
            ["Title"] = "Riya Shah · weekly check-in",
            ["Weekday"] = "Friday",
            ["Time"] = "15:00",
            ["DurationMinutes"] = "25",
            ["IntervalWeeks"] = "1",
            ["Version"] = $"{version}",
        };
        var withClient = await leader.PostAsync($"{demo.Path}/check-ins/{riyas}", Form(Settings(), [demo.Leader, demo.Recruiter, demo.HiringManager], await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withClient.StatusCode);
        Assert.Contains("a recruiter's check-in is for provider staff only", WebUtility.HtmlDecode(await withClient.Content.ReadAsStringAsync()));

        var saved = await leader.PostAsync($"{demo.Path}/check-ins/{riyas}", Form(Settings(), [demo.Leader, demo.Recruiter], await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.WithDbAsync(db => db.CheckInSeries.Include(s => s.Participants).SingleAsync(s => s.Id == riyas));
        Assert.Equal((DayOfWeek.Friday, 25, new DateOnly(2026, 11, 13), 1), (after.Weekday, after.DurationMinutes, after.StartsOn, after.Version));

        var again = await leader.PostAsync($"{demo.Path}/check-ins/{riyas}", Form(Settings(), [demo.Leader], await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.CheckInParticipants.CountAsync(p => p.SeriesId == riyas)));
    }
}
