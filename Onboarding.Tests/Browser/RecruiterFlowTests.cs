using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Onboarding.Core.Markdown;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RecruiterFlowTests(LiveApp app, Chromium chromium)
{
    private const string Recruiter = "riya.shah@northstar.example";

    [Fact]
    public async Task Recruiter_opens_my_onboarding_then_a_task_and_reads_its_what_and_why()
    {
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Recruiter);
        Assert.EndsWith("/my/onboarding", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My onboarding");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Onboarding progress" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People to meet" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Glossary" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("my-onboarding");

        // The first task that is not done yet: the one a recruiter would open next.
        var next = page.Locator("article.task-card:not(.done)").First;
        var link = next.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
        var title = (await link.TextContentAsync())!.Trim();
        await link.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var taskId = int.Parse(page.Url.TrimEnd('/').Split('/')[^1]);
        var task = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => new { t.What, t.Why, Owner = t.Owner!.Email }).SingleAsync());
        Assert.Equal(Recruiter, task.Owner);
        foreach (var (heading, markdown) in new[] { ("What", task.What), ("Why", task.Why) })
        {
            var section = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });
            var shown = await section.Locator(".prose").InnerTextAsync();
            Assert.False(string.IsNullOrWhiteSpace(shown), $"the task's {heading} is empty");
            // The page shows the Markdown rendered: its words, without the markup.
            Assert.Equal(Words(MarkdownText.ToPlainText(markdown)), Words(shown));
        }
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("task");
        tab.AssertNoScriptErrors();
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
