using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StakeholderFlowTests(LiveApp app, Chromium chromium)
{
    private const string TaLead = "tomas.herrera@acme.example";

    [Fact]
    public async Task Ta_lead_marks_a_milestone_task_done_and_sees_it_in_the_progress_and_the_wins()
    {
        // A milestone of the TA lead's that is still open: completing it must move the phase's
        // progress on the overview and show up among the wins by itself. In the demo's combined plan the joint
        // reviews are the account leader's, the TA lead attending; the 60-day one is handed to the TA lead here.
        await app.WithDbAsync(async db =>
        {
            var review = await db.PlanTasks.SingleAsync(t => t.Key == "rpo-client-launch/review-60" && t.Engagement!.Name == "Acme Robotics RPO launch");
            review.OwnerId = await db.Members.Where(m => m.EngagementId == review.EngagementId && m.Email == TaLead).Select(m => m.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        var task = await app.WithDbAsync(db => db.PlanTasks
            .Where(t => t.Owner!.Email == TaLead && t.IsMilestone && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped)
            .OrderBy(t => t.Due)
            .Select(t => new
            {
                t.Id,
                t.EngagementId,
                t.Title,
                t.PhaseKey,
                t.PhaseTitle,
                Milestone = db.Milestones.Where(m => m.TaskId == t.Id).Select(m => m.Title).First(),
            })
            .FirstAsync());
        var (total, done) = await app.WithDbAsync(async db =>
        {
            var phase = db.PlanTasks.Where(t => t.EngagementId == task.EngagementId && t.PhaseKey == task.PhaseKey && t.PhaseTitle == task.PhaseTitle && t.Status != PlanTaskStatus.Skipped);
            return (await phase.CountAsync(), await phase.CountAsync(t => t.Status == PlanTaskStatus.Done));
        });

        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(TaLead);
        Assert.EndsWith("/my/checklist", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My checklist");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("my-checklist");

        var card = page.Locator($"#task-{task.Id}");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = task.Title })).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Mark “{task.Title}” done" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"“{task.Title}” is now done.");
        await Assertions.Expect(page.Locator($"#task-{task.Id}")).ToHaveCountAsync(0);
        var doneSection = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Done (" }) });
        await Assertions.Expect(doneSection.GetByRole(AriaRole.Link, new() { Name = task.Title, Exact = true })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Acme Robotics RPO launch overview" }).ClickAsync();
        await page.WaitForURLAsync($"**/engagements/{task.EngagementId}");
        var phaseRow = page.Locator(".phase-progress").Filter(new() { HasText = task.PhaseTitle });
        await Assertions.Expect(phaseRow.Filter(new() { HasText = $"{done + 1} of {total}" })).ToHaveCountAsync(1);
        var recentWins = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Recent wins" }) });
        await Assertions.Expect(recentWins).ToContainTextAsync($"Milestone reached: {task.Milestone}");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "All wins and kudos" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.wins li").First).ToContainTextAsync($"Milestone reached: {task.Milestone}");
        await Assertions.Expect(page.Locator("ul.wins li").First).ToContainTextAsync("Tomás Herrera");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("wins");
        tab.AssertNoScriptErrors();
    }
}
