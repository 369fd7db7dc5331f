using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Locations.Holidays;

public static class LocatedTasks
{
    /// <summary>
    /// All the engagement's tasks as <see cref="LocationCalendars"/> needs them (dependencies, owner and participants,
    /// their locations with holidays), tracked so their moves can be saved, by start, due date and id.
    /// </summary>
    public static Task<List<PlanTask>> LoadAsync(OnboardingDbContext db, int engagementId, CancellationToken cancellationToken = default) =>
        db.PlanTasks
            .Include(t => t.DependsOn)
            .Include(t => t.Owner).ThenInclude(m => m!.Locations).ThenInclude(l => l.Holidays)
            .Include(t => t.Participants).ThenInclude(p => p.Member).ThenInclude(m => m!.Locations).ThenInclude(l => l.Holidays)
            .Where(t => t.EngagementId == engagementId)
            .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
}
