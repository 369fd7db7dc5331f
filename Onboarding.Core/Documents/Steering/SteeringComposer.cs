using Onboarding.Core.Governance;
using SkiaSharp;
using static Onboarding.Core.Documents.Steering.SteeringContent;
using Date = Onboarding.Core.Documents.PlanPack.PackContent;

namespace Onboarding.Core.Documents.Steering;

/// <summary>Builds the monthly steering report as a <see cref="Document"/>, one small method per section. Pure.</summary>
public static class SteeringComposer
{
    public static Document Report(SteeringModel report)
    {
        var theme = Theme(report);
        return new Document(new DocumentMetadata(Title(report), report.ProviderName, Subject(report), report.GeneratedAt)) { Theme = theme }
            .Header((c, page) => c.Row(r => r
                .Relative(x => x.Paragraph($"{report.ClientName} · {Title(report)}", theme.Small), 2)
                .Relative(x => x.Paragraph(t => t.Bold(report.ProviderName), theme.Small with { Color = theme.Accent, Align = TextAlign.Right }))))
            .Footer((c, page) => c.Paragraph($"Page {page.Number} of {page.Total}", theme.Small with { Align = TextAlign.Right }))
            .Content(c =>
            {
                ComposeSummary(c, report, theme);
                ComposeHealth(c, report);
                ComposeOutcomes(c, report);
                ComposeMetrics(c, report, theme);
                ComposeMilestones(c, report);
                ComposeWins(c, report, theme);
                ComposePulses(c, report, theme);
                ComposeRisks(c, report, theme);
                ComposeDecisions(c, report);
                ComposeNextPlan(c, report);
            });
    }

    private static DocumentTheme Theme(SteeringModel report)
    {
        var theme = DocumentTheme.Default;
        return SKColor.TryParse(report.BrandColour, out var brand)
            ? theme with { Title = theme.Title with { Color = brand }, Heading1 = theme.Heading1 with { Color = brand }, Accent = brand }
            : theme;
    }

    private static void ComposeSummary(Column c, SteeringModel report, DocumentTheme theme) => c
        .Paragraph(Title(report), theme.Title)
        .Paragraph(report.EngagementName, theme.Heading2 with { Bold = false })
        .KeyValues(Facts(report).Select(f => KeyValuePair.Create(f.Label, f.Value)));

    private static void ComposeHealth(Column c, SteeringModel report)
    {
        c.Heading(HealthHeading)
            .Paragraph(t => t.Bold(Health(report.Health)))
            .Paragraph(HealthIntro(report.Health));
        if (report.Health.Computed.Reasons.Count > 0)
        {
            c.BulletList(l =>
            {
                foreach (var reason in report.Health.Computed.Reasons)
                {
                    l.Item(x => x.Paragraph($"{reason.Colour}: {reason.Text}"));
                }
            });
        }
    }

    private static void ComposeOutcomes(Column c, SteeringModel report)
    {
        c.Heading(Outcomes);
        if (report.Outcomes.Count == 0)
        {
            c.Paragraph(NoOutcomes);
            return;
        }

        c.NumberedList(l =>
        {
            foreach (var outcome in report.Outcomes)
            {
                l.Item(x => x.Paragraph(t => t.Bold(outcome.Title)).Paragraph(t => t.Italic("Measured by: ").Text(outcome.HowMeasured)));
            }
        });
    }

