using System.Globalization;
using System.Net;
using System.Text;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Markdown;
using static Onboarding.Core.Documents.PlanPack.PackContent;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>A link shown above the print view on screen (downloads, the way back); never printed.</summary>
public sealed record PackLink(string Text, string Url);

/// <summary>
/// The plan pack as one self-contained HTML page: the same sections and words as the PDF
/// (<see cref="PackComposer"/>), styled for screen and for the browser's print (A4, cover and
/// contents on their own pages, table headers repeated, tasks kept whole). Every piece of user
/// text goes through <see cref="E"/> or the Markdown renderer.
/// </summary>
public static class PackHtml
{
    public static string Render(PackModel pack, IReadOnlyList<PackLink> links)
    {
        pack = pack.InClientWords();
        var body = new Body();
        ComposeOutcomes(body, pack);
        ComposeStakeholders(body, pack);
        ComposeCommunication(body, pack);
        ComposeGlossary(body, pack.Glossary);
        ComposeMarketCards(body, pack);
        ComposeTimeline(body, pack);
        ComposePlan(body, pack);
        ComposeMetrics(body, pack);
        ComposeWins(body, pack);

        var brand = BrandColours.OrFallback(pack.BrandColour);
        var html = new StringBuilder(body.Html.Length + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append($"<title>{E(PackTitle(pack))} · Onboarding</title>\n")
            .Append($"<meta name=\"author\" content=\"{E(pack.ProviderName)}\">\n<meta name=\"description\" content=\"{E(PackSubject(pack))}\">\n")
            .Append("<style>\n").Append(Style.Replace("BRAND", brand, StringComparison.Ordinal)).Append("</style>\n</head>\n<body>\n");
        if (links.Count > 0)
        {
            html.Append("<nav class=\"actions\" aria-label=\"Plan pack\">\n");
            foreach (var link in links)
            {
                html.Append($"<a href=\"{E(link.Url)}\">{E(link.Text)}</a>\n");
            }

            html.Append("<span>Or print this page from your browser.</span>\n</nav>\n");
        }

        html.Append("<main>\n");
        ComposeCover(html, pack);
        ComposeContents(html, body.Headings);
        html.Append(body.Html).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void ComposeCover(StringBuilder html, PackModel pack)
    {
        html.Append("<header class=\"cover\">\n")
            .Append($"<h1>{E(pack.ClientName)}</h1>\n<p class=\"subtitle\">{E(pack.EngagementName)}</p>\n<p class=\"tagline\">{E(PackTagline)}</p>\n")
            .Append("<dl class=\"facts\">\n");
        foreach (var (label, value) in CoverFacts(pack))
        {
            html.Append($"<dt>{E(label)}</dt><dd>{E(value)}</dd>\n");
        }

        html.Append("</dl>\n")
            .Append($"<h2 id=\"purpose\">{E(SharedPurpose)}</h2>\n<div class=\"prose\">{MarkdownText.ToHtml(pack.SharedPurpose)}</div>\n")
            .Append("</header>\n");
    }

    private static void ComposeContents(StringBuilder html, IReadOnlyList<(int Level, string Title, string Id)> headings)
    {
        html.Append($"<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">{E(Contents)}</h2>\n<ol>\n");
        html.Append($"<li><a href=\"#purpose\">{E(SharedPurpose)}</a></li>\n");
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, title, id) = headings[i];
            html.Append($"<li><a href=\"#{id}\">{E(title)}</a>");
            var children = headings.Skip(i + 1).TakeWhile(h => h.Level > level).ToList();
            if (children.Count > 0)
            {
                html.Append("\n<ol>\n");
                foreach (var child in children)
                {
                    html.Append($"<li><a href=\"#{child.Id}\">{E(child.Title)}</a></li>\n");
                }

                html.Append("</ol>\n");
                i += children.Count;
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void ComposeOutcomes(Body b, PackModel pack)
    {
        b.Section(Outcomes);
        if (pack.Outcomes.Count == 0)
        {
            b.Paragraph(NoOutcomes);
        }
        else
        {
            b.Raw("<ol class=\"outcomes\">\n");
            foreach (var outcome in pack.Outcomes)
            {
                b.Raw($"<li><strong>{E(outcome.Title)}</strong><br><em>{E(MeasuredBy)}</em>{E(outcome.HowMeasured)}</li>\n");
            }

            b.Raw("</ol>\n");
        }

        b.EndSection();
    }

    private static void ComposeStakeholders(Body b, PackModel pack)
    {
        b.Section(Stakeholders);
        b.Table(StakeholderColumns, pack.Members.Select(m => new[] { Strong(m.Name), E(RoleAndTitle(m)), E(Side(m.Role, pack)), E(m.TimeZone) }));
        b.Subsection(Responsibilities);
        b.Paragraph(ResponsibilitiesIntro);
        var rows = ResponsibilitiesOf(pack);
        if (rows.Count == 0)
        {
            b.Paragraph(NoTasks);
        }
        else
        {
            b.Table(ResponsibilityColumns, rows.Select(r => new[]
            {
                Strong(r.Member.Name), E(r.Phase), E(Owns(r)), $"<ul>{string.Concat(r.KeyTasks.Select(t => $"<li>{E(t)}</li>"))}</ul>",
            }));
        }

        b.EndSection();
    }

    private static void ComposeCommunication(Body b, PackModel pack)
    {
        b.Section(Communication);
        b.Paragraph(CommunicationIntro);
        b.Subsection(Cadence);
        b.Table(CadenceColumns, CadenceRows(pack).Select(r => new[] { E(r.Days), E(r.Dates), E(r.Frequency) }));
        b.Paragraph(DigestHolds);
        b.Raw($"<ul>{string.Concat(DigestContents(pack).Select(d => $"<li>{E(d)}</li>"))}</ul>\n");
        b.Subsection(Recipients);
        b.Table(RecipientColumns, pack.Members.Select(m => new[] { E(m.Name), E(m.Role.DisplayName()), E(Receives(m)), E(LocalTime(m)) }));
        b.EndSection();
    }

    private static void ComposeGlossary(Body b, IReadOnlyList<PackTerm> glossary)
    {
        b.Section(Glossary);
        if (glossary.Count == 0)
        {
            b.Paragraph(NoTerms);
        }
        else
        {
            b.Paragraph(GlossaryIntro);
            b.Table(GlossaryColumns, glossary.Select(t => new[]
            {
                Strong(t.ClientTerm), E(Term(t)), MarkdownText.ToHtml(t.Definition) + (t.Agreed ? "" : $"<p><em>{E(NotAgreed)}</em></p>"),
            }));
        }

        b.EndSection();
    }

    /// <summary>As <see cref="PackMarketCards.Compose"/> prints them, with the same words.</summary>
    private static void ComposeMarketCards(Body b, PackModel pack)
    {
        if (pack.MarketCards.Count == 0)
        {
            return;
        }
        b.Section(PackMarketCards.Title);
        b.Paragraph(PackMarketCards.Intro);
        foreach (var location in pack.MarketCards)
        {
            b.Subsection(MarketCardText.Heading(location.LocationName));
            if (location.Card is not { } card)
            {
                b.Paragraph(PackMarketCards.NoCard);
                continue;
            }
            b.Paragraph(MarketCardText.Reviewed(card, pack.TimeZone));
            if (card.SalaryRanges.Count > 0)
            {
                b.Raw("<h4>Salary ranges</h4>\n").Table(MarketCardText.SalaryColumns, card.SalaryRanges.Select(r => new[] { Strong(r.RoleFamily), E(MarketCardText.Range(r)), E(r.Source), E(MarketCardText.AsOf(r)) }));
            }
            if (card.NoticePeriods.Count > 0)
            {
                b.Raw("<h4>Notice periods</h4>\n").Table(MarketCardText.NoticeColumns, card.NoticePeriods.Select(n => new[] { E(n.Tenure), E(n.Notice) }));
            }
            foreach (var (_, title, text) in MarketCardText.Sections(card).Where(s => s.Text.Length > 0))
            {
                b.Raw($"<h4>{E(title)}</h4>\n").Raw(MarkdownText.ToHtml(text));
            }
        }
        b.EndSection();
    }

    private static void ComposeTimeline(Body b, PackModel pack)
    {
        var chart = Chart(pack);
        b.Section(Timeline);
        b.Raw(TimelineSvg(chart));
        b.Raw($"<p class=\"small\">{E(TimelineLegend(chart))}</p>\n");
        b.EndSection();
    }

    private static void ComposePlan(Body b, PackModel pack)
    {
        b.Section(Plan);
        if (pack.Tasks.Count == 0)
        {
            b.Paragraph(NoTasks);
            b.EndSection();
            return;
        }

        var phases = Phases(pack.Tasks);
        b.Paragraph(PlanIntro(pack.Tasks, phases, withOwners: true));
        foreach (var phase in phases)
        {
            b.Subsection(phase.Title);
            b.Raw($"<p class=\"small\">{E(PhaseSummary(phase))}</p>\n");
            foreach (var task in phase.Tasks)
            {
                b.Raw("<article class=\"task\">\n")
                    .Raw($"<h4>{E(task.Title)}</h4>\n")
                    .Raw($"<p class=\"meta\"><strong>{E(Owner(task))}</strong> · {E(When(pack, task))} · <strong>{E(Status(task))}</strong>")
                    .Raw(task.IsMilestone ? $" · <em>{E(MilestoneTag)}</em></p>\n" : "</p>\n")
                    .Raw($"<div class=\"what-why\"><div><p class=\"label\">{What}</p>{MarkdownText.ToHtml(task.What)}</div>")
                    .Raw($"<div><p class=\"label\">{Why}</p>{MarkdownText.ToHtml(task.Why)}</div></div>\n")
                    .Raw("</article>\n");
            }
        }

        b.EndSection();
    }

    private static void ComposeMetrics(Body b, PackModel pack)
    {
        b.Section(Metrics);
        if (pack.Metrics.Count == 0)
        {
            b.Paragraph(NoMetrics);
        }
        else
        {
            b.Table(MetricColumns, pack.Metrics.Select(m => new[]
            {
                $"{Strong(m.Name)}<br><span class=\"small\">{E(Direction(m))}</span>", E(Value(m.Baseline, m.Unit)), E(Value(m.Target, m.Unit)), E(Latest(m)), E(m.HowMeasured),
            }));
        }

        b.EndSection();
    }

    private static void ComposeWins(Body b, PackModel pack)
    {
        b.Section(Wins);
        if (pack.Wins.Count == 0)
        {
            b.Paragraph(NoWins);
        }
        else
        {
            b.Raw("<ul class=\"wins\">\n");
            foreach (var win in pack.Wins)
            {
                b.Raw($"<li>{Strong(win.Title)}<br><span class=\"small\">{E(WinLine(win))}</span>{MarkdownText.ToHtml(win.Body)}</li>\n");
            }

            b.Raw("</ul>\n");
        }

        b.EndSection();
    }

    /// <summary>The timeline as inline SVG on a 700-unit-wide canvas (so its 11-unit text prints at about 8 points): bands, milestone diamonds with stacked labels, today's line.</summary>
    private static string TimelineSvg(TimelineChart chart)
    {
        const float Width = 700, AxisHeight = 22, BandHeight = 46, LaneHeight = 18, RowHeight = 18, CharWidth = 6.6f;
        var days = chart.TotalDays;
        float X(float day) => Math.Clamp((day - 1) / days * Width, 0, Width);
        string N(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        // Labels stack in rows so neighbours never overlap, estimated from their length.
        var rowsEnd = new List<float>();
        var labels = new List<(float MarkerX, float LabelX, int Row, string Text, bool IsGoLive)>();
        foreach (var milestone in chart.Milestones.OrderBy(m => m.Day))
        {
            var markerX = X(milestone.Day + 0.5f);
            var width = Math.Min(Width, milestone.Label.Length * CharWidth);
            var labelX = Math.Clamp(markerX - (width / 2), 0, Width - width);
            var row = rowsEnd.FindIndex(end => end + 8 <= labelX);
            if (row < 0)
            {
                rowsEnd.Add(0);
                row = rowsEnd.Count - 1;
            }

            rowsEnd[row] = labelX + width;
            labels.Add((markerX, labelX, row, milestone.Label, milestone.IsGoLive));
        }

        var laneY = AxisHeight + BandHeight + 6 + (LaneHeight / 2);
        var height = AxisHeight + BandHeight + 6 + (labels.Count == 0 ? 0 : LaneHeight + (rowsEnd.Count * RowHeight) + 4);
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"timeline\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"timeline-title\">")
            .Append($"<title id=\"timeline-title\">{E(TimelineLegend(chart))}</title>");
        var step = new[] { 5, 10, 15, 30, 60, 90 }.FirstOrDefault(s => days / s <= 8, 180);
        foreach (var day in new[] { 1 }.Concat(Enumerable.Range(1, days / step).Select(i => i * step)).Distinct())
        {
            var anchor = day == 1 ? "start" : X(day) > Width - 30 ? "end" : "middle";
            svg.Append($"<text x=\"{N(X(day))}\" y=\"14\" text-anchor=\"{anchor}\" class=\"tick\">Day {day}</text>");
        }

        foreach (var (phase, i) in chart.Phases.Select((p, i) => (p, i)))
        {
            var left = X(phase.StartDay);
            var right = Math.Max(left + 2, X(phase.EndDay + 1));
            svg.Append($"<rect x=\"{N(left + 1)}\" y=\"{N(AxisHeight)}\" width=\"{N(right - left - 2)}\" height=\"{N(BandHeight)}\" rx=\"4\" class=\"band{i % 4}\"/>")
                .Append($"<text x=\"{N(left + 8)}\" y=\"{N(AxisHeight + 19)}\" class=\"band-title\">{E(phase.Title)}</text>")
                .Append($"<text x=\"{N(left + 8)}\" y=\"{N(AxisHeight + 36)}\" class=\"tick\">Days {phase.StartDay}–{phase.EndDay}</text>");
        }

        if (labels.Count > 0)
        {
            svg.Append($"<rect x=\"0\" y=\"{N(laneY - 0.5f)}\" width=\"{N(Width)}\" height=\"1\" class=\"lane\"/>");
            foreach (var (markerX, labelX, row, text, isGoLive) in labels)
            {
                var top = laneY + (LaneHeight / 2) + (row * RowHeight);
                svg.Append($"<path d=\"M{N(markerX)} {N(laneY - 6)}l6 6l-6 6l-6-6z\" class=\"{(isGoLive ? "diamond go-live" : "diamond")}\"/>")
                    .Append($"<text x=\"{N(labelX)}\" y=\"{N(top + 12)}\" class=\"milestone\">{E(text)}</text>");
            }
        }

        if (chart.Today is { } today)
        {
            var todayX = N(X(today + 0.5f));
            svg.Append($"<line x1=\"{todayX}\" y1=\"{N(AxisHeight - 3)}\" x2=\"{todayX}\" y2=\"{N(height)}\" class=\"today\"/>");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Strong(string text) => $"<strong>{E(text)}</strong>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The pack's sections after the cover, and the headings the contents list links to.</summary>
    private sealed class Body
    {
        private readonly List<(int Level, string Title, string Id)> _headings = [];

        public StringBuilder Html { get; } = new(64 * 1024);

        public IReadOnlyList<(int Level, string Title, string Id)> Headings => _headings;

        public void Section(string title) => Html.Append("<section>\n").Append(Heading(1, title));

        public void EndSection() => Html.Append("</section>\n");

        public void Subsection(string title) => Html.Append(Heading(2, title));

        public void Paragraph(string text) => Html.Append($"<p>{E(text)}</p>\n");

        public Body Raw(string html)
        {
            Html.Append(html);
            return this;
        }

        /// <summary>A table whose cells are already HTML; the header row repeats on every printed page.</summary>
        public void Table(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
        {
            Html.Append("<table>\n<thead><tr>");
            foreach (var column in columns)
            {
                Html.Append($"<th scope=\"col\">{E(column)}</th>");
            }

            Html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                Html.Append("<tr>");
                foreach (var cell in row)
                {
                    Html.Append($"<td>{cell}</td>");
                }

                Html.Append("</tr>\n");
            }

            Html.Append("</tbody>\n</table>\n");
        }

        private string Heading(int level, string title)
        {
            var id = $"s{_headings.Count + 1}";
            _headings.Add((level, title, id));
            // The cover's title is the page's h1, so sections are h2 and their parts h3.
            return $"<h{level + 1} id=\"{id}\">{E(title)}</h{level + 1}>\n";
        }
    }

    private const string Style = """
        :root { --brand: BRAND; --ink: #1f2933; --muted: #4f5b67; --rule: #d3dce6; --fill: #f1f5f9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .75rem 1.25rem; background: var(--fill); border-bottom: 1px solid var(--rule); }
        .actions a { color: var(--brand); font-weight: bold; }
        .actions span { color: var(--muted); }
        a { color: var(--brand); }
        a:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
        h1, h2 { color: var(--brand); }
        h1 { font-size: 2.2rem; margin: 2rem 0 .25rem; }
        h2 { font-size: 1.4rem; margin: 2.25rem 0 .75rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
        h4 { font-size: 1rem; margin: 0 0 .1rem; }
        .subtitle { font-size: 1.3rem; margin: 0; }
        .tagline, .small, .meta { color: var(--muted); }
        .small, .meta { font-size: .85rem; margin: .1rem 0 .5rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; padding: .75rem 1rem; background: var(--fill); }
        .facts dt { font-weight: bold; }
        .facts dd { margin: 0; }
        .contents ol { padding-left: 1.5rem; }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
        th { text-align: left; background: var(--fill); border-bottom: 2px solid var(--brand); }
        th, td { padding: .3rem .5rem; vertical-align: top; }
        td { border-bottom: 1px solid var(--rule); }
        td p, td ul { margin: 0 0 .25rem; }
        td ul { padding-left: 1.1rem; }
        .task { padding: .6rem 0; border-top: 1px solid var(--rule); }
        .what-why { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
        .what-why p { margin: 0 0 .35rem; }
        .label { font-weight: bold; }
        .timeline { width: 100%; height: auto; font-size: 11px; }
        .timeline .tick { fill: var(--muted); }
        .timeline .band-title { font-weight: bold; fill: var(--ink); }
        .timeline .milestone { fill: var(--ink); }
        .timeline .band0 { fill: #d6e6f5; } .timeline .band1 { fill: #d5eee6; } .timeline .band2 { fill: #e8e1f3; } .timeline .band3 { fill: #f7e7d2; }
        .timeline .lane { fill: var(--rule); }
        .timeline .diamond { fill: var(--brand); }
        .timeline .diamond.go-live { fill: #b3261e; }
        .timeline .today { stroke: #c0392b; stroke-dasharray: 4 3; }
        @media (max-width: 40rem) { .what-why { grid-template-columns: 1fr; } }
        @media print {
          @page { size: A4; margin: 16mm 15mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .actions { display: none; }
          .cover, .contents { break-after: page; }
          h2, h3, h4 { break-after: avoid; }
          .task, tr, .timeline { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
