using System.Globalization;
using Onboarding.Core.Documents.PlanPack;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>The pack's timeline, read back from the rendered PDF: go-live is on it and it ends where the plan ends.</summary>
public class PackTimelineTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    [Fact]
    public void A_plan_ending_by_day_90_has_go_live_on_its_timeline_and_no_band_after_day_90()
    {
        var engagement = PackModels.LargeEngagement(30, terms: 3);
        var pack = PackModel.From(engagement, PackModels.Now);
        Assert.Equal(90, pack.Tasks.Max(t => pack.DayOf(t.Due)));

        using var pdf = PdfDocument.Open(fixture.Renderer.Render(PackComposer.Pack(pack)));
        var timeline = TimelinePage(pdf);

        Assert.Contains($"Go-live · {engagement.GoLive.ToString("d MMM", CultureInfo.InvariantCulture)}", timeline);
        Assert.Contains("Days 61–90", timeline);
        Assert.DoesNotContain("Days 91", timeline);
        Assert.DoesNotContain("Month 4", timeline);
    }

    [Fact]
    public void Go_live_after_the_last_task_stretches_the_timeline_to_go_live()
    {
        var engagement = PackModels.LargeEngagement(30, terms: 3);
        engagement.GoLive = engagement.Kickoff.AddDays(99); // day 100
        var chart = PackContent.Chart(PackModel.From(engagement, PackModels.Now));

        Assert.Equal(100, chart.TotalDays);
        Assert.Equal([(1, 30), (31, 60), (61, 90), (91, 100)], chart.Phases.Select(p => (p.StartDay, p.EndDay)));
        Assert.Contains(chart.Milestones, m => m.IsGoLive && m.Day == 100);
    }

    [Fact]
    public void A_last_stretch_of_a_few_days_joins_the_month_before_it()
    {
        var engagement = PackModels.LargeEngagement(30, terms: 3);
        engagement.GoLive = engagement.Kickoff.AddDays(92); // day 93: three days past the third month
        var chart = PackContent.Chart(PackModel.From(engagement, PackModels.Now));

        Assert.Equal([(1, 30), (31, 60), (61, 93)], chart.Phases.Select(p => (p.StartDay, p.EndDay)));
    }

    private static string TimelinePage(PdfDocument pdf)
    {
        // The contents page lists "Timeline" and the phases too; the section's own page has the legend under the chart.
        var page = pdf.GetPages().First(p => TextOf(p).Contains("Bands are 30-day months", StringComparison.Ordinal));
        return Flowing([page]);
    }
}
