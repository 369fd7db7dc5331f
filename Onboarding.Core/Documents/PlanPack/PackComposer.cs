using System.Globalization;
using Onboarding.Core.Engagements;
using SkiaSharp;
using static Onboarding.Core.Documents.PlanPack.PackContent;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>
/// Builds the plan pack and the personal onboarding plan as <see cref="Document"/>s, one small
/// method per section. Pure: the same model gives the same document. The words come from
/// <see cref="PackContent"/>, shared with the HTML print view.
/// </summary>
public static class PackComposer
{
    public static Document Pack(PackModel pack)
    {
        pack = pack.InClientWords();
        var theme = Theme(pack);
        return new Document(new DocumentMetadata(PackTitle(pack), pack.ProviderName, PackSubject(pack), pack.GeneratedAt)) { Theme = theme }
            .Header((c, page) => ComposeHeader(c, page, pack, theme, pack.EngagementName))
            .Footer((c, page) => ComposeFooter(c, page, pack, theme))
            .Content(c =>
            {
                ComposeCover(c, pack, theme, pack.ClientName, pack.EngagementName, PackTagline, CoverFacts(pack));
                ComposeContents(c);
                ComposeOutcomes(c, pack);
                ComposeStakeholders(c, pack);
                ComposeCommunication(c, pack);
                ComposeGlossary(c, pack.Glossary);
                PackMarketCards.Compose(c, pack.MarketCards, pack.TimeZone, theme);
                ComposeTimeline(c, pack, theme);
                ComposePlan(c, pack, theme, Plan, pack.Tasks, showOwner: true);
                ComposeMetrics(c, pack, theme);
                ComposeWins(c, pack, theme);
            });
    }

    /// <summary>One person's plan: their own tasks, the people they will work with and the shared glossary.</summary>
    public static Document Personal(PackModel pack, PackMember member)
    {
        pack = pack.InWordsOf(member);
        var theme = Theme(pack);
        var tasks = pack.TasksOf(member);
        return new Document(new DocumentMetadata(PersonalTitle(pack, member), pack.ProviderName, PersonalSubject(pack, member), pack.GeneratedAt)) { Theme = theme }
            .Header((c, page) => ComposeHeader(c, page, pack, theme, member.Name))
            .Footer((c, page) => ComposeFooter(c, page, pack, theme))
            .Content(c =>
            {
                ComposeCover(c, pack, theme, member.Name, PersonalTagline(pack), pack.EngagementName, PersonalFacts(pack, member, tasks.Count));
                ComposeContents(c);
                ComposePlan(c, pack, theme, YourTasks, tasks, showOwner: false);
                ComposePeople(c, pack, theme, member);
                ComposeGlossary(c, pack.Glossary);
                if (member.Role == EngagementRole.Recruiter)
                {
                    PackMarketCards.Compose(c, PackMarketCards.For(pack.MarketCards, member), member.TimeZone, theme);
                }
            });
    }

    /// <summary>The provider's brand colour on titles, headings and rules, so readers recognise the sender.</summary>
    private static DocumentTheme Theme(PackModel pack)
    {
        var theme = DocumentTheme.Default;
        return SKColor.TryParse(pack.BrandColour, out var brand)
            ? theme with { Title = theme.Title with { Color = brand }, Heading1 = theme.Heading1 with { Color = brand }, Accent = brand }
            : theme;
    }

    private static void ComposeHeader(Column c, PageContext page, PackModel pack, DocumentTheme theme, string subject)
    {
        // The cover stays plain.
        if (page.Number == 1)
        {
            return;
        }

        c.Row(r => r
            .Relative(x => x.Paragraph($"{pack.ClientName} · {subject}", theme.Small), 2)
            .Relative(x => x.Paragraph(t => t.Bold(pack.ProviderName), theme.Small with { Color = theme.Accent, Align = TextAlign.Right })));
    }

    private static void ComposeFooter(Column c, PageContext page, PackModel pack, DocumentTheme theme) => c
        .Row(r => r
            .Relative(x => x.Paragraph(Prepared(pack), theme.Small))
            .Relative(x => x.Paragraph(PageOf(page.Number, page.Total), theme.Small with { Align = TextAlign.Right })));

