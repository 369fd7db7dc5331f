using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HolidayFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task The_leader_adds_a_holiday_to_Guadalajara_after_a_duplicate_and_sees_it_recorded()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await tab.GoToAsync($"/engagements/{engagementId}/locations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Holidays in Guadalajara, Jalisco, Mexico" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public holidays in Guadalajara, Jalisco, Mexico" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.holidays")).ToContainTextAsync("Revolution Day");
        await tab.AssertAccessibleAsync();

        await page.GetByLabel("Date (YYYY-MM-DD)").FillAsync("2027-12-25");
        await page.GetByLabel("Name").FillAsync("Navidad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2027-12-25 is already a holiday in Guadalajara, Jalisco, Mexico (Christmas).");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Navidad");

        // Sunday 12 December: nobody's working day, so no task moves and no preview is needed.
        await page.GetByLabel("Date (YYYY-MM-DD)").FillAsync("2027-12-12");
        await page.GetByLabel("Name").FillAsync("Día de la Virgen de Guadalupe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("added the holiday 2027-12-12 Día de la Virgen de Guadalupe; 0 tasks moved.");
        await Assertions.Expect(page.Locator("table.holidays")).ToContainTextAsync("Día de la Virgen de Guadalupe");
        await Assertions.Expect(page.Locator(".holiday-record")).ToContainTextAsync("Alex Morgan added 2027-12-12 Día de la Virgen de Guadalupe");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("location-holidays");
        tab.AssertNoScriptErrors(expectedStatuses: 422);

        var saved = await app.WithDbAsync(db => db.LocationHolidays.Where(h => h.Location!.EngagementId == engagementId && h.Date == new DateOnly(2027, 12, 12)).Select(h => h.Name).SingleAsync());
        Assert.Equal("Día de la Virgen de Guadalupe", saved);
    }
}
