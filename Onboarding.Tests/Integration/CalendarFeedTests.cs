using System.Net;
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
}
