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
}
