using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Security review, item 11: a locked person's secret links (calendar feed, unsubscribe) stop working.</summary>
public class LockedAccountLinksTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_locked_members_calendar_feed_and_unsubscribe_link_show_nothing_and_change_nothing()
    {
        const string email = "tomas.herrera@acme.example";
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().Include(m => m.Engagement).FirstAsync(m => m.Email == email));
        var visitor = app.AnonymousClient();
        var feed = $"/calendar/{member.CalendarToken}.ics";
        var unsubscribe = $"/digests/unsubscribe/{member.UnsubscribeToken}";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(unsubscribe)).StatusCode);

        await LockAsync(app, email);

        var lockedFeed = await visitor.GetAsync(feed);
        var lockedPage = await visitor.GetAsync(unsubscribe);
        var lockedPost = await visitor.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.NotFound, lockedFeed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockedPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockedPost.StatusCode);
        foreach (var response in new[] { lockedFeed, lockedPage, lockedPost })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(member.Engagement!.Name, body);
            Assert.DoesNotContain(email, body);
            Assert.DoesNotContain("BEGIN:VCALENDAR", body);
        }
        Assert.All(await app.WithDbAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.DigestPreference).ToListAsync()),
            preference => Assert.NotEqual(DigestPreference.None, preference));
    }
}
