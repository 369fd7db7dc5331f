using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Browser;

/// <summary>Pages and mails on a phone: stored text, however long its words, never makes them wider than the screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(LiveApp app, Chromium chromium)
{
    private const string TaLead = "tomas.herrera@acme.example";
    private const string Leader = "alex.morgan@northstar.example";
    private const int Phone = 375;

    private static readonly string LongUrl = "https://intranet.acme.example/talent/hiring-process/" + new string('x', 200) + "/requisition-approval-policy.pdf";

    [Fact]
    public async Task A_long_link_in_a_task_wraps_on_the_task_page_my_checklist_and_the_digest()
    {
        Assert.True(LongUrl.Length >= 260);
        var (engagementId, taskId) = await app.WithDbAsync(async db =>
        {
            var owner = await db.Members.SingleAsync(m => m.Email == TaLead && m.Engagement!.Name == "Acme Robotics RPO launch");
            var task = new PlanTask
            {
                EngagementId = owner.EngagementId,
                Key = $"test/{Guid.NewGuid():N}",
                Title = "Read the approval policy",
                PhaseKey = "days-1-30",
                PhaseTitle = "Days 1–30",
                Start = new DateOnly(2026, 11, 23),
                Due = new DateOnly(2026, 11, 25),
                OwnerRole = owner.Role,
                OwnerId = owner.Id,
                What = $"Read {LongUrl} before the intake meeting.",
                Why = "Everyone approves requisitions the same way.",
            };
            db.PlanTasks.Add(task);
            await db.SaveChangesAsync();
            return (task.EngagementId, task.Id);
        });

        await using var tab = await BrowserPage.OpenAsync(chromium, app, Phone);
        await tab.SignInAsync(TaLead);
        foreach (var path in new[] { $"/engagements/{engagementId}/tasks/{taskId}", "/my/checklist" })
        {
            await tab.GoToAsync(path);
            Assert.True(await ScrollWidthAsync(tab) <= Phone, $"{path} is {await ScrollWidthAsync(tab)} px wide at {Phone} px");
        }

        using var scope = app.Factory.Services.CreateScope();
        var preview = await scope.ServiceProvider.GetRequiredService<DigestPreviews>().ForAsync(TaLead, new DateOnly(2026, 11, 23), _ => true, CancellationToken.None);
        var html = preview?.Rendered?.Html;
        Assert.NotNull(html);
        Assert.Contains("intranet.acme.example", html);
        // On a blank page: set into the app's page, the mail would be under the app's CSP, which drops inline styles.
        await tab.Page.GotoAsync("about:blank");
        await tab.Page.SetContentAsync(html);
        Assert.True(await ScrollWidthAsync(tab) <= Phone, $"the digest is {await ScrollWidthAsync(tab)} px wide at {Phone} px; too wide: {await TooWideAsync(tab, Phone)}");
    }

    [Fact]
    public async Task On_a_390_px_phone_rows_and_cards_say_what_each_value_is_and_the_timeline_stays_readable()
    {
        const int width = 390;
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app, width);
        var page = tab.Page;
        await tab.SignInAsync(Leader);

        await tab.GoToAsync("/engagements/new");
        foreach (var label in new[] { "Outcome 1", "How outcome 1 is measured", "Contact 1 name", "Contact 1 email", "Contact 1 role" })
        {
            Assert.True(await page.Locator("label", new() { HasTextString = label }).First.IsVisibleAsync(), $"'{label}' is not shown at {width} px");
        }

        await tab.GoToAsync("/engagements");
        Assert.Equal(new[] { "Client: ", "Phase: ", "Progress: ", "Overdue: ", "Next milestone: " }, await LabelsAsync(page, "table.data tbody tr:first-child td[data-label]"));

        await tab.GoToAsync($"/engagements/{engagementId}/stakeholders");
        Assert.Contains("Digest: ", await LabelsAsync(page, "table.data tbody tr:first-child td[data-label]"));

        await tab.GoToAsync($"/engagements/{engagementId}/plan");
        var timeline = await page.Locator("svg.timeline").BoundingBoxAsync();
        Assert.True(timeline!.Width >= 700, $"the timeline is drawn {timeline.Width} px wide, shrinking its text");
        Assert.True(await ScrollWidthAsync(tab) <= width, "the timeline widens the page instead of scrolling in its box");
        tab.AssertNoScriptErrors();
    }

    /// <summary>The label each cell shows before its value on a phone (its ::before content), as the reader sees it.</summary>
    private static async Task<string[]> LabelsAsync(Microsoft.Playwright.IPage page, string cells) =>
        await page.EvaluateAsync<string[]>(
            $"[...document.querySelectorAll('{cells}')].map(td => getComputedStyle(td, '::before').content.replace(/^\"|\"$/g, ''))");

    /// <summary>The innermost elements that reach past the screen's edge, for a failure to name.</summary>
    private static Task<string> TooWideAsync(BrowserPage tab, int width) => tab.Page.EvaluateAsync<string>(
        $"[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {width} && ![...e.children].some(c => c.getBoundingClientRect().right > {width})).slice(0, 5).map(e => e.outerHTML.slice(0, 200)).join('\\n')");

    private static Task<int> ScrollWidthAsync(BrowserPage tab) => tab.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
}
