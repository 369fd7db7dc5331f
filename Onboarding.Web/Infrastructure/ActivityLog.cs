using System.Security.Claims;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Infrastructure;

public static class ActivityLog
{
    /// <summary>Adds an entry by the signed-in person to the engagement's activity log; saved with the caller's next SaveChanges.</summary>
    public static void RecordActivity(this OnboardingDbContext db, ClaimsPrincipal actor, int engagementId, string description, DateTimeOffset at, int? taskId = null) =>
        db.Activity.Add(ActivityEntry.New(engagementId, at, actor.UserId(), actor.DisplayName(), description, taskId));
}
