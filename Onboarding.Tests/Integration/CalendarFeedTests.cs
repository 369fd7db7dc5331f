using System.Net;
using System.Net.Http.Headers;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class CalendarFeedTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Manager = "hana.kobayashi@acme.example";

    [Fact]
    public async Task A_members_private_feed_lists_their_tasks_and_a_reset_retires_the_old_address()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await TestPlans.AddTaskAsync(app, engagementId, "Block interview slots", ownerEmail: Manager);
        await TestPlans.AddTaskAsync(app, engagementId, "Someone else's task", ownerEmail: "tomas.herrera@acme.example");
        var oldToken = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Manager).Select(m => m.CalendarToken).SingleAsync());

        var feed = await app.AnonymousClient().GetAsync($"/calendar/{oldToken}.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY:Block interview slots", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20261116", ics);
        Assert.Contains("DTEND;VALUE=DATE:20261121", ics);
        Assert.DoesNotContain("Someone else's task", ics);

        var manager = await app.SignedInClientAsync(Manager);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        Assert.Contains($"/calendar/{oldToken}.ics", await manager.GetStringAsync(stakeholders));
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Manager).Select(m => m.Id).SingleAsync());
        var reset = await InvitationTests.PostFormAsync(manager, $"{stakeholders}/{memberId}/calendar-reset", new(), tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/calendar/{oldToken}.ics")).StatusCode);
    }

    [Fact]
    public async Task A_leader_changes_a_stakeholders_role_and_digests_for_the_engagement()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == Manager).Select(m => m.Id).SingleAsync());

        var saved = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{memberId}", new()
        {
            ["Role"] = "TaLead",
            ["DigestPreference"] = "WeeklyOnly",
        }, tokenFrom: stakeholders);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var member = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.Id == memberId));
        Assert.Equal((EngagementRole.TaLead, DigestPreference.WeeklyOnly), (member.Role, member.DigestPreference));
    }

    [Fact]
    public async Task A_feed_polled_again_unchanged_gets_304_and_the_same_stamps()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        await TestPlans.AddTaskAsync(app, engagementId, "Confirm the interview panel", ownerEmail: Manager);
        var path = await FeedPathAsync();
        var client = app.AnonymousClient();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(first.Headers.CacheControl!.Private);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        var calendar = Ical.Net.Calendar.Load(await first.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        var task = calendar.Events.Single(e => e.Summary == "Confirm the interview panel");
        Assert.Equal(0, task.Sequence);
        Assert.Equal(task.LastModified!.AsUtc, task.DtStamp!.AsUtc);
        Assert.True(task.LastModified.AsUtc <= lastModified.UtcDateTime);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate)).StatusCode);

        using var staleTag = new HttpRequestMessage(HttpMethod.Get, path);
        staleTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(staleTag)).StatusCode);

        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var headResponse = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(etag, headResponse.Headers.ETag);
    }

    [Fact]
    public async Task An_events_sequence_rises_when_its_dates_change_and_not_when_a_comment_is_added()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Agree the offer approval path", ownerEmail: Manager);
        var path = await FeedPathAsync();
        var before = await EventAsync(path, taskId);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WithDbAsync(async db =>
        {
            db.TaskComments.Add(new TaskComment { TaskId = taskId, AuthorName = "Test", Body = "Booked the room", CreatedAt = app.Clock.GetUtcNow() });
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            task.Warning = "Moved by a dependency";
            return await db.SaveChangesAsync();
        });
        var unrelated = await EventAsync(path, taskId);
        Assert.Equal((before.Sequence, before.LastModified!.AsUtc, before.DtStamp!.AsUtc), (unrelated.Sequence, unrelated.LastModified!.AsUtc, unrelated.DtStamp!.AsUtc));

        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            task.Due = task.Due.AddDays(3);
            return await db.SaveChangesAsync();
        });
        var moved = await EventAsync(path, taskId);
        Assert.Equal(before.Sequence + 1, moved.Sequence);
        Assert.Equal(new DateOnly(2026, 11, 24), DateOnly.FromDateTime(moved.DtEnd!.Value));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, moved.LastModified!.AsUtc);
    }

    [Fact]
    public async Task A_descriptions_paragraphs_keep_their_blank_lines_and_lose_the_editors_line_breaks()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Map the offer letters", ownerEmail: Manager);
        await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            task.What = "Collect every offer letter\nthe client sent this year.\n\nMark the clauses that differ.";
            return await db.SaveChangesAsync();
        });

        var description = (await EventAsync(await FeedPathAsync(), taskId)).Description!;

        Assert.StartsWith("Collect every offer letter the client sent this year.\n\nMark the clauses that differ.\n\nWhy: ", description);
    }

    private async Task<string> FeedPathAsync() =>
        $"/calendar/{await app.WithDbAsync(db => db.Members.Where(m => m.Email == Manager).Select(m => m.CalendarToken).SingleAsync())}.ics";

    private async Task<CalendarEvent> EventAsync(string path, int taskId)
    {
        var calendar = Ical.Net.Calendar.Load(await app.AnonymousClient().GetStringAsync(path))!;
        return calendar.Events.Single(e => e.Uid == $"task-{taskId}@onboarding");
    }
}
