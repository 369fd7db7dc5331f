using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Onboarding.Tests.Integration.Governance;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PulseFlowTests(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task A_hiring_manager_answers_from_the_mail_link_by_keyboard_and_the_leader_records_what_was_done()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        var (_, hiringManager, _, _) = await PulseSteps.PeopleAsync(app.Factory, engagementId);
        var (pulseId, token) = await PulseSteps.SendAsync(app.Factory, engagementId, hiringManager, "browser:flow");

        await using (var visitor = await BrowserPage.OpenAsync(chromium, app))
        {
            var page = visitor.Page;
            await visitor.GoToAsync($"/pulse/{token}?score=3");
            await Assertions.Expect(page.GetByLabel("3 – Fairly well")).ToBeCheckedAsync();
            await visitor.AssertAccessibleAsync();
            var comment = page.GetByLabel("Comment (optional)");
            await comment.FillAsync("Interview slots still move at short notice.");
            await comment.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your answer");
            await Assertions.Expect(page.GetByText("3 of 5 (Fairly well)")).ToBeVisibleAsync();
            await visitor.AssertAccessibleAsync();
            visitor.AssertNoScriptErrors();
        }

        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var leaderPage = tab.Page;
        await tab.SignInAsync("alex.morgan@northstar.example");
        await tab.GoToAsync($"/engagements/{engagementId}");
        await leaderPage.GetByRole(AriaRole.Navigation, new() { Name = "Engagement" }).GetByRole(AriaRole.Link, new() { Name = "Pulses", Exact = true }).ClickAsync();
        await leaderPage.WaitForURLAsync($"**/engagements/{engagementId}/pulses");
        await tab.AssertAccessibleAsync();
        var card = leaderPage.Locator($"#pulse-{pulseId}");
        await Assertions.Expect(card).ToContainTextAsync("Interview slots still move at short notice.");
        await card.GetByLabel("What we did").FillAsync("Interview slots are now agreed a week ahead with your coordinator.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        await Assertions.Expect(leaderPage.Locator($"#pulse-{pulseId}").GetByRole(AriaRole.Button, new() { Name = "Change the response" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        tab.AssertNoScriptErrors();
    }
}
