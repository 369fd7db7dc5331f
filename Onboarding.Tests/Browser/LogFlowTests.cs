using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LogFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task Account_leader_opens_an_issue_links_a_task_closes_it_and_sorts_the_portfolio()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await tab.GoToAsync($"/engagements/{engagementId}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Engagement" }).GetByRole(AriaRole.Link, new() { Name = "Log", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/engagements/{engagementId}/log");
        await tab.AssertAccessibleAsync();

        // Keyboard only: fill the new entry form and submit with Enter.
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New entry" });
        await form.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("Issue");
        await form.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync("High");
        await form.GetByLabel("Title", new() { Exact = true }).FillAsync("Hiring managers miss feedback deadlines");
        await form.GetByLabel("Who has to act").SelectOptionAsync("Client");
        await form.GetByLabel("Title", new() { Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/log/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hiring managers miss feedback deadlines");
        await tab.AssertAccessibleAsync();

        await page.GetByLabel("Link a task").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#tasks li")).ToHaveCountAsync(1);

        await page.GetByLabel("How it was resolved, or what was decided").FillAsync("Feedback slots are now in every **intake**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resolution" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".prose strong", new() { HasText = "intake" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#history li")).ToHaveCountAsync(3);
        await tab.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Portfolio" }).ClickAsync();
        await page.WaitForURLAsync("**/portfolio");
        await tab.AssertAccessibleAsync();
        var header = page.GetByRole(AriaRole.Link, new() { Name = "Engagement", Exact = true });
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"sort=Name"));
        await Assertions.Expect(page.Locator("th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Acme Robotics RPO launch");
        tab.AssertNoScriptErrors();
    }
}
