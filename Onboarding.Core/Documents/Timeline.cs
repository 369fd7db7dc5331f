using System.Globalization;
using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>A stretch of the engagement, drawn as a band from <see cref="StartDay"/> to <see cref="EndDay"/> (inclusive, day 1 is kickoff).</summary>
public sealed record TimelinePhase(string Title, int StartDay, int EndDay);

/// <param name="IsGoLive">Drawn in the go-live colour, so the day the service goes live stands out from the plan's milestones.</param>
public sealed record TimelineMilestone(string Label, int Day, bool IsGoLive = false);

/// <summary>Phases as bands, milestones as markers, and optionally a line at <see cref="Today"/>.</summary>
public sealed record TimelineChart(
    IReadOnlyList<TimelinePhase> Phases,
    IReadOnlyList<TimelineMilestone> Milestones,
    int? Today = null)
{
    public int TotalDays => Math.Max(1, Phases.Select(p => p.EndDay).Concat(Milestones.Select(m => m.Day)).DefaultIfEmpty(1).Max());

    /// <summary>The chart in words, for readers who cannot see it (the PDF figure's alternative text).</summary>
    public string Describe()
    {
        var parts = new List<string> { $"Timeline of {TotalDays.ToString(CultureInfo.InvariantCulture)} days." };
        if (Phases.Count > 0)
        {
            parts.Add("Phases: " + string.Join("; ", Phases.Select(p => $"{p.Title}, days {p.StartDay}–{p.EndDay}")) + ".");
        }

        if (Milestones.Count > 0)
        {
            parts.Add("Milestones: " + string.Join("; ", Milestones.OrderBy(m => m.Day).Select(m => $"{m.Label}, day {m.Day}")) + ".");
        }

        if (Today is { } today)
        {
            parts.Add($"Today is day {today.ToString(CultureInfo.InvariantCulture)}.");
        }

        return string.Join(" ", parts);
    }
}

/// <summary>A line of text placed at <see cref="Left"/>, <see cref="Top"/> inside the chart.</summary>
internal sealed record PlacedText(TextLine Line, float Left, float Top)
{
    public SKRect Box => SKRect.Create(Left, Top, Line.Width, Line.Height);
}

/// <summary>A milestone's marker and its label (all milestones of one day share one).</summary>
internal sealed record MilestoneLabel(float MarkerX, SKRect Box, IReadOnlyList<PlacedText> Lines, bool IsGoLive);

/// <summary>A vertical line from <see cref="Top"/> to <see cref="Bottom"/>.</summary>
internal readonly record struct Segment(float X, float Top, float Bottom);

