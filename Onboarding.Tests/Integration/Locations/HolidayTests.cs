using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Locations;

/// <summary>Location calendars through a real launch, and the leader's holiday edits, on each database provider.</summary>
public abstract class HolidayTests(OnboardingFactory app)
{
    [Fact]
    public async Task A_recruiter_in_Poland_is_never_given_a_task_that_starts_or_ends_on_a_Polish_holiday()
    {
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = LaunchTests.ValidForm("launch");
        form["Name"] = $"Globex Wrocław autumn ({GetType().Name})";
        form["ClientName"] = $"Globex autumn {GetType().Name}";
        form["Kickoff"] = "2027-10-18";
        form["GoLive"] = "2027-11-08";
        form["Holidays"] = "";
        form["Locations[0].Country"] = "PL";
        form["Locations[0].Region"] = "Lower Silesia";
        form["Locations[0].City"] = "Wrocław";
        form["Locations[0].TimeZone"] = "Europe/Warsaw";
        form["Locations[0].WorkingWeek"] = "Mon,Tue,Wed,Thu,Fri";
        form["Locations[0].Language"] = "pl";
        form["Contacts[3].Location"] = "1";

        var launched = await leader.PostAsync("/engagements/new", LaunchTests.Encode(form, token));

        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var engagement = await app.WithDbAsync(db => db.Engagements
            .Include(e => e.Locations).ThenInclude(l => l.Holidays)
            .Include(e => e.Tasks).ThenInclude(t => t.Owner)
            .AsSplitQuery()
            .SingleAsync(e => e.Name == form["Name"]));
        var holidays = engagement.Locations.Single().Holidays.ToDictionary(h => h.Date, h => h.Name);
        Assert.Equal("Independence Day", holidays[new DateOnly(2027, 11, 11)]);
        Assert.Equal("All Saints", holidays[new DateOnly(2027, 11, 1)]);
        Assert.Contains(new DateOnly(2028, 1, 6), holidays.Keys);
        var riyas = engagement.Tasks.Where(t => t.Owner!.Email == Demo.RecruiterEmail).ToList();
        Assert.Contains(riyas, t => t.Start < new DateOnly(2027, 11, 11) && t.Due > new DateOnly(2027, 11, 11));
        Assert.All(riyas, t =>
        {
            Assert.DoesNotContain(t.Start, holidays.Keys);
            Assert.DoesNotContain(t.Due, holidays.Keys);
        });
        // Nobody linked to a location keeps the engagement's calendar, which has no Polish holidays.
        Assert.Contains(engagement.Tasks, t => t.Owner!.Email != Demo.RecruiterEmail && (t.Start == new DateOnly(2027, 11, 11) || t.Due == new DateOnly(2027, 11, 11) || t.Start == new DateOnly(2027, 11, 1) || t.Due == new DateOnly(2027, 11, 1)));
    }

    [Fact]
    public async Task The_leader_adds_a_holiday_after_seeing_which_tasks_move_and_the_change_is_recorded()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var wroclaw = await app.WithDbAsync(db => db.HiringLocations.SingleAsync(l => l.EngagementId == demo.EngagementId && l.CountryCode == "PL"));
        var path = $"{demo.Path}/locations/{wroclaw.Id}/holidays";
        var task = await app.WithDbAsync(db => db.PlanTasks
            .Where(t => t.EngagementId == demo.EngagementId && t.OwnerId == demo.Recruiter && t.Status != PlanTaskStatus.Done)
            .OrderByDescending(t => t.Start).ThenBy(t => t.Key).FirstAsync());
        var day = task.Start.ToString("yyyy-MM-dd");
        var fields = new Dictionary<string, string> { ["Date"] = day, ["Name"] = "Company day" };

