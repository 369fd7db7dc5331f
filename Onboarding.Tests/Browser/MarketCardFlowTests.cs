using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MarketCardFlowTests(LiveApp app, Chromium chromium)
{
    private const string Recruiter = "riya.shah@northstar.example";

    [Fact]
    public async Task A_recruiter_adds_a_salary_range_to_a_market_card_after_a_mistake_and_it_is_saved_as_reviewed()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Recruiter);
        await tab.GoToAsync($"/engagements/{engagementId}/locations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Market card of Bengaluru, Karnataka, India" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Market card: Bengaluru, Karnataka, India" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit or review the market card" }).ClickAsync();
        await page.WaitForURLAsync("**/market/edit");
        // The demo card has three ranges; the fourth row is the first spare one.
        await page.Locator("#salary-3-RoleFamily").FillAsync("Product management");
        await page.Locator("#salary-3-Min").FillAsync("4000000");
        await page.Locator("#salary-3-Max").FillAsync("2500000");
        await page.Locator("#salary-3-Currency").FillAsync("INR");
        await page.Locator("#salary-3-Source").FillAsync("Client pay bands 2026");
        await page.Locator("#salary-3-AsOf").FillAsync("2026-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and mark reviewed" }).ClickAsync();

        await Assertions.Expect(page.Locator("form .field-error")).ToContainTextAsync(["Salary range, row 4: the minimum (4,000,000) is above the maximum (2,500,000)"]);
        await Assertions.Expect(page.Locator("#salary-3-RoleFamily")).ToHaveValueAsync("Product management");
        await tab.AssertAccessibleAsync();

        await page.Locator("#salary-3-Min").FillAsync("2500000");
        await page.Locator("#salary-3-Max").FillAsync("4000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and mark reviewed" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The market card of Bengaluru, Karnataka, India was saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Product management", Exact = false })).ToContainTextAsync("2,500,000–4,000,000 INR per year");
        await Assertions.Expect(page.Locator(".review-line")).ToContainTextAsync("Last reviewed by Riya Shah");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("market-card");
        tab.AssertNoScriptErrors(expectedStatuses: 422);

        var families = await app.WithDbAsync(db => db.MarketCards.Where(c => c.Location!.EngagementId == engagementId && c.Location.City == "Bengaluru").Select(c => c.SalaryRanges).SingleAsync());
        Assert.Contains(families, r => r.RoleFamily == "Product management" && r.Min == 2_500_000 && r.Max == 4_000_000);
    }
}
