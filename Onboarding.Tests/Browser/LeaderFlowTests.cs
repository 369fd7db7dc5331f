using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LeaderFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Name = "Initech warehouse hiring";

    [Fact]
    public async Task Account_leader_previews_then_launches_an_engagement_and_sees_its_plan()
    {
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Launch an engagement" }).ClickAsync();
        await page.WaitForURLAsync("**/engagements/new");
        await tab.AssertAccessibleAsync();

        await Field(page, "Engagement name").FillAsync(Name);
        await Field(page, "Client organisation").FillAsync("Initech");
        await Field(page, "Kickoff date").FillAsync("2026-12-07");
        await Field(page, "Go-live date").FillAsync("2027-01-11");
        await Field(page, "Time zone").FillAsync("Europe/Berlin");
        await page.GetByLabel("Public holidays", new() { Exact = false }).FillAsync("2026-12-24 Christmas Eve\n2026-12-25");
        await page.GetByLabel("Shared purpose", new() { Exact = false }).FillAsync("Staff the **Leipzig warehouse** before peak season.");
        await Field(page, "Outcome 1").FillAsync("40 technicians hired by June");
        await Field(page, "How outcome 1 is measured").FillAsync("Accepted offers");
        var contacts = new[]
        {
            ("Greta Lindqvist", "greta@initech.example", "TaLead"),
            ("Jonas Weber", "jonas@initech.example", "HiringManager"),
            ("Ingrid Berg", "ingrid@initech.example", "ExecutiveSponsor"),
            ("Riya Shah", "riya.shah@northstar.example", "Recruiter"),
        };
        for (var i = 0; i < contacts.Length; i++)
        {
            var (name, email, role) = contacts[i];
            await Field(page, $"Contact {i + 1} name").FillAsync(name);
            await Field(page, $"Contact {i + 1} email").FillAsync(email);
            await Field(page, $"Contact {i + 1} role").SelectOptionAsync(role);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the plan" }).ClickAsync();
        var preview = page.Locator("#preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex(@"^Plan preview: \d+ tasks$"));
        Assert.True(await preview.Locator("tbody tr").CountAsync() > 80);
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == Name)));
        // Nothing typed is lost on the way through the preview.
        await Assertions.Expect(Field(page, "Contact 4 email")).ToHaveValueAsync("riya.shah@northstar.example");
        await tab.AssertAccessibleAsync();
        await preview.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("launch-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Launch engagement" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/engagements/\d+/plan$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Name} is launched with");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The 30/60/90-day plan");
        await Assertions.Expect(page.Locator("svg.timeline")).ToBeVisibleAsync();
        var saved = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == Name).Select(e => new { e.Id, Tasks = e.Tasks.Count }).SingleAsync());
        Assert.EndsWith($"/engagements/{saved.Id}/plan", page.Url);
        Assert.Equal(saved.Tasks, await page.Locator("li.task").CountAsync());
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("plan-launched");
        tab.AssertNoScriptErrors();
    }

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });
}
