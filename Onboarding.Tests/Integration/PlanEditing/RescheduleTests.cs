using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.PlanEditing.PlanEditingSupport;

namespace Onboarding.Tests.Integration.PlanEditing;

/// <summary>Moving kickoff, go-live or a task: a form, a preview of what moves, then a confirmation that applies it.</summary>
public class RescheduleTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Moving_kickoff_previews_every_unfinished_task_and_then_moves_them_keeping_done_ones()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/reschedule";
        Assert.Contains("<title>Acme Robotics RPO launch · Reschedule · Onboarding</title>", await leader.GetStringAsync(form));
        var (kickoff, before) = await app.WithDbAsync(async db => (
            (await db.Engagements.SingleAsync(e => e.Id == engagementId)).Kickoff,
            await db.PlanTasks.AsNoTracking().Where(t => t.EngagementId == engagementId).ToDictionaryAsync(t => t.Id)));
        var newKickoff = kickoff.AddDays(7);
        var fields = new Dictionary<string, string> { ["Target"] = "Kickoff", ["Date"] = newKickoff.ToString("yyyy-MM-dd") };

        var preview = await InvitationTests.PostFormAsync(leader, $"{form}/preview", new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        // The go-live readiness check counts from go-live, which stays: it does not move with kickoff.
        // Tasks of people linked to a hiring location follow that location's calendar instead (LocationCalendarTests, HolidayTests).
        var located = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Locations.Any()).Select(m => (int?)m.Id).ToListAsync());
        var open = before.Values.Where(t => t.Status != PlanTaskStatus.Done && !located.Contains(t.OwnerId) && !t.Key.EndsWith("/go-live-readiness", StringComparison.Ordinal)).ToList();
        var moving = Regex.Matches(html, "→ <strong>").Count / 2;
        Assert.Contains($"{moving} tasks move", html);
        Assert.True(moving > open.Count, $"{moving} tasks move, fewer than the {open.Count} open tasks without a location and the located ones");
        var done = before.Values.Where(t => t.Status == PlanTaskStatus.Done).ToList();
        Assert.NotEmpty(done);
        Assert.Contains($"{done.Count} done tasks keep their dates.", html);
        Assert.Equal(kickoff, await app.WithDbAsync(async db => (await db.Engagements.SingleAsync(e => e.Id == engagementId)).Kickoff));

        var confirmed = await InvitationTests.PostFormAsync(leader, form, new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var (engagement, after) = await app.WithDbAsync(async db => (
            await db.Engagements.SingleAsync(e => e.Id == engagementId),
            await db.PlanTasks.AsNoTracking().Where(t => t.EngagementId == engagementId).ToDictionaryAsync(t => t.Id)));
        Assert.Equal(newKickoff, engagement.Kickoff);
        var calendar = BusinessCalendar.MondayToFriday;
        var shift = calendar.WorkingDaysBetween(calendar.RollForward(kickoff), calendar.RollForward(newKickoff));
        Assert.Equal(5, shift);
        foreach (var task in open)
        {
            Assert.Equal((calendar.AddWorkingDays(task.Start, shift), calendar.AddWorkingDays(task.Due, shift)), (after[task.Id].Start, after[task.Id].Due));
        }
        foreach (var task in done)
        {
            Assert.Equal((task.Start, task.Due), (after[task.Id].Start, after[task.Id].Due));
        }
        var milestones = await app.WithDbAsync(db => db.Milestones.Where(m => m.EngagementId == engagementId && m.ReachedAt == null && m.Task != null).Select(m => new { m.Date, m.Task!.Due }).ToListAsync());
        Assert.All(milestones, m => Assert.Equal(m.Due, m.Date));
        Assert.Contains(await ActivityAsync(app, engagementId), a => a.Description.StartsWith($"Moved kickoff from {kickoff:d MMM yyyy} to {newKickoff:d MMM yyyy}: {moving} tasks moved"));

        // Moving back restores every date.
        var back = new Dictionary<string, string> { ["Target"] = "Kickoff", ["Date"] = kickoff.ToString("yyyy-MM-dd") };
        Assert.Equal(HttpStatusCode.Redirect, (await InvitationTests.PostFormAsync(leader, form, back, tokenFrom: form)).StatusCode);
        var restored = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => t.EngagementId == engagementId).ToDictionaryAsync(t => t.Id));
        Assert.All(before.Values, t => Assert.Equal((t.Start, t.Due), (restored[t.Id].Start, restored[t.Id].Due)));
    }

    [Fact]
    public async Task Moving_a_task_pushes_its_dependents_and_the_preview_shows_both()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var (task, dependents) = await app.WithDbAsync(async db =>
        {
            var links = await db.TaskDependencies
                .Where(d => d.DependsOnTask!.EngagementId == engagementId && d.DependsOnTask.Status == PlanTaskStatus.ToDo)
                .Select(d => new { d.DependsOnTaskId, d.TaskId })
                .ToListAsync();
            var id = links.GroupBy(l => l.DependsOnTaskId).OrderByDescending(g => g.Count()).First().Key;
            return (await db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == id), links.Where(l => l.DependsOnTaskId == id).Select(l => l.TaskId).ToList());
        });
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/reschedule";
        var preset = await leader.GetStringAsync($"{form}?target=Task&taskId={task.Id}");
        Assert.Contains($"<option value=\"{task.Id}\" selected=\"selected\">", preset);
        var newStart = BusinessCalendar.MondayToFriday.AddWorkingDays(task.Start, 10);
        var fields = new Dictionary<string, string> { ["Target"] = "Task", ["TaskId"] = task.Id.ToString(), ["Date"] = newStart.ToString("yyyy-MM-dd") };

        var preview = await InvitationTests.PostFormAsync(leader, $"{form}/preview", new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"/engagements/{engagementId}/tasks/{task.Id}\">", html);
        Assert.Contains($"→ <strong>{newStart:ddd d MMM}</strong>", html);

        var confirmed = await InvitationTests.PostFormAsync(leader, form, new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var moved = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(newStart, moved.Start);
        Assert.Equal(BusinessCalendar.MondayToFriday.WorkingDaysBetween(task.Start, task.Due), BusinessCalendar.MondayToFriday.WorkingDaysBetween(moved.Start, moved.Due));
        var after = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => dependents.Contains(t.Id)).ToListAsync());
        Assert.All(after.Where(t => t.Status != PlanTaskStatus.Done), t =>
        {
            Assert.True(t.Start > moved.Due, $"{t.Title} starts {t.Start}, before {moved.Title} is due {moved.Due}");
            Assert.Contains(t.Title, html);
        });
        Assert.Contains(await ActivityAsync(app, engagementId), a => a.TaskId == task.Id && a.Description.StartsWith($"Rescheduled “{task.Title}”"));
    }

    [Fact]
    public async Task A_task_moved_onto_its_owner_s_holiday_says_why_it_starts_the_next_day()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        // The demo's recruiter works from Bengaluru and Wrocław: 11 November is a working day for the engagement, not in Poland.
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Map the Polish sourcing channels", Demo.RecruiterEmail);
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/reschedule";
        var fields = new Dictionary<string, string> { ["Target"] = "Task", ["TaskId"] = taskId.ToString(), ["Date"] = "2027-11-11" };
        const string note = "Moved to Fri 12 Nov 2027: 11 Nov is Independence Day in Wrocław, Lower Silesia, Poland.";

        var preview = await InvitationTests.PostFormAsync(leader, $"{form}/preview", new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"<p class=\"notice\" id=\"roll-note\">{note}</p>", WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));

        var confirmed = await InvitationTests.PostFormAsync(leader, form, new(fields), tokenFrom: form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(new DateOnly(2027, 11, 12), (await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Id == taskId))).Start);
        Assert.Contains(note, WebUtility.HtmlDecode(await leader.GetStringAsync(confirmed.Headers.Location!.OriginalString)));
        Assert.Contains(await ActivityAsync(app, engagementId), a => a.TaskId == taskId && a.Description.EndsWith($"({note.TrimEnd('.')})", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Impossible_moves_are_refused_next_to_the_field_with_the_input_kept()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var (engagement, doneTask, openTask) = await app.WithDbAsync(async db => (
            await db.Engagements.SingleAsync(e => e.Id == engagementId),
            await db.PlanTasks.FirstAsync(t => t.EngagementId == engagementId && t.Status == PlanTaskStatus.Done),
            await db.PlanTasks.FirstAsync(t => t.EngagementId == engagementId && t.Status == PlanTaskStatus.ToDo)));
        var leader = await app.SignedInClientAsync(Leader);
        var form = $"/engagements/{engagementId}/reschedule";

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var response = await InvitationTests.PostFormAsync(leader, $"{form}/preview", fields, tokenFrom: form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var done = await RefusedAsync(new() { ["Target"] = "Task", ["TaskId"] = doneTask.Id.ToString(), ["Date"] = "2026-12-01" });
        Assert.Contains("is done: its dates are history and never move.", done);
        var weekend = await RefusedAsync(new() { ["Target"] = "Task", ["TaskId"] = openTask.Id.ToString(), ["Date"] = "2026-12-05" });
        Assert.Contains("Sat 5 Dec 2026 is not a working day", weekend);
        Assert.Contains("value=\"2026-12-05\"", weekend);
        var late = await RefusedAsync(new() { ["Target"] = "Kickoff", ["Date"] = engagement.GoLive.AddDays(1).ToString("yyyy-MM-dd") });
        Assert.Contains("Kickoff cannot move after go-live", late);
        var garbled = await RefusedAsync(new() { ["Target"] = "GoLive", ["Date"] = "soon" });
        Assert.Contains("&#x27;soon&#x27; is not a date; use YYYY-MM-DD.", garbled);
        var confirmGarbled = await InvitationTests.PostFormAsync(leader, form, new() { ["Target"] = "GoLive", ["Date"] = "soon" }, tokenFrom: form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirmGarbled.StatusCode);
        Assert.Equal(engagement.GoLive, (await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId))).GoLive);
    }

    [Fact]
    public async Task A_ta_lead_cannot_reschedule_and_an_outsider_gets_404()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var form = $"/engagements/{engagementId}/reschedule";
        var fields = new Dictionary<string, string> { ["Target"] = "GoLive", ["Date"] = "2026-12-31" };
        var taLead = await app.SignedInClientAsync(TaLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await taLead.GetAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await InvitationTests.PostFormAsync(taLead, $"{form}/preview", new(fields), tokenFrom: "/engagements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await InvitationTests.PostFormAsync(taLead, form, new(fields), tokenFrom: "/engagements")).StatusCode);

        var outsider = await OutsiderAsync(app, "olga.outsider@elsewhere.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InvitationTests.PostFormAsync(outsider, form, new(fields), tokenFrom: "/engagements")).StatusCode);
        Assert.NotEqual(new DateOnly(2026, 12, 31), (await app.WithDbAsync(db => db.Engagements.SingleAsync(e => e.Id == engagementId))).GoLive);
    }
}