    private static void ComposeCover(Column c, PackModel pack, DocumentTheme theme, string title, string subtitle, string line, IReadOnlyList<(string Label, string Value)> facts) => c
        .Spacer(110)
        .Paragraph(title, theme.Title)
        .Paragraph(subtitle, theme.Heading2 with { Bold = false })
        .Paragraph(line, theme.Body with { Color = theme.Muted })
        .Spacer(18)
        .KeyValues(facts.Select(f => KeyValuePair.Create(f.Label, f.Value)))
        .Heading(SharedPurpose)
        .Markdown(pack.SharedPurpose)
        .PageBreak();

    private static void ComposeContents(Column c) => c
        .Heading(Contents, inContents: false)
        .TableOfContents(maxLevel: 2)
        .PageBreak();

    private static void ComposeOutcomes(Column c, PackModel pack)
    {
        c.Heading(Outcomes);
        if (pack.Outcomes.Count == 0)
        {
            c.Paragraph(NoOutcomes);
            return;
        }

        c.NumberedList(l =>
        {
            foreach (var outcome in pack.Outcomes)
            {
                l.Item(x => x.Paragraph(t => t.Bold(outcome.Title)).Paragraph(t => t.Italic(MeasuredBy).Text(outcome.HowMeasured)));
            }
        });
    }

