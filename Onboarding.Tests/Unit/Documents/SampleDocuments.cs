using Onboarding.Core.Documents;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>Documents shaped like the plan pack, built from small section methods as the real one will be.</summary>
internal static class SampleDocuments
{
    public static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly DocumentMetadata Metadata = new("Acme plan pack", "Northwind RPO", "First 90 days of the Acme engagement", Created);

    public static readonly string[] Phases = ["Days 1–30: Learn", "Days 31–60: Run together", "Days 61–90: Improve"];

    public static Document PlanPack(int tasks, int? today = 24)
    {
        return new Document(Metadata)
            .Header((c, page) =>
            {
                if (page.Number > 1)
                {
                    c.Row(r => r
                        .Relative(x => x.Paragraph("Acme · transition plan", Muted))
                        .Relative(x => x.Paragraph("Northwind RPO", Muted with { Align = TextAlign.Right })));
                }
            })
            .Footer((c, page) => c.Paragraph($"Page {page.Number} of {page.Total}", Muted with { Align = TextAlign.Right }))
            .Content(c =>
            {
                ComposeCover(c);
                c.Heading("Contents", inContents: false).TableOfContents().PageBreak();
                ComposePurpose(c);
                ComposeStakeholders(c);
                ComposeTimeline(c, today);
                ComposePlan(c, tasks);
            });
    }

    private static TextStyle Muted => DocumentTheme.Default.Small;

    private static void ComposeCover(Column c) => c
        .Spacer(180)
        .Paragraph("Acme Corporation", DocumentTheme.Default.Title)
        .Paragraph("Recruitment process outsourcing — the first 90 days", DocumentTheme.Default.Heading2 with { Bold = false })
        .Spacer(24)
        .KeyValues([
            new("Provider", "Northwind RPO"),
            new("Account leader", "Zażółć Ñandú Øster"),
            new("Kickoff", "2 March 2026"),
        ])
        .PageBreak();

    private static void ComposePurpose(Column c) => c
        .Heading("Shared purpose")
        .Markdown("""
            We hire **great engineers** for Acme, faster and with a *better candidate experience*.
            The plan below says what happens in the first 90 days and, for every step, **why**.
            Details live at https://example.com/engagements/acme/a-very-long-path/that-goes-on-and-on-without-any-natural-break-point-at-all?with=query&and=more.

            - Time to hire under **35 days**
            - Offer acceptance above 85%
            - Hiring-manager satisfaction of 4.5 / 5

            1. Learn how Acme hires today
            2. Run the process together
            3. Improve what the data shows
            """)
        .Heading("Outcomes", 2)
        .Checklist(l => l.Item("Kickoff held with the executive sponsor", done: true).Item("Service levels agreed and signed").Item("First weekly digest sent"));

    private static void ComposeStakeholders(Column c) => c
        .Heading("Stakeholders")
        .Table(t => t
            .RelativeColumn(2).RelativeColumn(2).FixedColumn(90)
            .Header("Name", "Role", "Time zone")
            .Row("Zażółć Ñandú Øster", "Account leader (provider)", "Europe/Warsaw")
            .Row("Dana Whitfield", "TA lead (client)", "America/Chicago")
            .Row("Kenji Watanabe", "Executive sponsor", "Asia/Tokyo"));

    private static void ComposeTimeline(Column c, int? today) => c
        .Heading("Timeline")
        .Timeline(new TimelineChart(
            [new("Learn", 1, 30), new("Run together", 31, 60), new("Improve", 61, 90)],
            [new("Kickoff", 1), new("SLA signed", 10), new("First hires", 28), new("Mid-point review", 45), new("Process audit", 50), new("90-day review", 90)],
            today));

    private static void ComposePlan(Column c, int tasks)
    {
        c.Heading("The 30/60/90 plan");
        for (var phase = 0; phase < Phases.Length; phase++)
        {
            c.Heading(Phases[phase], 2);
            var perPhase = (tasks / Phases.Length) + (phase < tasks % Phases.Length ? 1 : 0);
            c.Table(t =>
            {
                t.RelativeColumn(3).RelativeColumn(4).FixedColumn(70).FixedColumn(52)
                    .Header("Task", "Why", "Owner", "Due");
                for (var i = 1; i <= perPhase; i++)
                {
                    var n = i;
                    t.Row(
                        x => x.Paragraph(q => q.Bold($"{phase + 1}.{n} ").Text("Map the current hiring process with the TA lead")),
                        x => x.Markdown("So recruiters follow Acme's **real** steps from day one, not our defaults; gaps surface early."),
                        x => x.Paragraph("TA lead"),
                        x => x.Paragraph($"Day {(phase * 30) + Math.Min(30, n)}"));
                }
            });
        }
    }
}
