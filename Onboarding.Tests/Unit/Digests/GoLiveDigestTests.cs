using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>The digest's go-live line: in the coming-up window it says when, on the day it says today, otherwise nothing.</summary>
public class GoLiveDigestTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly int EngagementId = TestIds.Next();
    private static readonly int Me = TestIds.Next();

    [Fact]
    public void Go_live_three_days_ahead_is_announced_with_its_date_in_html_and_text()
    {
        var digest = Compose(goLive: Today.AddDays(3));

        var section = Assert.Single(digest!.Engagements);
        Assert.Equal("Go-live on Thursday 26 November 2026 (in 3 days)", section.GoLive?.Text);
        var rendered = DigestRenderer.Render(digest);
        Assert.Contains("Go-live on Thursday 26 November 2026 (in 3 days)", rendered.Html);
        Assert.Contains("Go-live on Thursday 26 November 2026 (in 3 days)", rendered.Text);
    }

    [Fact]
    public void On_go_live_day_the_digest_says_go_live_today_even_with_nothing_else_to_say()
    {
        var digest = Compose(goLive: Today);

        Assert.Equal("Go-live today", Assert.Single(digest!.Engagements).GoLive?.Text);
        Assert.Contains("Go-live today", DigestRenderer.Render(digest).Text);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    [InlineData(40)]
    public void Go_live_outside_the_window_or_past_is_not_mentioned(int daysAway)
    {
        // Nothing else to say either, so there is no digest at all.
        Assert.Null(Compose(goLive: Today.AddDays(daysAway)));
    }

    [Fact]
    public void The_window_is_the_callers()
    {
        Assert.NotNull(GoLiveNotice.For(Today.AddDays(12), Today, Today.AddDays(13), "https://x.example/"));
        Assert.Null(GoLiveNotice.For(Today.AddDays(12), Today, Today.AddDays(11), "https://x.example/"));
        Assert.Null(GoLiveNotice.For(null, Today, Today.AddDays(11), "https://x.example/"));
        Assert.Equal("Go-live on Tuesday 24 November 2026 (in 1 day)", GoLiveNotice.For(Today.AddDays(1), Today, Today.AddDays(1), "u")?.Text);
    }

    private static DigestModel? Compose(DateOnly goLive) => DigestComposer.Compose(
        new DigestRecipient("Ada", "ada@acme.example", [new DigestMembership(EngagementId, Me, EngagementRole.HiringManager)]),
        [new DigestEngagement(EngagementId, "Acme RPO", "Acme Corp", "Northwind Talent", "#0B6E4F", Today.AddDays(-30), goLive, [], [], [], [], [])],
        new DigestPeriod(Today, Now, Now.AddDays(-3)),
        new Uri("https://onboarding.example/"),
        new Uri("https://onboarding.example/digests/unsubscribe?token=abc"));
}
