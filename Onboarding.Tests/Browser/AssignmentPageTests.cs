using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AssignmentPageTests(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task The_leader_assigns_a_recruiter_to_a_hiring_manager_with_the_keyboard_and_removes_them_with_the_mouse()
    {
        var (engagementId, riya, hana) = await app.WithDbAsync(async db =>
        {
            var e = await db.Engagements.Include(x => x.Members).SingleAsync(x => x.Name == "Acme Robotics RPO launch");
            return (e.Id, e.Members.Single(m => m.Email == "riya.shah@northstar.example").Id, e.Members.Single(m => m.Email == "hana.kobayashi@acme.example").Id);
        });
        Task<bool> PairedAsync() => app.WithDbAsync(db => db.RecruiterAssignments.AnyAsync(a => a.RecruiterId == riya && a.HiringManagerId == hana));
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync("alex.morgan@northstar.example");
        await tab.GoToAsync($"/engagements/{engagementId}/stakeholders");

        await page.GetByRole(AriaRole.Link, new() { Name = "Who works with whom" }).ClickAsync();
        await page.WaitForURLAsync($"**/engagements/{engagementId}/assignments");
        Assert.Equal("Acme Robotics RPO launch · Who works with whom · Onboarding", await page.TitleAsync());
        await tab.AssertAccessibleAsync();

        // Keyboard only: focus the labelled list, pick with the arrow keys, Tab to the button, Enter.
        var choose = page.GetByLabel("Add a recruiter for Hana Kobayashi");
        await choose.FocusAsync();
        await choose.SelectOptionAsync(new SelectOptionValue { Label = "Riya Shah" });
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Assign to Hana Kobayashi" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Riya Shah now works with Hana Kobayashi.");
        await Assertions.Expect(page.Locator($"#hm-{hana} ul.people")).ToContainTextAsync("Riya Shah");
        Assert.True(await PairedAsync());
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("assignments");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Riya Shah from Hana Kobayashi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Riya Shah no longer works with Hana Kobayashi.");
        Assert.False(await PairedAsync());
        tab.AssertNoScriptErrors();
    }
}