    private static void ComposeMetrics(Column c, SteeringModel report, DocumentTheme theme)
    {
        c.Heading(MetricsHeading);
        if (report.Metrics.Count == 0)
        {
            c.Paragraph(NoMetrics);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(3).RelativeColumn(2).RelativeColumn(3).RelativeColumn(3).RelativeColumn(2).Header([.. MetricColumns]);
            foreach (var metric in report.Metrics)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(metric.Name)),
                    x => x.Paragraph(Date.Value(metric.Baseline, metric.Unit)),
                    x => x.Paragraph(Target(metric)),
                    x => x.Paragraph(Latest(metric)),
                    x => x.Paragraph(Standing(metric)));
            }
        });

        foreach (var metric in report.Metrics.Where(m => m.Values.Count > 0))
        {
            // The chart for the eye, the same values as a table for a screen reader and for exact figures.
            c.KeepTogether(k => k
                .Heading(metric.Name, 2)
                .Paragraph(ChartText(metric), theme.Small)
                .LineChart(new LineChart(metric.Unit, [.. metric.Values.Select(v => new LineChartPoint(v.On, v.Value))], metric.Baseline, metric.Target, ChartText(metric))));
            c.Table(t =>
            {
                t.RelativeColumn(1).RelativeColumn(1).Header([.. ValueColumns]);
                foreach (var value in metric.Values)
                {
                    t.Row(Date.Date(value.On), Date.Value(value.Value, metric.Unit));
                }
            });
        }
    }

    private static void ComposeMilestones(Column c, SteeringModel report)
    {
        c.Heading(Milestones);
        if (report.Milestones.Count == 0)
        {
            c.Paragraph(NoMilestones);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(4).RelativeColumn(2).RelativeColumn(3).Header([.. MilestoneColumns]);
            foreach (var milestone in report.Milestones)
            {
                t.Row(x => x.Paragraph(t => t.Bold(milestone.Title)), x => x.Paragraph(Date.Date(milestone.Date)), x => x.Paragraph(Standing(milestone)));
            }
        });
    }

    private static void ComposeWins(Column c, SteeringModel report, DocumentTheme theme)
    {
        c.Heading(Wins);
        if (report.Wins.Count == 0)
        {
            c.Paragraph(NoWins);
            return;
        }

        c.BulletList(l =>
        {
            foreach (var win in report.Wins)
            {
                l.Item(x => x.Paragraph(t => t.Bold(win.Title)).Paragraph(Date.Date(win.On), theme.Small).Markdown(win.Body));
            }
        });
    }

    private static void ComposePulses(Column c, SteeringModel report, DocumentTheme theme)
    {
        c.Heading(PulseHeading);
        if (report.Pulses.Sent == 0)
        {
            c.Paragraph(NoPulses);
            return;
        }

        c.Paragraph(PulseSummary(report.Pulses));
        if (report.Pulses.Said.Count == 0)
        {
            return;
        }

        c.Paragraph(PulseNamesNote, theme.Small).Table(t =>
        {
            t.RelativeColumn(2).RelativeColumn(3).RelativeColumn(4).RelativeColumn(4).Header([.. PulseColumns]);
            foreach (var answer in report.Pulses.Said)
            {
                t.Row(x => x.Paragraph(Date.Date(answer.On)), x => x.Paragraph(Score(answer)), x => x.Paragraph(Said(answer)), x => x.Paragraph(Did(answer)));
            }
        });
    }

    private static void ComposeRisks(Column c, SteeringModel report, DocumentTheme theme)
    {
        c.Heading(RisksAndIssues).Paragraph(ClientFacingNote, theme.Small);
        if (report.OpenRisksAndIssues.Count == 0)
        {
            c.Paragraph(NoRisks);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(5).RelativeColumn(2).RelativeColumn(3).RelativeColumn(2).RelativeColumn(3).Header([.. LogColumns]);
            foreach (var entry in report.OpenRisksAndIssues)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(entry.Title)).Paragraph(Entry(entry), theme.Small).Markdown(entry.Description),
                    x => x.Paragraph(entry.Severity.ToString()),
                    x => x.Paragraph(Owner(entry)),
                    x => x.Paragraph(Due(entry.Due)),
                    x => x.Paragraph(Escalation(entry)));
            }
        });
    }

    private static void ComposeDecisions(Column c, SteeringModel report)
    {
        c.Heading(Decisions).Heading(DecisionsMadeHeading, 2);
        if (report.DecisionsMade.Count == 0)
        {
            c.Paragraph(NoDecisionsMade);
        }
        else
        {
            c.Table(t =>
            {
                t.RelativeColumn(3).RelativeColumn(2).RelativeColumn(5).Header([.. DecisionColumns]);
                foreach (var decision in report.DecisionsMade)
                {
                    t.Row(x => x.Paragraph(t => t.Bold(decision.Title)), x => x.Paragraph(Due(decision.ClosedOn)), x => x.Markdown(decision.Resolution));
                }
            });
        }

        c.Heading(DecisionsDueHeading, 2);
        if (report.DecisionsDue.Count == 0)
        {
            c.Paragraph(NoDecisionsDue);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(5).RelativeColumn(2).RelativeColumn(3).RelativeColumn(2).RelativeColumn(3).Header([.. LogColumns]);
            foreach (var decision in report.DecisionsDue)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(decision.Title)).Markdown(decision.Description),
                    x => x.Paragraph(decision.Severity.ToString()),
                    x => x.Paragraph(Owner(decision)),
                    x => x.Paragraph(Due(decision.Due)),
                    x => x.Paragraph(Escalation(decision)));
            }
        });
    }

    private static void ComposeNextPlan(Column c, SteeringModel report)
    {
        c.Heading(NextPlan).Paragraph(NextIntro(report));
        if (report.NextPlan.Count == 0)
        {
            c.Paragraph(NoNextPlan);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(3).RelativeColumn(6).RelativeColumn(4).Header([.. PlanColumns]);
            foreach (var task in report.NextPlan)
            {
                t.Row(When(task), task.IsMilestone ? $"◆ {task.Title}" : task.Title, Owner(task));
            }
        });
    }
}
