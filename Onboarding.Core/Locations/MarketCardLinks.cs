using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;

namespace Onboarding.Core.Locations;

public static class MarketCardLinks
{
    /// <summary>
    /// The market cards a member's market tasks point to: those of the locations they are linked to, or of all the
    /// engagement's locations while they are linked to none, so a newly placed recruiter still finds them.
    /// </summary>
    public static async Task<IReadOnlyList<MarketCardLink>> ForMemberAsync(OnboardingDbContext db, int engagementId, int? memberId, CancellationToken cancellationToken = default)
    {
        var all = await db.HiringLocations.AsNoTracking()
            .Where(l => l.EngagementId == engagementId)
            .OrderBy(l => l.Id)
            .Select(l => new { Location = l, Linked = l.Members.Any(m => m.Id == memberId), HasCard = db.MarketCards.Any(c => c.LocationId == l.Id) })
            .ToListAsync(cancellationToken);
        var own = all.Where(l => l.Linked).ToList();
        return [.. (own.Count > 0 ? own : all).Select(l => new MarketCardLink(l.Location.Id, l.Location.DisplayName, l.HasCard))];
    }
}
