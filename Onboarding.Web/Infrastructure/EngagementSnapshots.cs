using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Infrastructure;

/// <summary>One task as the plan pages list it.</summary>
public sealed record PlanRow(
    int Id, string Title, string PhaseKey, string PhaseTitle, DateOnly Start, DateOnly Due, PlanTaskStatus Status,
    int? OwnerId, string? OwnerName, EngagementRole OwnerRole, bool IsMilestone, string? Warning, string? BlockedReason)
{
    public bool IsOverdue(DateOnly today) => Overdue.Is(Status, Due, today);
}

/// <summary>
/// What the overview and the plan pages show of an engagement, as of one revision: the engagement
/// with its client, provider, outcomes and members; every task (by start, due, id); every
/// milestone (by date); the four latest wins. Shared between requests: never changed after reading.
/// </summary>
public sealed record EngagementSnapshot(
    Guid Revision, Engagement Engagement, IReadOnlyList<PlanRow> Tasks, IReadOnlyList<Milestone> Milestones, IReadOnlyList<Win> RecentWins);

/// <summary>
/// Keeps each engagement's snapshot in memory until its revision changes. The gate reads the
/// revision on every request and anything saved through the DbContext changes it (see
/// <see cref="EngagementRevisions"/>), so a change saved by any web or worker process shows on
/// the next request, while the pages people open most cost one query instead of six.
/// </summary>
public sealed class EngagementSnapshots : IDisposable
{
    private const int RecentWins = 4;

    // Sized in tasks: about 200 engagements of a thousand tasks, or two thousand of a hundred.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public async Task<EngagementSnapshot> GetAsync(OnboardingDbContext db, EngagementAccess access)
    {
        if (cache.TryGetValue(access.EngagementId, out EngagementSnapshot? kept) && kept!.Revision == access.Revision)
        {
            return kept;
        }

        // Read after the gate read the revision, so at least as new as it: at worst a newer state
        // is kept under an older revision, and read again on the next request.
        var snapshot = await ReadAsync(db, access.EngagementId, access.Revision);
        cache.Set(access.EngagementId, snapshot, new MemoryCacheEntryOptions
        {
            Size = snapshot.Tasks.Count + 1,
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });
        return snapshot;
    }

    private static async Task<EngagementSnapshot> ReadAsync(OnboardingDbContext db, int engagementId, Guid revision)
    {
        var engagement = await db.Engagements.AsNoTracking()
            .Include(e => e.Client)
            .Include(e => e.Provider)
            .Include(e => e.Outcomes.OrderBy(o => o.Position))
            .Include(e => e.Members.OrderBy(m => m.Role).ThenBy(m => m.Name))
            .AsSplitQuery()
            .FirstAsync(e => e.Id == engagementId);
        // Owner names from the members just read: joining members into the task query makes PostgreSQL hash the whole table.
        var names = engagement.Members.ToDictionary(m => m.Id, m => m.Name);
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(t => t.EngagementId == engagementId)
            .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .Select(t => new PlanRow(t.Id, t.Title, t.PhaseKey, t.PhaseTitle, t.Start, t.Due, t.Status, t.OwnerId, null, t.OwnerRole, t.IsMilestone, t.Warning, t.BlockedReason))
            .ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.EngagementId == engagementId).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync();
        var wins = await db.Wins.AsNoTracking().Where(w => w.EngagementId == engagementId).OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id).Take(RecentWins).ToListAsync();
        return new EngagementSnapshot(
            revision,
            engagement,
            tasks.Select(t => t.OwnerId is { } id ? t with { OwnerName = names.GetValueOrDefault(id) } : t).ToList(),
            milestones,
            wins);
    }

    public void Dispose() => cache.Dispose();
}
