using System.Security.Claims;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Infrastructure;

public static class ActivityLog
{
    /// <summary>Adds an entry by the signed-in person to the engagement's activity log; saved with the caller's next SaveChanges.</summary>
    public static void RecordActivity(this OnboardingDbContext db, ClaimsPrincipal actor, int engagementId, string description, DateTimeOffset at, int? taskId = null) =>
        db.Activity.Add(new ActivityEntry
        {
            EngagementId = engagementId,
            TaskId = taskId,
            At = at,
            ActorUserId = actor.UserId(),
            ActorName = actor.DisplayName(),
            Description = description,
        });
}
