using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Portfolio;

/// <summary>An engagement a portfolio lists: what its kept standing is checked against, and whether it still runs.</summary>
public sealed record PortfolioEntry(StandingKey Key, bool Active);

/// <summary>
/// Which engagements a portfolio lists, kept per viewer until the provider's portfolio revision changes. Saving
/// anything of an engagement changes it in the same transaction (<see cref="EngagementRevisions"/>), so an unchanged
/// portfolio costs one row instead of a row per engagement.
/// </summary>
public sealed class PortfolioEngagements : IDisposable
{
    // Sized in viewers: a list is a few dozen bytes per engagement.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    private sealed record Kept(Guid Revision, IReadOnlyList<PortfolioEntry> Entries);

    /// <summary>
    /// Every engagement of <paramref name="providerId"/>, or only those <paramref name="leaderId"/> leads.
    /// </summary>
    public async Task<IReadOnlyList<PortfolioEntry>> GetAsync(
        OnboardingDbContext db, int providerId, string? leaderId, CancellationToken cancellationToken)
    {
        // Read before the list: a change saved in between is kept under the older revision and read again next time.
        var revision = await db.Organisations
            .Where(o => o.Id == providerId)
            .Select(o => o.PortfolioRevision)
            .SingleAsync(cancellationToken);
        var cacheKey = (providerId, leaderId);
        if (cache.TryGetValue(cacheKey, out Kept? kept) && kept!.Revision == revision)
        {
            return kept.Entries;
        }
        var engagements = db.Engagements.Where(e => e.ProviderId == providerId);
        if (leaderId is not null)
        {
            engagements = engagements.Where(e => e.Members.Any(m => m.UserId == leaderId && m.Role == EngagementRole.AccountLeader));
        }
        var entries = await engagements
            .Select(e => new PortfolioEntry(new StandingKey(e.Id, e.Revision, e.TimeZone), e.Status == EngagementStatus.Active))
            .ToListAsync(cancellationToken);
        cache.Set(cacheKey, new Kept(revision, entries), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return entries;
    }

    public void Dispose() => cache.Dispose();
}