/// <summary>
/// Where everything of a timeline goes, in chart coordinates (0,0 top left). Text boxes never
/// overlap each other, and no line crosses a text box: lines are cut where text sits.
/// </summary>
internal sealed record TimelineLayout(
    float Height,
    IReadOnlyList<PlacedText> Ticks,
    IReadOnlyList<(SKRect Band, IReadOnlyList<PlacedText> Lines)> Bands,
    float LaneY,
    IReadOnlyList<MilestoneLabel> Labels,
    IReadOnlyList<Segment> Leaders,
    IReadOnlyList<Segment> Today)
{
    private const float BandPadding = 5;
    private const float MilestoneLane = 16;
    private const float MaxLabelWidth = 120;
    private const float MarkerRadius = 5;

    /// <summary>Space kept between two labels, and between a label and a line.</summary>
    public const float Gap = 3;

    /// <summary>Every piece of text of the chart: axis labels, phase titles, milestone labels.</summary>
    public IEnumerable<SKRect> TextBoxes =>
        Ticks.Select(t => t.Box).Concat(Bands.SelectMany(b => b.Lines).Select(l => l.Box)).Concat(Labels.Select(l => l.Box));

    public static TimelineLayout Arrange(TimelineChart chart, float width, LayoutContext context)
    {
        var theme = context.Theme;
        var days = chart.TotalDays;
        float X(float day) => Math.Clamp((day - 1) / days * width, 0, width);
        var small = theme.Small;
        var label = small with { Color = theme.Body.Color };

        // Axis labels on top.
        var step = new[] { 5, 10, 15, 30, 60, 90 }.FirstOrDefault(s => days / s <= 8, 180);
        var ticks = new List<PlacedText>();
        foreach (var day in new[] { 1 }.Concat(Enumerable.Range(1, days / step).Select(i => i * step)).Distinct())
        {
            var text = context.Lines([new TextSpan($"Day {day.ToString(CultureInfo.InvariantCulture)}")], small, width)[0];
            var left = Math.Clamp(X(day) - (text.Width / 2), 0, width - text.Width);
            // Day 1 and day 5 can be closer than their labels are wide; the later one gives way.
            if (ticks.Count == 0 || ticks[^1].Left + ticks[^1].Line.Width + Gap <= left)
            {
                ticks.Add(new PlacedText(text, left, 0));
            }
        }

        var axisHeight = ticks.Count > 0 ? ticks.Max(t => t.Line.Height) + 3 : 0;

        // Phase bands, all as tall as the tallest title.
        var measured = chart.Phases.Select(p =>
        {
            var left = X(p.StartDay);
            var right = Math.Max(left + 2, X(p.EndDay + 1));
            var inner = Math.Max(1, right - left - (2 * BandPadding));
            var title = context.Lines([new TextSpan(p.Title, Bold: true)], label, inner);
            var range = context.Lines([new TextSpan($"Days {p.StartDay}–{p.EndDay}")], small, inner);
            return (Left: left, Right: right, Lines: title.Concat(range).ToList());
        }).ToList();
        var bandHeight = measured.Count == 0 ? 0 : measured.Max(b => b.Lines.Sum(l => l.Height)) + (2 * BandPadding);
        var bands = measured.Select(b =>
        {
            var rect = new SKRect(b.Left + 1, axisHeight, b.Right - 1, axisHeight + bandHeight);
            var top = rect.Top + BandPadding;
            var lines = new List<PlacedText>();
            foreach (var line in b.Lines)
            {
                lines.Add(new PlacedText(line, rect.Left + BandPadding - 1, top));
                top += line.Height;
            }

            return (rect, (IReadOnlyList<PlacedText>)lines);
        }).ToList();

        var milestoneTop = axisHeight + bandHeight + 6;
        var laneY = milestoneTop + (MilestoneLane / 2);
        var rowsTop = milestoneTop + MilestoneLane;
        var labels = Place(chart, width, context, label, X, rowsTop);
        var height = labels.Count == 0 ? milestoneTop : labels.Max(l => l.Box.Bottom) + 2;

        var boxes = ticks.Select(t => t.Box).Concat(bands.SelectMany(b => b.Item2).Select(l => l.Box)).Concat(labels.Select(l => l.Box)).ToList();
        var leaders = labels
            .Where(l => l.Box.Top > laneY + MarkerRadius)
            .SelectMany(l => Around(new Segment(l.MarkerX, laneY + MarkerRadius, l.Box.Top), boxes))
            .ToList();
        var today = chart.Today is { } day1
            ? Around(new Segment(X(day1 + 0.5f), axisHeight - 2, height), boxes)
            : [];
        return new TimelineLayout(height, ticks, bands, labels.Count == 0 ? -1 : laneY, labels, leaders, today);
    }

    // Labels hang below the lane in rows, each from its marker's leader: right of it if there is
    // room, else centred on it, else left of it. Each takes the first row where it overlaps no
    // label, covers no leader going further down, and its own leader passes no label above it.
    // Placed from the last day back, a label to the right of its leader never covers the leaders
    // of earlier days, so most labels find a row near the lane.
    private static List<MilestoneLabel> Place(
        TimelineChart chart, float width, LayoutContext context, TextStyle style, Func<float, float> x, float rowsTop)
    {
        var days = chart.Milestones.GroupBy(m => m.Day).OrderByDescending(g => g.Key).ToList();
        var texts = days.Select(d => context.Lines([new TextSpan(string.Join(" · ", d.Select(m => m.Label)))], style, Math.Min(MaxLabelWidth, width))).ToList();
        var rowHeight = texts.Count == 0 ? 0 : texts.Max(t => t.Sum(l => l.Height)) + Gap;
        var placed = new List<(float Marker, SKRect Box, int Row)>();
        var labels = new List<MilestoneLabel>();
        for (var i = 0; i < days.Count; i++)
        {
            var marker = x(days[i].Key + 0.5f);
            var lines = texts[i];
            var labelWidth = lines.Max(l => l.Width);
            var labelHeight = lines.Sum(l => l.Height);
            float[] lefts =
            [
                Math.Clamp(marker - 2, 0, Math.Max(0, width - labelWidth)),
                Math.Clamp(marker - (labelWidth / 2), 0, Math.Max(0, width - labelWidth)),
                Math.Clamp(marker + 2 - labelWidth, 0, Math.Max(0, width - labelWidth)),
            ];

            SKRect Box(float left, int row) => SKRect.Create(left, rowsTop + (row * rowHeight), labelWidth, labelHeight);

            var rows = placed.Count == 0 ? 0 : placed.Max(p => p.Row) + 1;
            var choice = Enumerable.Range(0, rows + 1)
                .SelectMany(row => lefts.Select(left => (Row: row, Box: Box(left, row))))
                .Where(c => placed.All(p => !Near(p.Box, c.Box)
                    && !(p.Row > c.Row && Covers(c.Box, p.Marker))
                    && !(p.Row < c.Row && Covers(p.Box, marker))))
                .Select(c => ((int Row, SKRect Box)?)c)
                .FirstOrDefault()
                // The new row always fits; only its leader may pass a label above, and is cut there.
                ?? (rows, Box(lefts[0], rows));
            placed.Add((marker, choice.Box, choice.Row));
            var top = choice.Box.Top;
            var placedLines = new List<PlacedText>();
            foreach (var line in lines)
            {
                placedLines.Add(new PlacedText(line, choice.Box.Left, top));
                top += line.Height;
            }

            labels.Add(new MilestoneLabel(marker, choice.Box, placedLines, days[i].Any(m => m.IsGoLive)));
        }

        labels.Reverse();
        return labels;
    }

    private static bool Near(SKRect a, SKRect b) =>
        a.Left < b.Right + Gap && b.Left < a.Right + Gap && a.Top < b.Bottom + Gap && b.Top < a.Bottom + Gap;

    private static bool Covers(SKRect box, float x) => x > box.Left - Gap && x < box.Right + Gap;

    // The parts of a vertical line that keep Gap away from every box.
    private static List<Segment> Around(Segment line, IReadOnlyList<SKRect> boxes)
    {
        var cuts = boxes
            .Where(b => Covers(b, line.X))
            .Select(b => (Top: b.Top - Gap, Bottom: b.Bottom + Gap))
            .OrderBy(c => c.Top)
            .ToList();
        var segments = new List<Segment>();
        var top = line.Top;
        foreach (var (cutTop, cutBottom) in cuts)
        {
            if (cutTop > top)
            {
                segments.Add(new Segment(line.X, top, Math.Min(cutTop, line.Bottom)));
            }

            top = Math.Max(top, cutBottom);
            if (top >= line.Bottom)
            {
                break;
            }
        }

        if (top < line.Bottom)
        {
            segments.Add(new Segment(line.X, top, line.Bottom));
        }

        return segments.Where(s => s.Bottom > s.Top).ToList();
    }
}

