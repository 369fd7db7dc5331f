using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LocationFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "alex.morgan@northstar.example";

    [Fact]
    public async Task The_leader_adds_a_hiring_location_after_a_mistake_and_links_a_recruiter_to_it()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await tab.GoToAsync($"/engagements/{engagementId}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Engagement" }).GetByRole(AriaRole.Link, new() { Name = "Locations" }).ClickAsync();
        await page.WaitForURLAsync($"**/engagements/{engagementId}/locations");
        await tab.AssertAccessibleAsync();

        await page.GetByLabel("Country (ISO code", new() { Exact = false }).FillAsync("Poland");
        await page.GetByLabel("City (optional)").FillAsync("Kraków");
        await page.GetByLabel("Time zone").FillAsync("Europe/Krakow");
        await page.GetByLabel("Language", new() { Exact = false }).FillAsync("pl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add location" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form .field-error")).ToContainTextAsync(["'Poland' is not an ISO 3166 country code", "'Europe/Krakow' is not a known IANA time zone"]);
        await Assertions.Expect(page.GetByLabel("City (optional)")).ToHaveValueAsync("Kraków");
        await tab.AssertAccessibleAsync();

        await page.GetByLabel("Country (ISO code", new() { Exact = false }).FillAsync("PL");
        await page.GetByLabel("Time zone").FillAsync("Europe/Warsaw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add location" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kraków, Poland was added.");
        var location = page.Locator("section.location", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Kraków, Poland" }) });
        await Assertions.Expect(location).ToContainTextAsync("Nobody linked yet");

        await location.Locator("summary").ClickAsync();
        await location.GetByLabel("Riya Shah", new() { Exact = false }).CheckAsync();
        await location.GetByRole(AriaRole.Button, new() { Name = "Save people of Kraków, Poland" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kraków, Poland: linked Riya Shah.");
        await Assertions.Expect(location).ToContainTextAsync("Riya Shah (Recruiter)");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("locations");
        tab.AssertNoScriptErrors(expectedStatuses: 422);

        var linked = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == engagementId && l.City == "Kraków").SelectMany(l => l.Members).Select(m => m.Email).ToListAsync());
        Assert.Equal(["riya.shah@northstar.example"], linked);
    }

    [Fact]
    public async Task The_leader_sees_when_a_check_ins_participants_are_all_working_where_its_time_is_chosen()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await tab.GoToAsync($"/engagements/{engagementId}/check-ins");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change day, time or people of Weekly check-in", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/edit");

        var section = page.Locator("#common-hours");
        await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = "When everyone is working" })).ToBeVisibleAsync();
        // The demo's leader and recruiter work in London, the TA lead in New York: their days meet every weekday but
        // Tuesday, Guru Nanak's Birthday in the recruiter's Bengaluru.
        await Assertions.Expect(section.Locator(".common-windows li")).ToHaveCountAsync(4);
        await Assertions.Expect(section.Locator(".days-off")).ToHaveTextAsync("Days off: Tue 24 Nov, Riya Shah: Guru Nanak's Birthday in Bengaluru, Karnataka, India.");
        await Assertions.Expect(section.Locator("#meeting-fit")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("check-in-common-hours");
        tab.AssertNoScriptErrors();
    }
}
