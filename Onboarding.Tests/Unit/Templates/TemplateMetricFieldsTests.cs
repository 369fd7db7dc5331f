using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

/// <summary>The metrics front matter's service-level fields: side, stage and meaningful-from-day.</summary>
public class TemplateMetricFieldsTests
{
    private static string WithMetrics(string metrics) => $"""
        ---
        key: sla
        title: Service levels
        version: 1
        audience: client
        days-count-from: kickoff
        metrics:
        {metrics}
        ---

        ## Meet the team

        - key: meet-team
        - phase: days-1-30
        - start: 1
        - duration: 2
        - owner: ta-lead

        ### What

        Meet everyone.

        ### Why

        To know whom to ask.
        """;

    private static int LineOf(string text, string marker) => Array.FindIndex(text.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Side_stage_and_meaningful_from_day_are_read_and_default_to_an_early_measure_nobody_commits_to()
    {
        var result = TemplateParser.Parse("t.md", WithMetrics("""
              - name: Interview feedback turnaround
                unit: working days
                direction: lower-is-better
                target: 2 or fewer
                how-measured: Working days from interview to decision.
                side: client
                stage: early
              - name: Time to fill
                unit: working days
                direction: lower-is-better
                target: 10% below the baseline
                how-measured: Working days from approval to offer accepted.
                stage: lagging
                meaningful-from-day: 90
              - name: Intakes held
                unit: intakes per week
                direction: higher-is-better
                target: 3
                how-measured: Intake meetings held in the week.
              - name: Time to first shortlist
                unit: working days
                direction: lower-is-better
                target: 5 or fewer
                how-measured: Working days from intake to the first shortlist.
                side: provider
            """));

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                new SuggestedMetric("Interview feedback turnaround", "working days", MetricDirection.LowerIsBetter, "2 or fewer", "Working days from interview to decision.", MetricSide.Client, MetricStage.Early, null),
                new SuggestedMetric("Time to fill", "working days", MetricDirection.LowerIsBetter, "10% below the baseline", "Working days from approval to offer accepted.", null, MetricStage.Lagging, 90),
                new SuggestedMetric("Intakes held", "intakes per week", MetricDirection.HigherIsBetter, "3", "Intake meetings held in the week.", null, MetricStage.Early, null),
                new SuggestedMetric("Time to first shortlist", "working days", MetricDirection.LowerIsBetter, "5 or fewer", "Working days from intake to the first shortlist.", MetricSide.Provider, MetricStage.Early, null),
            ],
            result.Template!.Metrics);
    }

    [Fact]
    public void Wrong_sides_stages_and_days_are_errors_at_their_lines()
    {
        var text = WithMetrics("""
              - name: Feedback
                unit: working days
                direction: lower-is-better
                target: 2
                how-measured: Days to decision.
                side: both
              - name: Quality of hire
                unit: percent
                direction: higher-is-better
                target: 90% or more
                how-measured: Still employed after 90 days.
                stage: late
              - name: Time to fill
                unit: working days
                direction: lower-is-better
                target: 40
                how-measured: Approval to offer accepted.
                stage: lagging
              - name: Offer acceptance rate
                unit: percent
                direction: higher-is-better
                target: 85
                how-measured: Accepted over made.
                stage: lagging
                meaningful-from-day: sixty
              - name: Intakes held
                unit: intakes
                direction: higher-is-better
                target: 3
                how-measured: Intakes in the week.
                meaningful-from-day: 30
                owner: provider
            """);

        var result = TemplateParser.Parse("t.md", text);

        Assert.Null(result.Template);
        Assert.Equal(
            [
                $"t.md:{LineOf(text, "side: both")}: unknown side 'both' (expected provider, client)",
                $"t.md:{LineOf(text, "stage: late")}: unknown stage 'late' (expected early, lagging)",
                $"t.md:{LineOf(text, "name: Time to fill")}: the lagging metric 'Time to fill' has no 'meaningful-from-day' (the engagement day from which its values mean something, like 'meaningful-from-day: 90')",
                $"t.md:{LineOf(text, "meaningful-from-day: sixty")}: meaningful-from-day 'sixty' must be a day number from 1 up, like 'meaningful-from-day: 90'",
                $"t.md:{LineOf(text, "meaningful-from-day: 30")}: 'meaningful-from-day' is for lagging metrics: add 'stage: lagging' to 'Intakes held', or leave the day out of an early indicator",
                $"t.md:{LineOf(text, "owner: provider")}: unknown field 'owner' in a metric (expected name, unit, direction, target, how-measured, side, stage, meaningful-from-day)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_unit_longer_than_the_metric_column_is_an_error_at_its_line_not_a_failed_launch()
    {
        var unit = new string('u', 51);
        var text = WithMetrics($"""
              - name: Intakes held
                unit: {unit}
                direction: higher-is-better
                target: 3
                how-measured: Intakes in the week.
            """);

        var result = TemplateParser.Parse("t.md", text);

        Assert.Equal([$"t.md:{LineOf(text, unit)}: the metric's 'unit' is 51 characters long; at most 50 fit"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_starter_template_metric_is_staged_and_lagging_ones_say_from_which_day()
    {
        var catalog = TemplateCatalog.Load(RepoPaths.Templates);
        var metrics = catalog.Templates.SelectMany(t => t.Metrics).ToList();

        Assert.Contains(metrics, m => m.Side == MetricSide.Provider);
        Assert.Contains(metrics, m => m.Side == MetricSide.Client);
        Assert.Contains(metrics, m => m.Stage == MetricStage.Lagging);
        Assert.All(metrics.Where(m => m.Stage == MetricStage.Lagging), m => Assert.InRange(m.MeaningfulFromDay!.Value, 30, 365));
        // The same metric suggested by several templates reads the same in each, as only the first one applied is kept.
        Assert.All(metrics.GroupBy(m => m.Name), g => Assert.Single(g.Distinct()));
    }
}
