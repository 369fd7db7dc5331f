using Microsoft.Extensions.Caching.Memory;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Time;

namespace Onboarding.Web.Infrastructure;

/// <summary>What identifies an engagement's standing: it holds while the revision and the engagement's today do.</summary>
public sealed record StandingKey(int EngagementId, Guid Revision, string TimeZone);

/// <summary>
/// Keeps each engagement's health (<see cref="HealthQuery"/>) in memory until its revision or its today changes.
/// Every input of the health is saved with the engagement's id, so saving it gives the engagement a new revision
/// (<see cref="EngagementRevisions"/>); the rest is the date in the engagement's zone. The overview then costs no
/// query for its health, and the portfolio aggregates only the engagements that changed since it was last shown.
/// </summary>
public sealed class EngagementStandings : IDisposable
{
    // Sized in engagements: a standing is a few hundred bytes.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>The standings of <paramref name="keys"/>, in no particular order.</summary>
    public async Task<IReadOnlyList<EngagementStanding>> GetAsync(
        OnboardingDbContext db, IReadOnlyCollection<StandingKey> keys, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var found = new List<EngagementStanding>(keys.Count);
        var stale = new List<int>();
        // Engagements share a handful of zones; converting once per zone keeps a thousand-row portfolio cheap.
        var todays = new Dictionary<string, DateOnly>();
        foreach (var key in keys)
        {
            if (!todays.TryGetValue(key.TimeZone, out var today))
            {
                todays[key.TimeZone] = today = Zones.DateIn(now, key.TimeZone);
            }
            if (cache.TryGetValue(key.EngagementId, out EngagementStanding? kept) && kept!.Revision == key.Revision && kept.Today == today)
            {
                found.Add(kept);
            }
            else
            {
                stale.Add(key.EngagementId);
            }
        }
        if (stale.Count == 0)
        {
            return found;
        }
        // The standing carries the revision HealthQuery read before aggregating, so what it counted is at least that
        // new: at worst a newer state is kept under an older revision and counted again next time.
        foreach (var standing in await HealthQuery.LoadAsync(db, db.Engagements.Where(e => stale.Contains(e.Id)), now, cancellationToken))
        {
            cache.Set(standing.Id, standing, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            found.Add(standing);
        }
        return found;
    }

    public async Task<EngagementStanding> GetAsync(OnboardingDbContext db, StandingKey key, DateTimeOffset now) =>
        (await GetAsync(db, [key], now)).Single();

    public void Dispose() => cache.Dispose();
}
