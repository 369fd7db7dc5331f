using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>
/// Text within its column's limit on PostgreSQL (which refuses longer text where SQLite keeps it), text copied
/// into a shorter column, empty fields, and dates: each refused next to its field with a message, or saved.
/// </summary>
public class FormRulesTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";

    private static Dictionary<string, string> LaunchForm(string name) => new()
    {
        ["Name"] = name,
        ["ClientName"] = "Initech",
        ["Kickoff"] = "2026-12-07",
        ["GoLive"] = "2027-01-11",
        ["TimeZone"] = "Europe/London",
        ["WorkingDays"] = "Monday",
        ["Holidays"] = "",
        ["SharedPurpose"] = "",
        ["Outcomes[0].Title"] = "",
        ["Outcomes[0].HowMeasured"] = "",
        ["Contacts[0].Name"] = "Tina Lead",
        ["Contacts[0].Email"] = $"tina.{Guid.NewGuid():N}@initech.example",
        ["Contacts[0].Role"] = "TaLead",
        ["Contacts[1].Name"] = "Hank Manager",
        ["Contacts[1].Email"] = $"hank.{Guid.NewGuid():N}@initech.example",
        ["Contacts[1].Role"] = "HiringManager",
        ["Contacts[2].Name"] = "Sue Sponsor",
        ["Contacts[2].Email"] = $"sue.{Guid.NewGuid():N}@initech.example",
        ["Contacts[2].Role"] = "ExecutiveSponsor",
        ["Contacts[3].Name"] = "",
        ["Contacts[3].Email"] = "",
        ["Templates"] = "first-time-buyer",
        ["Action"] = "launch",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form, string tokenFrom)
    {
        form["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(client, tokenFrom);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private Task<int> DemoEngagementIdAsync() =>
        app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task Launching_with_public_holidays_and_shared_purpose_left_empty_launches()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var name = $"Initech launch {Guid.NewGuid():N}";

        var response = await PostAsync(leader, "/engagements/new", LaunchForm(name), "/engagements/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var engagement = await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Name == name));
        Assert.Empty(engagement.Holidays);
        Assert.Equal("", engagement.SharedPurpose);
    }

    [Fact]
    public async Task An_engagement_name_longer_than_its_column_is_refused_by_name_and_nothing_is_saved()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var name = new string('n', TextLimits.Name + 1);

        var response = await PostAsync(leader, "/engagements/new", LaunchForm(name), "/engagements/new");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The engagement name is 201 characters long; keep it to 200 or fewer.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Engagements.AnyAsync(e => e.Name == name)));
    }

    [Theory]
    [InlineData("0001-01-01", "2027-01-11", "The kickoff date 0001-01-01 is more than 5 years from today; choose a date from 2021-11-23 to 2031-11-23.")]
    [InlineData("2026-12-07", "9999-12-31", "The go-live date 9999-12-31 is more than 5 years from today; choose a date from 2021-11-23 to 2031-11-23.")]
    public async Task Kickoff_and_go_live_far_from_today_are_refused_with_the_range_they_must_be_in(string kickoff, string goLive, string message)
    {
        var leader = await app.SignedInClientAsync(Leader);
        var form = LaunchForm($"Initech far dates {Guid.NewGuid():N}");
        form["Kickoff"] = kickoff;
        form["GoLive"] = goLive;

        var response = await PostAsync(leader, "/engagements/new", form, "/engagements/new");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Adding_a_stakeholder_with_every_field_blank_says_what_is_missing()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/stakeholders";
        var before = await app.WithDbAsync(db => db.Members.CountAsync(m => m.EngagementId == engagementId));

        var response = await PostAsync(leader, path, new() { ["Name"] = "", ["Email"] = "", ["Title"] = "", ["Role"] = "", ["TimeZone"] = "", ["DigestHour"] = "" }, path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter the person's name.", html);
        Assert.Contains("Enter the person's email address.", html);
        Assert.Contains("Enter a time zone such as Europe/London.", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Members.CountAsync(m => m.EngagementId == engagementId)));
    }

    [Fact]
    public async Task A_stakeholder_name_longer_than_its_column_is_refused_by_name()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/stakeholders";

        var response = await PostAsync(leader, path, new() { ["Name"] = new string('p', 250), ["Email"] = "long.name@acme.example", ["Role"] = "HiringManager", ["TimeZone"] = "Europe/London", ["DigestHour"] = "8" }, path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The name is 250 characters long; keep it to 200 or fewer.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_milestone_task_with_a_title_as_long_as_its_column_can_be_marked_done()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var title = "Milestone " + new string('m', TextLimits.Title - 10);
        var leaderMemberId = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == Leader).Select(m => m.Id).SingleAsync());
        var added = await PostAsync(leader, $"/engagements/{engagementId}/plan/tasks", new()
        {
            ["Title"] = title,
            ["Phase"] = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.EngagementId == engagementId).Select(t => t.PhaseKey + "|" + t.PhaseTitle).FirstAsync()),
            ["Start"] = "2026-11-24",
            ["Due"] = "2026-11-25",
            ["OwnerId"] = leaderMemberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Why"] = "It proves the plan works.",
            ["IsMilestone"] = "true",
        }, $"/engagements/{engagementId}/plan/tasks/new");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var task = added.Headers.Location!.ToString();

        var done = await PostAsync(leader, $"{task}/status", new() { ["Status"] = "Done" }, task);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var win = await app.WithDbAsync(db => db.Wins.SingleAsync(w => w.Kind == WinKind.MilestoneReached && w.Task!.Title == title));
        Assert.Equal(TextLimits.Title, win.Title.Length);
        Assert.StartsWith("Milestone reached: Milestone mmm", win.Title);
        Assert.EndsWith("…", win.Title);
        Assert.Contains(win.Title, WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/wins")));
    }

    [Fact]
    public async Task Blocking_a_long_titled_task_with_the_longest_reason_is_saved_and_logged()
    {
        var engagementId = await DemoEngagementIdAsync();
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, new string('t', TextLimits.Title), ownerEmail: Leader);
        var leader = await app.SignedInClientAsync(Leader);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";
        var reason = new string('r', TextLimits.Reason);

        var response = await PostAsync(leader, $"{path}/status", new() { ["Status"] = "Blocked", ["BlockedReason"] = reason }, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.WithDbAsync(db => db.Activity.Where(a => a.TaskId == taskId).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(TextLimits.Description, entry.Description.Length);
        Assert.StartsWith("Marked “ttt", entry.Description);
        Assert.Equal(reason, await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.BlockedReason).SingleAsync()));
    }

    [Fact]
    public async Task A_metric_with_the_longest_name_and_unit_hits_its_target()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var metrics = $"/engagements/{engagementId}/metrics";
        var name = "Offers " + new string('o', TextLimits.Name - 7);
        var added = await PostAsync(leader, metrics, new() { ["Name"] = name, ["Unit"] = new string('u', TextLimits.Unit), ["Direction"] = "HigherIsBetter", ["Baseline"] = "1", ["Target"] = "999999999" }, metrics);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

        // "Target hit: NAME reached 999999999.99 UNIT (target 999999999)" is 303 characters.
        var recorded = await PostAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "999999999.99" }, metrics);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var win = await app.WithDbAsync(db => db.Wins.SingleAsync(w => w.MetricId == metricId));
        Assert.Equal(WinKind.TargetHit, win.Kind);
        Assert.Equal(TextLimits.Title, win.Title.Length);
        Assert.StartsWith("Target hit: Offers ooo", win.Title);
    }

    [Fact]
    public async Task A_metric_name_longer_than_its_column_is_refused_by_name()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var metrics = $"/engagements/{engagementId}/metrics";

        var response = await PostAsync(leader, metrics, new() { ["Name"] = new string('o', 300), ["Unit"] = "days", ["Direction"] = "HigherIsBetter", ["Target"] = "10" }, metrics);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The metric's name is 300 characters long; keep it to 200 or fewer.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_value_measured_on_a_future_date_is_refused()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var metrics = $"/engagements/{engagementId}/metrics";
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId && m.Name == "Hiring manager satisfaction").Select(m => m.Id).SingleAsync());

        var response = await PostAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "4.9", ["MeasuredOn"] = "2026-11-24" }, metrics);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The value is dated 24 Nov 2026, after today (23 Nov 2026): record a value once it has been measured.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Measurements.AnyAsync(m => m.MetricId == metricId)));
    }

    [Fact]
    public async Task A_back_dated_value_that_meets_the_target_is_no_win_while_the_newest_value_misses_it()
    {
        var engagementId = await DemoEngagementIdAsync();
        var leader = await app.SignedInClientAsync(Leader);
        var metrics = $"/engagements/{engagementId}/metrics";
        var added = await PostAsync(leader, metrics, new() { ["Name"] = "Days to first interview", ["Unit"] = "days", ["Direction"] = "LowerIsBetter", ["Baseline"] = "20", ["Target"] = "10" }, metrics);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.Name == "Days to first interview").Select(m => m.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "15", ["MeasuredOn"] = "2026-11-20" }, metrics)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "8", ["MeasuredOn"] = "2026-11-18" }, metrics)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Wins.AnyAsync(w => w.MetricId == metricId)));
        Assert.Contains("latest 15 days", await leader.GetStringAsync(metrics));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(leader, $"{metrics}/{metricId}/values", new() { ["Value"] = "9", ["MeasuredOn"] = "2026-11-23" }, metrics)).StatusCode);
        var win = await app.WithDbAsync(db => db.Wins.SingleAsync(w => w.MetricId == metricId));
        Assert.StartsWith("Target hit: Days to first interview reached 9 days", win.Title);
    }
}
