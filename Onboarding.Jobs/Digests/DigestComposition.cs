using Onboarding.Core.Digests;
using Onboarding.Core.Links;

namespace Onboarding.Jobs.Digests;

/// <summary>A person's digest for one period, composed as of <paramref name="Until"/>.</summary>
public sealed record DueDigest(DigestAudience Person, PlannedDigest Planned, DateTimeOffset Until)
{
    public DigestKey Key => Planned.Key;
}

/// <summary>The composed digest; <see cref="Model"/> is null when there is nothing to say.</summary>
public sealed record ComposedDigest(DueDigest Due, DigestModel? Model, string UnsubscribeUrl);

/// <summary>Loads what a batch of digests needs and composes each: used alike by the dispatcher and the previews.</summary>
public sealed class DigestComposition(DigestLoader loader, AppLinks links)
{
    // A previous digest further back than this is no "last digest": the reader gets a first digest's week of wins.
    private const int LookBackDays = 60;

    public AppLinks Links { get; } = links;

    /// <param name="includeEngagement">Which engagements may appear: all for mail, those the viewer may see for a preview.</param>
    public async Task<IReadOnlyList<ComposedDigest>> ComposeAsync(
        IReadOnlyList<DueDigest> batch, Func<int, bool> includeEngagement, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }
        var recipients = batch.Select(d => d.Key.Recipient).Distinct().ToList();
        var earliest = batch.Min(d => d.Key.Period);
        var previous = await loader.PreviousDigestsAsync(recipients, earliest.AddDays(-LookBackDays), cancellationToken);
        var previousOf = previous.ToLookup(p => p.Recipient);
        var lastOf = batch.ToDictionary(d => d.Key, d => previousOf[d.Key.Recipient]
            .Where(p => p.Period < d.Key.Period && p.Period >= d.Key.Period.AddDays(-LookBackDays))
            .MaxBy(p => p.Period));
        var sinceOf = batch.ToDictionary(d => d.Key, d => lastOf[d.Key]?.ComposedAt);

        var engagementIds = batch.SelectMany(d => d.Planned.Engagements).Select(e => e.EngagementId).Where(includeEngagement).Distinct().ToList();
        var windowStart = batch.Min(d => sinceOf[d.Key] ?? d.Until - DigestComposer.FirstDigestWindow);
        var states = await loader.EngagementsAsync(engagementIds, windowStart, batch.Max(d => d.Until), cancellationToken);

        return batch.Select(due =>
        {
            var unsubscribe = Links.Unsubscribe(due.Person.UnsubscribeToken);
            var engagements = due.Planned.Engagements
                .Where(e => includeEngagement(e.EngagementId) && states.ContainsKey(e.EngagementId))
                .Select(e => states[e.EngagementId])
                .ToList();
            var period = new DigestPeriod(due.Key.Period, due.Until, sinceOf[due.Key], lastOf[due.Key]?.Period);
            var model = engagements.Count == 0
                ? null
                : DigestComposer.Compose(due.Person.Recipient, engagements, period, Links.Root, new Uri(unsubscribe), due.Planned.Engagements);
            return new ComposedDigest(due, model, unsubscribe);
        }).ToList();
    }
}
