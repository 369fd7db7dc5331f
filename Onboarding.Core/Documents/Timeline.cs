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
}

internal sealed class TimelineBlock(TimelineChart chart) : Block
{
    private const float BandPadding = 5;
    private const float LabelGap = 6;
    private const float MilestoneLane = 16;
    private const float MaxLabelWidth = 120;
    private static readonly SKColor GoLiveColour = new(0xB3, 0x26, 0x1E);

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var theme = context.Theme;
        var days = chart.TotalDays;
        float X(float day) => Math.Clamp((day - 1) / days * width, 0, width);
        var small = theme.Small;
        var label = small with { Color = theme.Body.Color };

        // Axis labels on top.
        var step = new[] { 5, 10, 15, 30, 60, 90 }.FirstOrDefault(s => days / s <= 8, 180);
        var ticks = new List<(float X, TextLine Text)>();
        foreach (var day in new[] { 1 }.Concat(Enumerable.Range(1, days / step).Select(i => i * step)).Distinct())
        {
            var text = context.Lines([new TextSpan($"Day {day.ToString(CultureInfo.InvariantCulture)}")], small, width)[0];
            ticks.Add((Math.Clamp(X(day) - (text.Width / 2), 0, width - text.Width), text));
        }

        var axisHeight = ticks.Count > 0 ? ticks.Max(t => t.Text.Height) + 3 : 0;

        // Phase bands, all as tall as the tallest title.
        var bands = chart.Phases.Select(p =>
        {
            var left = X(p.StartDay);
            var right = Math.Max(left + 2, X(p.EndDay + 1));
            var inner = Math.Max(1, right - left - (2 * BandPadding));
            var title = context.Lines([new TextSpan(p.Title, Bold: true)], label, inner);
            var range = context.Lines([new TextSpan($"Days {p.StartDay}–{p.EndDay}")], small, inner);
            return (Left: left, Right: right, Lines: title.Concat(range).ToList());
        }).ToList();
        var bandHeight = bands.Count == 0 ? 0 : bands.Max(b => b.Lines.Sum(l => l.Height)) + (2 * BandPadding);

        // Milestone labels, stacked in rows so neighbours never overlap.
        var rowsEnd = new List<float>();
        var labels = new List<(float MarkerX, float X, int Row, IReadOnlyList<TextLine> Lines, bool IsGoLive)>();
        foreach (var milestone in chart.Milestones.OrderBy(m => m.Day))
        {
            var markerX = X(milestone.Day + 0.5f);
            var lines = context.Lines([new TextSpan(milestone.Label)], label, Math.Min(MaxLabelWidth, width));
            var labelWidth = lines.Max(l => l.Width);
            var labelX = Math.Clamp(markerX - (labelWidth / 2), 0, width - labelWidth);
            var row = rowsEnd.FindIndex(end => end + LabelGap <= labelX);
            if (row < 0)
            {
                rowsEnd.Add(0);
                row = rowsEnd.Count - 1;
            }

            rowsEnd[row] = labelX + labelWidth;
            labels.Add((markerX, labelX, row, lines, milestone.IsGoLive));
        }

        var rowHeight = labels.Count == 0 ? 0 : labels.Max(l => l.Lines.Sum(t => t.Height)) + 2;
        var milestoneTop = axisHeight + bandHeight + 6;
        var height = milestoneTop + (labels.Count == 0 ? 0 : MilestoneLane + (rowsEnd.Count * rowHeight));

        void Paint(DrawContext c, float x, float y)
        {
            // The canvas is taken afresh for each shape, so text gathered before it is drawn first.
            var grid = c.Fill(theme.Rule);
            foreach (var (tickX, text) in ticks)
            {
                c.DrawLine(text, x + tickX, y);
            }

            for (var i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                var rect = new SKRect(x + band.Left + 1, y + axisHeight, x + band.Right - 1, y + axisHeight + bandHeight);
                c.Canvas.DrawRoundRect(rect, 3, 3, c.Fill(theme.Bands[i % theme.Bands.Count]));
                var top = rect.Top + BandPadding;
                foreach (var line in band.Lines)
                {
                    c.DrawLine(line, rect.Left + BandPadding - 1, top);
                    top += line.Height;
                }
            }

            if (labels.Count > 0)
            {
                var laneY = y + milestoneTop + (MilestoneLane / 2);
                c.Canvas.DrawRect(x, laneY - 0.4f, width, 0.8f, grid);
                foreach (var (markerX, labelX, row, lines, isGoLive) in labels)
                {
                    using var diamond = new SKPath();
                    diamond.MoveTo(x + markerX, laneY - 5);
                    diamond.LineTo(x + markerX + 5, laneY);
                    diamond.LineTo(x + markerX, laneY + 5);
                    diamond.LineTo(x + markerX - 5, laneY);
                    diamond.Close();
                    c.Canvas.DrawPath(diamond, isGoLive ? c.Fill(GoLiveColour) : c.Fill(theme.Accent));
                    var top = y + milestoneTop + MilestoneLane + (row * rowHeight);
                    if (row > 0)
                    {
                        c.Canvas.DrawRect(x + markerX - 0.25f, laneY + 5, 0.5f, top - laneY - 5, grid);
                    }

                    foreach (var line in lines)
                    {
                        c.DrawLine(line, x + labelX, top);
                        top += line.Height;
                    }
                }
            }

            if (chart.Today is { } today)
            {
                var todayX = x + X(today + 0.5f);
                using var dash = SKPathEffect.CreateDash([3, 2], 0);
                using var dashed = new SKPaint
                {
                    Color = new SKColor(0xC0, 0x39, 0x2B),
                    IsStroke = true,
                    StrokeWidth = 1,
                    PathEffect = dash,
                };
                c.Canvas.DrawLine(todayX, y + axisHeight - 2, todayX, y + height, dashed);
            }
        }

        return [new PaintSlice(height, Paint) { KeepTogether = true, SpaceBefore = 6, SpaceAfter = theme.BlockSpacing + 4 }];
    }
}
