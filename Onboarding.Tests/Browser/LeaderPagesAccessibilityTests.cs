using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LeaderPagesAccessibilityTests(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task Every_main_page_of_the_account_leader_passes_axe_without_script_errors()
    {
        var (engagementId, taskId) = await app.WithDbAsync(async db =>
        {
            var id = await db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync();
            // A blocked task shows the most on its page: the reason, the status form, the history.
            var task = await db.PlanTasks.Where(t => t.EngagementId == id && t.Status == PlanTaskStatus.Blocked).Select(t => t.Id).FirstAsync();
            return (id, task);
        });
        var pages = new (string Path, string Screenshot)[]
        {
            ("/engagements", "engagements"),
            ($"/engagements/{engagementId}", "leader-overview"),
            ($"/engagements/{engagementId}/plan", "plan"),
            ($"/engagements/{engagementId}/plan?status=Blocked", "plan-filtered"),
            ($"/engagements/{engagementId}/tasks/{taskId}", "task-blocked"),
            ($"/engagements/{engagementId}/stakeholders", "stakeholders"),
            ($"/engagements/{engagementId}/glossary", "glossary"),
            ($"/engagements/{engagementId}/metrics", "metrics"),
            ($"/engagements/{engagementId}/pulses", "pulses"),
            ($"/engagements/{engagementId}/wins", "leader-wins"),
            ($"/engagements/{engagementId}/activity", "activity"),
            ("/engagements/new", "launch"),
        };

        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        await tab.SignInAsync("alex.morgan@northstar.example");
        var failures = new List<string>();
        foreach (var (path, screenshot) in pages)
        {
            await tab.GoToAsync(path);
            await tab.ScreenshotAsync(screenshot);
            try
            {
                await tab.AssertAccessibleAsync();
            }
            catch (Xunit.Sdk.XunitException e)
            {
                // Every page is checked before failing, so one run lists all that need a fix.
                failures.Add(e.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        tab.AssertNoScriptErrors();
    }
}
