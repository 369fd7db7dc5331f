using System.Net;
using System.Text.RegularExpressions;
using Onboarding.Core.Documents.PlanPack;

namespace Onboarding.Tests.Unit.Documents;

public class PackHtmlTests
{
    [Fact]
    public void The_print_view_has_every_section_and_every_task_in_the_order_of_the_pdf()
    {
        var pack = PackModels.Demo();

        var html = PackHtml.Render(pack, []);

        // The print view, like the PDF, reads in the client's words.
        var phases = PackContent.Phases(pack.InClientWords().Tasks);
        string[] expected =
        [
            "Shared purpose", "Contents", "Business outcomes", "Stakeholders", "Responsibilities by phase", "Communication plan", "Digest cadence",
            "Who gets what, when", "Glossary", "Timeline", "The 30/60/90 plan",
            .. phases.SelectMany(p => p.Tasks.Select(t => t.Title).Prepend(p.Title)),
            "Metrics and targets", "Wins so far",
        ];
        var headings = Regex.Matches(html, "<h[1-4][^>]*>(.*?)</h[1-4]>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["Acme Robotics", .. expected], headings);
        Assert.Contains("<title>Acme Robotics RPO launch: plan pack · Onboarding</title>", html);
    }

    [Fact]
    public void The_communication_plan_states_the_digest_rule_the_digests_follow()
    {
        var pack = PackModels.Demo();

        var html = WebUtility.HtmlDecode(PackHtml.Render(pack, []));

        Assert.All(Onboarding.Core.Digests.DigestDepth.Described(pack.Cadence), line => Assert.Contains($"<li>{line}</li>", html));
        Assert.Contains("At most 10 items in each list", html);
        Assert.Contains("In working days 1–14, and in a reader's first digest, each task comes with its what and its why in full", html);
        Assert.DoesNotContain("What is due soon for the recipient and for the engagement, each item with its what and its why", html);
    }

    [Fact]
    public void Contents_links_lead_to_headings_of_the_page()
    {
        var html = PackHtml.Render(PackModels.Demo(), []);

        var targets = Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(targets.Count > 10);
        Assert.All(targets, id => Assert.Matches($"<h[23] id=\"{id}\">", html));
    }

    [Fact]
    public void Links_above_the_pack_are_listed_and_user_text_cannot_add_markup()
    {
        var engagement = PackModels.LargeEngagement(tasks: 2);
        engagement.Tasks[0].Title = "<script>alert('title')</script>";
        engagement.Tasks[0].What = "Click [here](javascript:alert(1)) or <img src=x onerror=alert(2)>";
        engagement.Members[0].Name = "Alex \"the boss\" <b>Morgan</b>";

        var html = PackHtml.Render(PackModel.From(engagement, PackModels.Now), [new("Download plan pack (PDF)", "/engagements/7/pack.pdf")]);

        Assert.Contains("<a href=\"/engagements/7/pack.pdf\">Download plan pack (PDF)</a>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html);
        Assert.Contains("Click here or &lt;img src=x onerror=alert(2)&gt;", html);
    }
}