internal sealed class TimelineBlock(TimelineChart chart) : Block
{
    private static readonly SKColor GoLiveColour = new(0xB3, 0x26, 0x1E);
    private static readonly SKColor TodayColour = new(0xC0, 0x39, 0x2B);

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var theme = context.Theme;
        var layout = TimelineLayout.Arrange(chart, width, context);

        void Paint(DrawContext c, float x, float y)
        {
            // The canvas is taken afresh for each shape, so text gathered before it is drawn first.
            foreach (var tick in layout.Ticks)
            {
                c.DrawLine(tick.Line, x + tick.Left, y + tick.Top);
            }

            for (var i = 0; i < layout.Bands.Count; i++)
            {
                var (band, lines) = layout.Bands[i];
                band.Offset(x, y);
                c.Canvas.DrawRoundRect(band, 3, 3, c.Fill(theme.Bands[i % theme.Bands.Count]));
                foreach (var line in lines)
                {
                    c.DrawLine(line.Line, x + line.Left, y + line.Top);
                }
            }

            var grid = c.Fill(theme.Rule);
            if (layout.Labels.Count > 0)
            {
                var laneY = y + layout.LaneY;
                c.Canvas.DrawRect(x, laneY - 0.4f, width, 0.8f, grid);
                foreach (var leader in layout.Leaders)
                {
                    c.Canvas.DrawRect(x + leader.X - 0.25f, y + leader.Top, 0.5f, leader.Bottom - leader.Top, grid);
                }

                foreach (var milestone in layout.Labels)
                {
                    var markerX = x + milestone.MarkerX;
                    using var diamond = new SKPath();
                    diamond.MoveTo(markerX, laneY - 5);
                    diamond.LineTo(markerX + 5, laneY);
                    diamond.LineTo(markerX, laneY + 5);
                    diamond.LineTo(markerX - 5, laneY);
                    diamond.Close();
                    c.Canvas.DrawPath(diamond, milestone.IsGoLive ? c.Fill(GoLiveColour) : c.Fill(theme.Accent));
                    foreach (var line in milestone.Lines)
                    {
                        c.DrawLine(line.Line, x + line.Left, y + line.Top);
                    }
                }
            }

            if (layout.Today.Count > 0)
            {
                using var dash = SKPathEffect.CreateDash([3, 2], 0);
                using var dashed = new SKPaint { Color = TodayColour, IsStroke = true, StrokeWidth = 1, PathEffect = dash };
                foreach (var segment in layout.Today)
                {
                    c.Canvas.DrawLine(x + segment.X, y + segment.Top, x + segment.X, y + segment.Bottom, dashed);
                }
            }
        }

        var figure = context.Structure.Add("Figure", alt: chart.Describe());
        return [new PaintSlice(layout.Height, Paint) { KeepTogether = true, SpaceBefore = 6, SpaceAfter = theme.BlockSpacing + 4, Tag = figure }];
    }
}
