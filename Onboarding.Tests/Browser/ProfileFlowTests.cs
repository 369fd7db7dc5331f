using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProfileFlowTests(LiveApp app, Chromium chromium)
{
    private const string Sponsor = "samuel.okafor@acme.example";

    [Fact]
    public async Task A_person_sets_their_own_clock_with_the_keyboard_and_a_mistake_keeps_what_they_typed()
    {
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Sponsor);

        await page.GetByRole(AriaRole.Link, new() { Name = "Profile", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/profile");
        Assert.Equal("My profile · Onboarding", await page.TitleAsync());
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("profile");

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByLabel("Digest arrives at (your local time)").SelectOptionAsync("7");
        await page.GetByLabel("Sat").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("'Mars/Olympus_Mons' is not a known IANA time zone");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Digest arrives at (your local time)")).ToHaveValueAsync("7");
        await Assertions.Expect(page.GetByLabel("Sat")).ToBeCheckedAsync();
        await tab.AssertAccessibleAsync();

        await page.GetByLabel("Time zone").FillAsync("Asia/Tokyo");
        await page.GetByLabel("Time zone").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile is saved.");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Tokyo");
        await Assertions.Expect(page.Locator(".page-head")).ToContainTextAsync("in Asia/Tokyo now");
        tab.AssertNoScriptErrors(expectedStatuses: 422);

        var person = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.EmailKey == Sponsor));
        Assert.Equal(("Asia/Tokyo", 7), (person.TimeZone, person.DigestHour));
        Assert.True(person.WorkingDays.HasFlag(Onboarding.Core.Engagements.WorkingDays.Saturday));
    }
}
