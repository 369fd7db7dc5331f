using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>Reads a <see cref="PackModel"/> from the database: one query per collection, however large the plan.</summary>
public static class PackLoader
{
    /// <returns>Null when there is no such engagement.</returns>
    public static async Task<PackModel?> LoadAsync(OnboardingDbContext db, TimeProvider clock, int engagementId, CancellationToken cancellationToken = default)
    {
        var engagement = await db.Engagements
            .AsNoTracking()
            .AsSplitQuery()
            .Include(e => e.Client)
            .Include(e => e.Provider)
            .Include(e => e.Outcomes)
            .Include(e => e.Members).ThenInclude(m => m.Person)
            .Include(e => e.Tasks)
            .Include(e => e.Milestones)
            .Include(e => e.Glossary)
            .Include(e => e.Metrics).ThenInclude(m => m.Measurements)
            .Include(e => e.Wins)
            // Per-recruiter snapshots do not decide the digest cadence; skip their text.
            .Include(e => e.Templates.Where(t => t.ForMemberId == null))
            .FirstOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return null;
        }
        var locations = await db.HiringLocations.AsNoTracking()
            .Where(l => l.EngagementId == engagementId)
            .OrderBy(l => l.Id)
            .Select(l => new { Location = l, MemberIds = l.Members.Select(m => m.Id).ToList(), Card = db.MarketCards.FirstOrDefault(c => c.LocationId == l.Id) })
            .ToListAsync(cancellationToken);
        return PackModel.From(engagement, clock.GetUtcNow()) with
        {
            MarketCards = [.. locations.Select(l => new PackMarketCard(l.Location.DisplayName, l.MemberIds, l.Card))],
        };
    }
}
