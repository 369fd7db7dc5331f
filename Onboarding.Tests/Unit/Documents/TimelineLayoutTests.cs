using Onboarding.Core.Documents;
using Onboarding.Core.Documents.PlanPack;
using SkiaSharp;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>The timeline's computed layout: labels keep apart from each other, and no line runs through text.</summary>
public sealed class TimelineLayoutTests : IDisposable
{
    private static readonly float Width = PageSetup.A4.Width - PageSetup.A4.Margins.Left - PageSetup.A4.Margins.Right;

    private readonly FontSet _fonts = new("DejaVu Sans");

    [Fact]
    public void The_demo_timeline_keeps_labels_apart_and_lines_off_text()
    {
        var chart = PackContent.Chart(PackModels.Demo().InClientWords());
        Assert.NotNull(chart.Today);

        var layout = TimelineLayout.Arrange(chart, Width, Context());

        AssertClear(chart, layout);
    }

    [Fact]
    public void A_crowded_timeline_keeps_labels_apart_and_lines_off_text()
    {
        var milestones = Enumerable.Range(0, 40)
            .Select(i => new TimelineMilestone(i % 3 == 0 ? $"Review number {i} with the executive sponsor" : $"Check {i}", 1 + (i * 89 / 39), IsGoLive: i == 20))
            .Append(new TimelineMilestone("Same day as check 1", 3))
            .Append(new TimelineMilestone("60-day review", 60))
            .Append(new TimelineMilestone("90-day review", 90))
            .ToList();
        var chart = new TimelineChart([new("Month 1", 1, 30), new("Month 2", 31, 60), new("Month 3", 61, 90)], milestones, Today: 46);

        var layout = TimelineLayout.Arrange(chart, Width, Context());

        AssertClear(chart, layout);
        Assert.True(layout.Labels.Select(l => l.Box.Top).Distinct().Count() > 1, "a crowded timeline should need more than one row");
    }

    public void Dispose() => _fonts.Dispose();

    private LayoutContext Context() => new(_fonts, DocumentTheme.Default, [], new GlyphUsage());

    private static void AssertClear(TimelineChart chart, TimelineLayout layout)
    {
        // Every day with a milestone has one label, and every label stays inside the chart.
        Assert.Equal(chart.Milestones.Select(m => m.Day).Distinct().Count(), layout.Labels.Count);
        Assert.All(layout.Labels, l => Assert.InRange(l.Box.Left, 0, Width - l.Box.Width + 0.01f));

        var labels = layout.Labels.Select(l => l.Box).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                // Inflated by a point each way: labels that touch read as one.
                var a = labels[i];
                a.Inflate(1, 1);
                Assert.False(a.IntersectsWith(labels[j]), $"labels at {labels[i]} and {labels[j]} overlap or touch");
            }
        }

        var text = layout.TextBoxes.ToList();
        var others = text.Except(labels).ToList();
        Assert.All(labels, l => Assert.DoesNotContain(others, o => o.IntersectsWith(l)));

        var lines = layout.Leaders.Concat(layout.Today).Select(s => new SKRect(s.X - 0.5f, s.Top, s.X + 0.5f, s.Bottom)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(text, box => box.IntersectsWith(line));
        }

        if (chart.Today is not null)
        {
            Assert.NotEmpty(layout.Today);
        }
    }
}
