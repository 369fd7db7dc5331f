using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Templates;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// Each engagement's digest cadence by <see cref="DigestCadence.ForEngagement"/>, from the snapshots
/// applied to the engagement as a whole (per-person templates such as recruiter onboarding do not
/// set it). Snapshots never change, so each is parsed once per process.
/// </summary>
public sealed class TemplateCadences
{
    private readonly ConcurrentDictionary<int, PlanTemplate?> bySnapshot = new();

    public async Task<IReadOnlyDictionary<int, DigestCadence>> ForEngagementsAsync(
        OnboardingDbContext db, IReadOnlyCollection<int> engagementIds, CancellationToken cancellationToken)
    {
        var launchSnapshots = await db.TemplateSnapshots.AsNoTracking()
            .Where(s => engagementIds.Contains(s.EngagementId) && s.ForMemberId == null)
            .OrderBy(s => s.Id)
            .Select(s => new { s.EngagementId, s.Id })
            .ToListAsync(cancellationToken);

        var unparsed = launchSnapshots.Select(s => s.Id).Where(id => !bySnapshot.ContainsKey(id)).ToList();
        if (unparsed.Count > 0)
        {
            var snapshots = await db.TemplateSnapshots.AsNoTracking()
                .Where(s => unparsed.Contains(s.Id))
                .Select(s => new { s.Id, s.TemplateKey, s.Content })
                .ToListAsync(cancellationToken);
            foreach (var snapshot in snapshots)
            {
                // A snapshot was valid when the engagement launched; should today's parser refuse it, the default cadence still keeps people informed.
                bySnapshot[snapshot.Id] = TemplateParser.Parse(snapshot.TemplateKey, snapshot.Content).Template;
            }
        }

        var byEngagement = launchSnapshots.ToLookup(s => s.EngagementId, s => bySnapshot[s.Id]);
        return engagementIds.ToDictionary(id => id, id => DigestCadence.ForEngagement(byEngagement[id]));
    }
}
