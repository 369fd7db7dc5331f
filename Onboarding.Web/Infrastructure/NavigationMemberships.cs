using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Infrastructure;

/// <summary>Which personal home pages the main navigation offers: each only to people with that kind of membership.</summary>
public sealed record NavigationMemberships(bool IsClientStakeholder, bool IsRecruiter)
{
    public static async Task<NavigationMemberships> ForAsync(OnboardingDbContext db, string userId)
    {
        var roles = await db.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Role).Distinct().ToListAsync();
        return new NavigationMemberships(roles.Any(r => r.IsClientRole()), roles.Contains(EngagementRole.Recruiter));
    }
}
