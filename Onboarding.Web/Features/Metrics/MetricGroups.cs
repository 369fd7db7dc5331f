using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Metrics;

/// <summary>One metric as the page shows it: the glossary terms its name and definition use, and whether it is too early to read.</summary>
public sealed record MetricCard(Metric Metric, IReadOnlyList<GlossaryTerm> Terms, GlossaryTerm? NamedBy, DateOnly? MeaningfulFrom, bool TooEarly);

public sealed record MetricSideGroup(string Title, IReadOnlyList<MetricCard> Cards);

public sealed record MetricStageGroup(string Id, string Title, string Intro, IReadOnlyList<MetricSideGroup> Sides);

/// <summary>
/// The page's order: early indicators before lagging ones, because in the first 90 days only the early ones can
/// move; within each, the provider's service levels, the client's, then the measures both sides watch.
/// </summary>
public static class MetricGroups
{
    public static IReadOnlyList<MetricStageGroup> Of(IReadOnlyList<Metric> metrics, IReadOnlyList<GlossaryTerm> glossary, DateOnly kickoff, DateOnly today)
    {
        MetricCard Card(Metric m)
        {
            DateOnly? from = m.Stage == MetricStage.Lagging && m.MeaningfulFromDay is { } day ? kickoff.AddDays(day - 1) : null;
            return new MetricCard(m, MetricGlossary.TermsFor(m, glossary), MetricGlossary.NamedBy(m, glossary), from, from is { } f && today < f);
        }

        MetricStageGroup Stage(MetricStage stage, string id, string title, string intro) => new(id, title, intro,
        [
            .. new[] { (MetricSide?)MetricSide.Provider, MetricSide.Client, null }
                .Select(side => new MetricSideGroup(SideTitle(side), metrics.Where(m => m.Stage == stage && m.Side == side).Select(Card).ToList()))
                .Where(g => g.Cards.Count > 0),
        ]);

        return new[]
        {
            Stage(MetricStage.Early, "early", "Early indicators", "These move within days: watch them from the start."),
            Stage(MetricStage.Lagging, "lagging", "Lagging indicators", "These need hires to close first: each says from which day its values mean something."),
        }.Where(g => g.Sides.Count > 0).ToList();
    }

    public static string SideTitle(MetricSide? side) => side switch
    {
        MetricSide.Provider => "Service levels the provider commits to",
        MetricSide.Client => "Service levels the client commits to",
        _ => "Measures both sides watch",
    };
}
