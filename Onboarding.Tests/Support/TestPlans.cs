using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Support;

public static class TestPlans
{
    /// <summary>Adds one plan task straight to the database, owned by the member with <paramref name="ownerEmail"/> when given.</summary>
    public static Task<int> AddTaskAsync(OnboardingFactory app, int engagementId, string title, string? ownerEmail = null, bool milestone = false) =>
        app.WithDbAsync(async db =>
        {
            var owner = ownerEmail is null ? null : db.Members.Single(m => m.EngagementId == engagementId && m.Email == ownerEmail);
            var task = new PlanTask
            {
                EngagementId = engagementId,
                Key = $"test/{Guid.NewGuid():N}",
                Title = title,
                PhaseKey = "days-1-30",
                PhaseTitle = "Days 1–30",
                Start = new DateOnly(2026, 11, 16),
                Due = new DateOnly(2026, 11, 20),
                OwnerRole = owner?.Role ?? EngagementRole.AccountLeader,
                OwnerId = owner?.Id,
                What = "Walk through **every step** from requisition to offer.",
                Why = "We can only improve a process we can see; mapping it [together](https://example.com/map) builds trust.",
                IsMilestone = milestone,
            };
            db.PlanTasks.Add(task);
            await db.SaveChangesAsync();
            if (milestone)
            {
                db.Milestones.Add(new Milestone { EngagementId = engagementId, Title = title, Date = task.Due, TaskId = task.Id });
                await db.SaveChangesAsync();
            }
            return task.Id;
        });
}