        var preview = await Demo.PostAsync(leader, path, fields);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"Adding {day} Company day moves", previewHtml);
        Assert.Contains(task.Title, previewHtml);
        Assert.Contains($": {task.Start:d MMM} is Company day in Wrocław, Lower Silesia, Poland", previewHtml);
        Assert.Equal(0, await app.WithDbAsync(db => db.LocationHolidays.CountAsync(h => h.LocationId == wroclaw.Id && h.Date == task.Start)));

        var confirmed = await Demo.PostAsync(leader, path, new Dictionary<string, string>(fields) { ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("Company day", await app.WithDbAsync(db => db.LocationHolidays.Where(h => h.LocationId == wroclaw.Id && h.Date == task.Start).Select(h => h.Name).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == task.Id).Select(t => t.Start).SingleAsync()) > task.Start);
        var change = await app.WithDbAsync(db => db.HolidayChanges.Where(c => c.LocationId == wroclaw.Id).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal(("Alex Morgan", HolidayChangeKind.Added, task.Start, "Company day"), (change.ActorName, change.Kind, change.Date, change.Name));
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync(path));
        Assert.Contains($"Alex Morgan added {day} Company day", page);

        var removed = await Demo.PostAsync(leader, $"{path}/remove", new Dictionary<string, string> { ["Date"] = day, ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.LocationHolidays.CountAsync(h => h.LocationId == wroclaw.Id && h.Date == task.Start)));
        Assert.Contains($"Alex Morgan removed {day} Company day", WebUtility.HtmlDecode(await leader.GetStringAsync(path)));
    }

    [Theory]
    [InlineData("2027-02-30", "Leap", "'2027-02-30' is not a date; write it as YYYY-MM-DD")]
    [InlineData("next tuesday", "Leap", "'next tuesday' is not a date")]
    [InlineData("", "Leap", "Enter the holiday's date, as YYYY-MM-DD.")]
    [InlineData("2031-05-04", "Far", "2031-05-04 is outside the plan's years")]
    [InlineData("2027-11-11", "Again", "2027-11-11 is already a holiday in Wrocław, Lower Silesia, Poland (Independence Day).")]
    [InlineData("2027-05-04", " ", "Name the holiday on 2027-05-04")]
    public async Task A_wrong_holiday_is_refused_with_a_message_and_nothing_changes(string date, string name, string message)
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var locationId = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.CountryCode == "PL").Select(l => l.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.LocationHolidays.CountAsync(h => h.LocationId == locationId));

        var response = await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/holidays", new Dictionary<string, string> { ["Date"] = date, ["Name"] = name, ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.LocationHolidays.CountAsync(h => h.LocationId == locationId)));
    }

    [Fact]
    public async Task Removing_a_day_that_is_no_longer_a_holiday_says_so()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var locationId = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.CountryCode == "PL").Select(l => l.Id).SingleAsync());

        var response = await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/holidays/remove", new Dictionary<string, string> { ["Date"] = "2027-11-12", ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2027-11-12 is not a holiday of Wrocław, Lower Silesia, Poland (any more)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_year_the_data_lacks_days_for_is_said_on_the_holidays_page_and_in_the_launch_preview()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var bengaluru = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.CountryCode == "IN").Select(l => l.Id).SingleAsync());
        var wroclaw = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.CountryCode == "PL").Select(l => l.Id).SingleAsync());
        const string gap = "India 2027: only fixed-date holidays are listed until the Government of India publishes its 2027 list";

        var forLeader = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/locations/{bengaluru}/holidays"));
        var forRecruiter = WebUtility.HtmlDecode(await recruiter.GetStringAsync($"{demo.Path}/locations/{bengaluru}/holidays"));
        var poland = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/locations/{wroclaw}/holidays"));

        Assert.Contains($"{gap}; add the others here.", forLeader);
        Assert.Contains($"{gap}; the account leader adds the others here.", forRecruiter);
        Assert.DoesNotContain("publishes its", poland);

        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = LaunchTests.ValidForm("preview");
        form["Kickoff"] = "2027-01-11";
        form["GoLive"] = "2027-03-01";
        form["Locations[0].Country"] = "IN";
        form["Locations[0].City"] = "Pune";
        form["Locations[0].TimeZone"] = "Asia/Kolkata";
        form["Locations[0].WorkingWeek"] = "Mon,Tue,Wed,Thu,Fri";
        form["Locations[0].Language"] = "en-IN";

        var preview = await leader.PostAsync("/engagements/new", LaunchTests.Encode(form, token));
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Public holidays by location, 2027 and 2028", previewHtml);
        Assert.Contains("Republic Day", previewHtml);
        Assert.Contains($"{gap}; add the others on Pune, India's holidays page once launched.", previewHtml);
    }

    [Fact]
    public async Task Others_read_the_holidays_but_only_the_leader_edits_them()
    {
        var demo = await Demo.LoadAsync(app);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var locationId = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.CountryCode == "IN").Select(l => l.Id).SingleAsync());

        var page = WebUtility.HtmlDecode(await recruiter.GetStringAsync($"{demo.Path}/locations/{locationId}/holidays"));
        var post = await Demo.PostAsync(recruiter, $"{demo.Path}/locations/{locationId}/holidays", new Dictionary<string, string> { ["Date"] = "2027-05-04", ["Name"] = "Mine" });

        Assert.Contains("Republic Day", page);
        Assert.DoesNotContain("Add a holiday", page);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}

public sealed class PostgresHolidayTests(OnboardingFactory app) : HolidayTests(app), IClassFixture<OnboardingFactory>;

public sealed class SqliteHolidayTests(SqliteApp sqlite) : HolidayTests(sqlite.App), IClassFixture<SqliteApp>;
