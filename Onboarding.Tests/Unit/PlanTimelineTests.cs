using System.Globalization;
using System.Xml.Linq;
using Onboarding.Web.Features.Plan;

namespace Onboarding.Tests.Unit;

public class PlanTimelineTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateOnly Kickoff = new(2026, 11, 12);

    [Fact]
    public void Overlapping_phases_of_several_templates_become_bands_one_after_another()
    {
        TimelinePhase[] phases =
        [
            new("Days 1–30: prepare", Kickoff, Kickoff.AddDays(30)),
            new("Days 1–30: learn and connect", Kickoff.AddDays(1), Kickoff.AddDays(25)),
            new("Days 31–60: deliver", Kickoff.AddDays(29), Kickoff.AddDays(70)),
            new("Days 61–90: make it stick", Kickoff.AddDays(60), Kickoff.AddDays(95)),
        ];

        var bands = Draw(phases, []).Descendants(Svg + "rect")
            .Select(r => (X: Number(r, "x"), End: Number(r, "x") + Number(r, "width"), Title: r.Element(Svg + "title")!.Value))
            .ToList();

        Assert.Equal(["Days 1–30: prepare", "Days 31–60: deliver", "Days 61–90: make it stick"], bands.Select(b => b.Title[..b.Title.LastIndexOf(':')]));
        Assert.All(bands.Zip(bands.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.X + 0.1, $"{pair.First.Title} overlaps {pair.Second.Title}"));
    }

    [Fact]
    public void Milestones_on_one_day_share_a_diamond_and_labels_never_overprint()
    {
        var milestones = Enumerable.Range(0, 12)
            .Select(i => new TimelineMilestone($"Milestone number {i} with a long title", Kickoff.AddDays(i / 2 * 3), i < 4))
            .ToList();

        var svg = Draw([new("Days 1–30", Kickoff, Kickoff.AddDays(30))], milestones);

        var diamonds = svg.Descendants(Svg + "path").ToList();
        Assert.Equal(6, diamonds.Count);
        Assert.Contains("Milestone number 0 with a long title (reached); Milestone number 1 with a long title (reached)", diamonds[0].Element(Svg + "title")!.Value);
        var labels = svg.Descendants(Svg + "text").Where(t => t.Value.StartsWith("Milestone", StringComparison.Ordinal))
            .Select(t => (Y: Number(t, "y"), From: Number(t, "x"), To: Number(t, "x") + t.Value.Length * 6.2))
            .ToList();
        Assert.NotEmpty(labels);
        foreach (var row in labels.GroupBy(l => l.Y))
        {
            var ordered = row.OrderBy(l => l.From).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.To <= pair.Second.From, "labels on one row overlap"));
        }
    }

    private static XElement Draw(IReadOnlyList<TimelinePhase> phases, IReadOnlyList<TimelineMilestone> milestones) =>
        XElement.Parse(PlanTimeline.Svg(Kickoff, phases, milestones, Kickoff.AddDays(11)).Value!);

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
