using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CheckInFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Manager = "hana.kobayashi@acme.example";
    private const string Action = "Share the intake form with every hiring manager";

    [Fact]
    public async Task Leader_records_this_weeks_check_in_and_its_action_item_reaches_the_owners_checklist()
    {
        var (engagement, managerId) = await app.WithDbAsync(async db =>
        {
            var e = await db.Engagements.AsNoTracking().Include(x => x.Members).SingleAsync(x => x.Name == "Acme Robotics RPO launch");
            return (e, e.Members.Single(m => m.Email == Manager).Id);
        });
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        await tab.GoToAsync($"/engagements/{engagement.Id}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Engagement" }).GetByRole(AriaRole.Link, new() { Name = "Check-ins" }).ClickAsync();
        await tab.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Region, new() { Name = "Weekly check-in", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Next:", Exact = false }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/check-ins/\d+/\d{4}-\d\d-\d\d$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        var meeting = DateOnly.ParseExact(page.Url[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var due = PlanWriter.Calendar(engagement).RollForward(meeting.AddDays(2));

        await page.GetByLabel("Notes (Markdown)").FillAsync("Intake went **well**; two roles are ready to source.");
        await page.GetByLabel("Decisions made, one per line", new() { Exact = false }).FillAsync("Use the new intake form for every role");
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Action item 1" });
        await first.GetByLabel("Title").FillAsync(Action);
        await first.GetByLabel("Owner").SelectOptionAsync(managerId.ToString(CultureInfo.InvariantCulture));
        await first.GetByLabel("Due date").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await first.GetByLabel("Why", new() { Exact = false }).FillAsync("Every intake then starts from the same questions.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The check-in is recorded; 1 action item is in the plan.");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Record" })).ToContainTextAsync("Use the new intake form for every role");
        await tab.AssertAccessibleAsync();
        tab.AssertNoScriptErrors();

        await using var owner = await BrowserPage.OpenAsync(chromium, app);
        await owner.SignInAsync(Manager);
        await owner.GoToAsync("/my/checklist");
        await Assertions.Expect(owner.Page.GetByText(Action).First).ToBeVisibleAsync();
        owner.AssertNoScriptErrors();
    }
}
