using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Governance;

namespace Onboarding.Core.Documents.Steering;

/// <summary>Reads a <see cref="SteeringModel"/> from the database: one query per collection, however large the plan.</summary>
public static class SteeringLoader
{
    /// <returns>Null when there is no such engagement.</returns>
    public static async Task<SteeringModel?> LoadAsync(
        OnboardingDbContext db, TimeProvider clock, int engagementId, SteeringPeriod month, CancellationToken cancellationToken = default)
    {
        var engagement = await db.Engagements
            .AsNoTracking()
            .AsSplitQuery()
            .Include(e => e.Client)
            .Include(e => e.Provider)
            .Include(e => e.Outcomes)
            .Include(e => e.Members)
            .Include(e => e.Tasks)
            .Include(e => e.Milestones)
            .Include(e => e.Glossary)
            .Include(e => e.Metrics).ThenInclude(m => m.Measurements)
            .Include(e => e.Wins)
            .Include(e => e.Log.Where(l => !l.ProviderInternal))
            .Include(e => e.Escalation)
            .FirstOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return null;
        }
        var pulses = await db.Pulses.AsNoTracking().Where(p => p.EngagementId == engagementId && p.SentAt != null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var standing = (await HealthQuery.LoadAsync(db, db.Engagements.Where(e => e.Id == engagementId), now, cancellationToken)).Single();
        return SteeringModel.From(engagement, standing, pulses, month, now);
    }
}
