using Onboarding.Core.Links;

namespace Onboarding.Tests.Unit;

/// <summary>Every link kind points at a page that exists (the page tests follow each one); these pin the shapes.</summary>
public class AppLinksTests
{
    private readonly AppLinks links = new(new Uri("https://onboarding.example/app/"));

    [Fact]
    public void Items_link_to_their_pages_and_anchors()
    {
        Assert.Equal("https://onboarding.example/app/engagements/4/tasks/17", links.Task(4, 17));
        Assert.Equal("https://onboarding.example/app/engagements/4/metrics#metric-9", links.Metric(4, 9));
        Assert.Equal("https://onboarding.example/app/engagements/4/glossary#term-3", links.GlossaryTerm(4, 3));
        Assert.Equal("https://onboarding.example/app/engagements/4/wins", links.Wins(4));
        Assert.Equal("https://onboarding.example/app/digests/preferences", links.DigestPreferences());
    }

    [Fact]
    public void A_milestone_links_to_the_task_that_reaches_it_or_else_to_the_overview()
    {
        Assert.Equal("https://onboarding.example/app/engagements/4/tasks/17", links.Milestone(4, 17));
        Assert.Equal("https://onboarding.example/app/engagements/4", links.Milestone(4, null));
    }

    [Fact]
    public void Unsubscribe_tokens_are_escaped_into_the_path()
    {
        Assert.Equal("https://onboarding.example/app/digests/unsubscribe/a-b_c%2Fd", links.Unsubscribe("a-b_c/d"));
    }
}
