using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>What a new user's walk through the pages found: checklists that could not be ticked, phases that ignored dates, previews of the wrong digest.</summary>
public class WalkThroughTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Manager = "hana.kobayashi@acme.example";
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task The_owner_ticks_checklist_items_and_the_page_and_digest_say_how_far_it_is()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Prepare the intake pack", ownerEmail: Manager);
        var itemIds = await app.WithDbAsync(async db =>
        {
            var items = Enumerable.Range(0, 5).Select(i => new ChecklistItem { TaskId = taskId, Text = $"Item {i + 1}", Position = i }).ToList();
            db.AddRange(items);
            await db.SaveChangesAsync();
            return items.Select(i => i.Id).ToList();
        });
        var owner = await app.SignedInClientAsync(Manager);
        var path = $"/engagements/{engagementId}/tasks/{taskId}";
        var page = await owner.GetStringAsync(path);
        Assert.Contains($"type=\"checkbox\" name=\"Done\" value=\"{itemIds[0]}\"", page);
        var version = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync());

        var token = await OnboardingFactory.AntiforgeryTokenAsync(owner, path);
        var saved = await owner.PostAsync($"{path}/checklist", new FormUrlEncodedContent(
        [
            new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Done", itemIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Done", itemIds[3].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", token),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var done = await app.WithDbAsync(db => db.Set<ChecklistItem>().Where(c => c.TaskId == taskId && c.Done).Select(c => c.Id).ToListAsync());
        Assert.Equal(new[] { itemIds[0], itemIds[3] }, done.Order());
        Assert.Contains("2 of 5 checklist items done", await owner.GetStringAsync(path));

        // The same form again, on the version the page showed before: refused, nothing lost.
        var stale = await owner.PostAsync($"{path}/checklist", new FormUrlEncodedContent(
        [
            new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", await OnboardingFactory.AntiforgeryTokenAsync(owner, path)),
        ]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ChecklistItem>().CountAsync(c => c.TaskId == taskId && c.Done)));

        // Someone who does not own the task cannot tick it.
        var other = await app.SignedInClientAsync("tomas.herrera@acme.example");
        var refused = await InvitationTests.PostFormAsync(other, $"{path}/checklist", new() { ["Done"] = itemIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var leader = await app.SignedInClientAsync(Leader);
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == Manager).Select(m => m.Id).SingleAsync());
        var preview = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/digests/preview?member={memberId}&date=2026-11-16"));
        Assert.Contains("2 of 5 checklist items done", preview);
    }

    [Fact]
    public async Task A_task_added_without_a_phase_goes_in_the_phase_its_start_falls_in()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var (secondKey, secondTitle, secondBegins) = await app.WithDbAsync(async db =>
        {
            var phases = await db.PlanTasks.Where(t => t.EngagementId == engagementId)
                .GroupBy(t => new { t.PhaseKey, t.PhaseTitle }).Select(g => new { g.Key.PhaseKey, g.Key.PhaseTitle, Begins = g.Min(t => t.Start) })
                .ToListAsync();
            var second = phases.Where(p => p.PhaseTitle.StartsWith("Days 31", StringComparison.Ordinal)).OrderBy(p => p.Begins).First();
            return (second.PhaseKey, second.PhaseTitle, second.Begins);
        });
        var start = secondBegins.AddDays(3);
        while (start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            start = start.AddDays(1);
        }
        var hana = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.EngagementId == engagementId && m.Email == Manager));
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/plan/tasks/new";

        var added = await InvitationTests.PostFormAsync(leader, $"/engagements/{engagementId}/plan/tasks", new()
        {
            ["Title"] = "Review the first month's shortlists",
            ["Phase"] = "",
            ["Start"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Due"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["OwnerId"] = hana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Why"] = "Shortlists show whether the calibration held.",
        }, tokenFrom: form);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.EngagementId == engagementId && t.Title == "Review the first month's shortlists"));
        Assert.Equal((secondKey, secondTitle), (task.PhaseKey, task.PhaseTitle));
    }

    [Fact]
    public async Task The_leaders_digest_preview_defaults_to_a_stakeholder_of_this_engagement()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);

        var html = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/digests/preview"));

        Assert.DoesNotContain("<option value=\"" + await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == Leader).Select(m => m.Id).SingleAsync()) + "\" selected", html);
        Assert.Contains("Acme Robotics RPO launch", html);
    }

    [Fact]
    public async Task A_number_field_given_words_says_in_plain_words_what_to_type()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId).Select(m => m.Id).FirstAsync());
        var page = $"/engagements/{engagementId}/metrics";

        var refused = await InvitationTests.PostFormAsync(leader, $"{page}/{metricId}/values", new() { ["Value"] = "forty" }, tokenFrom: page);

        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("is not valid for", body);
        Assert.Contains("“forty” is not a number", body);
    }

    [Fact]
    public async Task Pages_and_feeds_go_out_compressed_but_not_a_page_showing_a_feed_address_over_https()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var https = new Uri("https://localhost");
        var leader = await app.SignedInClientAsync(Leader, https);

        async Task<ICollection<string>> EncodingAsync(HttpClient client, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Content.Headers.ContentEncoding;
        }

        Assert.Contains("br", await EncodingAsync(leader, $"/engagements/{engagementId}/plan"));
        Assert.Contains("br", await EncodingAsync(leader, "/css/site.css"));
        Assert.Empty(await EncodingAsync(leader, $"/engagements/{engagementId}/stakeholders"));
        var token = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == Manager).Select(m => m.CalendarToken).SingleAsync());
        Assert.Contains("br", await EncodingAsync(app.AnonymousClient(https), $"/calendar/{token}.ics"));
    }

    [Fact]
    public async Task A_metric_chart_has_labelled_axes_a_named_target_and_its_values_as_a_table()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var metric = await app.WithDbAsync(async db =>
        {
            var m = await db.Metrics.FirstAsync(m => m.EngagementId == engagementId);
            m.Target = 40;
            db.Set<Measurement>().AddRange(
                new Measurement { MetricId = m.Id, MeasuredOn = new DateOnly(2026, 11, 13), Value = 58, RecordedAt = app.Clock.GetUtcNow() },
                new Measurement { MetricId = m.Id, MeasuredOn = new DateOnly(2026, 11, 20), Value = 51.5m, RecordedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return m;
        });
        var html = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Leader)).GetStringAsync($"/engagements/{engagementId}/metrics"));

        Assert.Contains(">Target 40</text>", html);
        Assert.Contains(">13 Nov</text>", html);
        Assert.Contains(">20 Nov</text>", html);
        Assert.Contains($"<caption>Recorded values of {metric.Name}</caption>", html);
        Assert.Contains("<td>20 Nov 2026</td><td>51.5", html);
    }
}

/// <summary>Moves the demo's kickoff into the future, so it has a database of its own.</summary>
public class OverviewBeforeKickoffTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Manager = "hana.kobayashi@acme.example";
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task Before_kickoff_the_overview_names_the_first_week_instead_of_this_week()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var kickoff = await app.WithDbAsync(async db =>
        {
            var engagement = await db.Engagements.SingleAsync(e => e.Id == engagementId);
            engagement.Kickoff = new DateOnly(2026, 11, 30);
            await db.SaveChangesAsync();
            return engagement.Kickoff;
        });
        await TestPlans.AddTaskAsync(app, engagementId, "Kickoff week task", ownerEmail: Manager);
        await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.EngagementId == engagementId && t.Title == "Kickoff week task");
            (task.Start, task.Due) = (kickoff, kickoff.AddDays(2));
            return await db.SaveChangesAsync();
        });

        var html = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Leader)).GetStringAsync($"/engagements/{engagementId}"));

        Assert.DoesNotContain("<h2>This week</h2>", html);
        Assert.Contains("<h2>First week, from kickoff on Mon 30 Nov</h2>", html);
        Assert.Contains("Kickoff week task", html);
    }
}