    private static void ComposeStakeholders(Column c, PackModel pack)
    {
        c.Heading(Stakeholders).Table(t =>
        {
            t.RelativeColumn(3).RelativeColumn(4).RelativeColumn(3).RelativeColumn(3).Header([.. StakeholderColumns]);
            foreach (var member in pack.Members)
            {
                t.Row(x => x.Paragraph(t => t.Bold(member.Name)), x => x.Paragraph(RoleAndTitle(member)), x => x.Paragraph(Side(member.Role, pack)), x => x.Paragraph(member.TimeZone));
            }
        });

        c.KeepWithNext(k => k.Heading(Responsibilities, 2).Paragraph(ResponsibilitiesIntro));
        var rows = ResponsibilitiesOf(pack);
        if (rows.Count == 0)
        {
            c.Paragraph(NoTasks);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(3).RelativeColumn(4).FixedColumn(60).RelativeColumn(6).Header([.. ResponsibilityColumns]);
            foreach (var row in rows)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(row.Member.Name)),
                    x => x.Paragraph(row.Phase),
                    x => x.Paragraph(Owns(row)),
                    x => x.BulletList(l =>
                    {
                        foreach (var task in row.KeyTasks)
                        {
                            l.Item(task);
                        }
                    }));
            }
        });
    }

    private static void ComposeCommunication(Column c, PackModel pack)
    {
        c.KeepWithNext(k => k.Heading(Communication).Paragraph(CommunicationIntro))
            .Heading(Cadence, 2)
            .Table(t =>
            {
                t.RelativeColumn(2).RelativeColumn(3).RelativeColumn(3).Header([.. CadenceColumns]);
                foreach (var row in CadenceRows(pack))
                {
                    t.Row(row.Days, row.Dates, row.Frequency);
                }
            })
            .KeepWithNext(k => k.Paragraph(DigestHolds))
            .BulletList(l =>
            {
                foreach (var item in DigestContents(pack))
                {
                    l.Item(item);
                }
            })
            .Heading(Recipients, 2)
            .Table(t =>
            {
                t.RelativeColumn(3).RelativeColumn(3).RelativeColumn(3).RelativeColumn(3).Header([.. RecipientColumns]);
                foreach (var member in pack.Members)
                {
                    t.Row(member.Name, member.Role.DisplayName(), Receives(member), LocalTime(member));
                }
            });
    }

    private static void ComposeGlossary(Column c, IReadOnlyList<PackTerm> glossary)
    {
        c.Heading(Glossary);
        if (glossary.Count == 0)
        {
            c.Paragraph(NoTerms);
            return;
        }

        c.KeepWithNext(k => k.Paragraph(GlossaryIntro)).Table(t =>
        {
            t.RelativeColumn(2).RelativeColumn(2).RelativeColumn(5).Header([.. GlossaryColumns]);
            foreach (var term in glossary)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(term.ClientTerm)),
                    x => x.Paragraph(Term(term)),
                    x =>
                    {
                        x.Markdown(term.Definition);
                        if (!term.Agreed)
                        {
                            x.Paragraph(t => t.Italic(NotAgreed));
                        }
                    });
            }
        });
    }

    private static void ComposeTimeline(Column c, PackModel pack, DocumentTheme theme)
    {
        var chart = Chart(pack);
        c.Heading(Timeline).Timeline(chart).Paragraph(TimelineLegend(chart), theme.Small);
    }

    private static void ComposePlan(Column c, PackModel pack, DocumentTheme theme, string title, IReadOnlyList<PackTask> tasks, bool showOwner)
    {
        if (tasks.Count == 0)
        {
            c.Heading(title).Paragraph(NoTasks);
            return;
        }

        var phases = Phases(tasks);
        foreach (var phase in phases)
        {
            // A task is read as one card, kept on one page; the titles above a phase's first card stay with it.
            c.KeepTogether(k =>
            {
                if (phase == phases[0])
                {
                    k.Heading(title).Paragraph(PlanIntro(tasks, phases, showOwner));
                }

                k.Heading(phase.Title, 2).Paragraph(PhaseSummary(phase), theme.Small);
                ComposeTask(k, pack, theme, phase.Tasks[0], showOwner);
            });
            foreach (var task in phase.Tasks.Skip(1))
            {
                c.KeepTogether(k => ComposeTask(k, pack, theme, task, showOwner));
            }
        }
    }

    private static void ComposeTask(Column c, PackModel pack, DocumentTheme theme, PackTask task, bool showOwner) => c
        .Heading(task.Title, 3)
        .Paragraph(t =>
        {
            if (showOwner)
            {
                t.Bold(Owner(task)).Text(" · ");
            }

            t.Text(When(pack, task)).Text(" · ").Bold(Status(task));
            if (task.IsMilestone)
            {
                t.Text(" · ").Italic(MilestoneTag);
            }
        }, theme.Small)
        .Row(r => r
            .Relative(x => x.Paragraph(t => t.Bold(What)).Markdown(task.What))
            .Relative(x => x.Paragraph(t => t.Bold(Why)).Markdown(task.Why)));

    private static void ComposeMetrics(Column c, PackModel pack, DocumentTheme theme)
    {
        c.Heading(Metrics);
        if (pack.Metrics.Count == 0)
        {
            c.Paragraph(NoMetrics);
            return;
        }

        c.Table(t =>
        {
            t.RelativeColumn(3).RelativeColumn(2).RelativeColumn(2).RelativeColumn(3).RelativeColumn(4).Header([.. MetricColumns]);
            foreach (var metric in pack.Metrics)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(metric.Name)).Paragraph(Direction(metric), theme.Small),
                    x => x.Paragraph(Value(metric.Baseline, metric.Unit)),
                    x => x.Paragraph(Value(metric.Target, metric.Unit)),
                    x => x.Paragraph(Latest(metric)),
                    x => x.Paragraph(metric.HowMeasured));
            }
        });
    }

    private static void ComposeWins(Column c, PackModel pack, DocumentTheme theme)
    {
        c.Heading(Wins);
        if (pack.Wins.Count == 0)
        {
            c.Paragraph(NoWins);
            return;
        }

        c.BulletList(l =>
        {
            foreach (var win in pack.Wins)
            {
                l.Item(x => x.Paragraph(t => t.Bold(win.Title)).Paragraph(WinLine(win), theme.Small).Markdown(win.Body));
            }
        });
    }

    private static void ComposePeople(Column c, PackModel pack, DocumentTheme theme, PackMember member)
    {
        c.Heading(PeopleToMeet);
        var people = PeopleFor(pack, member);
        if (people.Count == 0)
        {
            c.Paragraph(NoPeople);
            return;
        }

        c.KeepWithNext(k => k.Paragraph(PeopleIntro)).Table(t =>
        {
            t.RelativeColumn(5).RelativeColumn(4).RelativeColumn(3).RelativeColumn(3).Header([.. PeopleColumns]);
            foreach (var person in people)
            {
                t.Row(
                    x => x.Paragraph(t => t.Bold(person.Name)).Paragraph(person.Email, theme.Small),
                    x => x.Paragraph(RoleAndTitle(person)),
                    x => x.Paragraph(Side(person.Role, pack)),
                    x => x.Paragraph(person.TimeZone));
            }
        });
    }

    private static string PageOf(int number, int total) =>
        string.Format(CultureInfo.InvariantCulture, PageOfFormat, number, total);
}
