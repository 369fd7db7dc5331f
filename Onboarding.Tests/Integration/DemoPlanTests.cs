using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class DemoPlanTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_demo_engagement_has_a_real_plan_from_the_three_starter_templates()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var (tasks, snapshots, milestones, unowned) = await app.WithDbAsync(async db => (
            await db.PlanTasks.Where(t => t.EngagementId == engagementId).ToListAsync(),
            await db.TemplateSnapshots.Where(s => s.EngagementId == engagementId).Select(s => s.TemplateKey).OrderBy(k => k).ToListAsync(),
            await db.Milestones.CountAsync(m => m.EngagementId == engagementId),
            await db.PlanTasks.CountAsync(t => t.EngagementId == engagementId && t.OwnerId == null)));

        Assert.Equal(["first-time-buyer", "recruiter-onboarding", "rpo-client-launch"], snapshots);
        Assert.True(tasks.Count >= 75, $"only {tasks.Count} tasks");
        Assert.Equal(0, unowned);
        Assert.True(milestones > 0);
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.Why)));
        Assert.All(tasks, t => Assert.True(t.Start.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.Contains(tasks, t => t.Status == PlanTaskStatus.Done);
        Assert.Single(tasks, t => t.Status == PlanTaskStatus.Blocked);
    }
}
