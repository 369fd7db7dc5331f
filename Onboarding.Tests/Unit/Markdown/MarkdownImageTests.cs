using AngleSharp.Html.Parser;
using Onboarding.Core.Digests;
using Onboarding.Core.Documents;
using Onboarding.Core.Markdown;
using Onboarding.Tests.Unit.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;

namespace Onboarding.Tests.Unit.Markdown;

/// <summary>
/// An image in stored Markdown whose address is on another host would be fetched by every reader's browser or mail
/// client, telling that host who reads what and when: pages, digests and PDFs show it as a link with its alt text.
/// </summary>
public class MarkdownImageTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    [Theory]
    [InlineData("https://tracker.example/pixel.png", "https://tracker.example/pixel.png")]
    [InlineData("http://tracker.example/pixel.png", "http://tracker.example/pixel.png")]
    [InlineData("HTTPS://tracker.example/pixel.png?who=me", "HTTPS://tracker.example/pixel.png?who=me")]
    [InlineData("//tracker.example/pixel.png", "//tracker.example/pixel.png")]
    // Markdown reads "\\" as one backslash, which browsers read as a slash: "/\host" is "//host".
    [InlineData("/\\\\tracker.example/pixel.png", "/%5Ctracker.example/pixel.png")]
    public void An_image_from_another_host_renders_as_a_link_with_its_alt_text(string markdownUrl, string href)
    {
        var html = new HtmlParser().ParseDocument(MarkdownText.ToHtml($"Our org chart: ![the org chart]({markdownUrl}) as of today."));

        Assert.Empty(html.QuerySelectorAll("img"));
        var link = Assert.Single(html.QuerySelectorAll("a"));
        Assert.Equal("the org chart", link.TextContent);
        Assert.Equal(href, link.GetAttribute("href"));
    }

    [Fact]
    public void An_image_without_alt_text_links_with_its_address()
    {
        var html = new HtmlParser().ParseDocument(MarkdownText.ToHtml("![](https://tracker.example/p.png)"));

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Equal("https://tracker.example/p.png", Assert.Single(html.QuerySelectorAll("a")).TextContent);
    }

    [Fact]
    public void An_image_on_the_apps_own_host_stays_an_image()
    {
        var html = new HtmlParser().ParseDocument(MarkdownText.ToHtml("![our logo](/favicon.svg)"));

        Assert.Equal("/favicon.svg", Assert.Single(html.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void A_digest_shows_an_image_from_another_host_as_a_link()
    {
        var html = new HtmlParser().ParseDocument(DigestHtmlOf("See ![the pixel](https://tracker.example/pixel.png)"));

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://tracker.example/pixel.png" && a.TextContent == "the pixel");
    }

    [Fact]
    public void A_pdf_shows_an_image_from_another_host_as_a_link_with_its_alt_text()
    {
        var document = new Document(SampleDocuments.Metadata).Content(c => c.Markdown("Chart: ![the org chart](https://tracker.example/chart.png) today."));

        using var pdf = PdfDocument.Open(fixture.Renderer.Render(document));

        var page = pdf.GetPage(1);
        Assert.Empty(page.GetImages());
        Assert.Contains("Chart: the org chart today.", PdfText.TextOf(page));
        var uri = Assert.Single(page.GetAnnotations().Select(a => a.Action).OfType<UriAction>()).Uri;
        Assert.Equal("https://tracker.example/chart.png", uri);
    }

    private static string DigestHtmlOf(string why)
    {
        var today = new DateOnly(2026, 11, 23);
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var task = new DigestTask(1, "Agree the SLA", 7, "Ada", DigestTaskStatus.NotStarted, today, today.AddDays(1), CompletedAt: null, "What to do", why);
        var engagement = new DigestEngagement(1, "Acme launch", "Acme", "Northwind Talent", "#0b6e4f", new DateOnly(2026, 11, 1), GoLive: null, [task], [], [], [], []);
        var recipient = new DigestRecipient("Ada", "ada@acme.example", [new DigestMembership(1, 7, Onboarding.Core.Engagements.EngagementRole.Recruiter)]);
        var digest = DigestComposer.Compose(recipient, [engagement], new DigestPeriod(today, now, Since: null),
            new Uri("https://onboarding.example/"), new Uri("https://onboarding.example/digests/unsubscribe/token"))!;
        return DigestRenderer.Render(digest).Html;
    }
}
