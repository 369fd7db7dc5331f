using System.Globalization;
using SkiaSharp;

namespace Onboarding.Core.Documents;

public sealed record LineChartPoint(DateOnly On, decimal Value);

/// <summary>
/// A metric's values over time against its target (and baseline), with labelled axes; <paramref name="Description"/>
/// is the figure's alternative text in a tagged PDF.
/// </summary>
public sealed record LineChart(string Unit, IReadOnlyList<LineChartPoint> Points, decimal? Baseline, decimal? Target, string Description);

/// <summary>
/// Draws a <see cref="LineChart"/>: values as a line with dots, the target and baseline as labelled dashed
/// lines, the value axis labelled with its lowest and highest value and the date axis with the first and last
/// date. A chart says nothing to a screen reader, so composers put the values in a table beside it.
/// </summary>
internal sealed class LineChartBlock(LineChart chart) : Block
{
    private const float PlotHeight = 90;
    private const float Gap = 4;
    private static readonly SKColor ValueColour = new(0x1F, 0x5F, 0x8B);
    private static readonly SKColor TargetColour = new(0x1E, 0x7A, 0x46);
    private static readonly SKColor BaselineColour = new(0x8A, 0x96, 0xA3);

    public override IEnumerable<Slice> Layout(LayoutContext context, float width)
    {
        var small = context.Theme.Small;
        TextLine Label(string text, TextStyle? style = null) => context.Lines([new TextSpan(text)], style ?? small, width)[0];

        var values = chart.Points.Select(p => p.Value).Concat(new[] { chart.Baseline, chart.Target }.OfType<decimal>()).ToList();
        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        if (min == max)
        {
            (min, max) = (min - 1, max + 1);
        }

        var top = Label(Number(max));
        var bottom = Label(Number(min));
        var axisWidth = Math.Max(top.Width, bottom.Width) + Gap;
        var plotWidth = Math.Max(20, width - axisWidth - 70);
        var first = chart.Points.Count > 0 ? Label(Date(chart.Points[0].On)) : null;
        var last = chart.Points.Count > 1 ? Label(Date(chart.Points[^1].On)) : null;
        var target = chart.Target is { } t ? Label($"Target {Number(t)}", small with { Color = TargetColour }) : null;
        var baseline = chart.Baseline is { } b ? Label($"Baseline {Number(b)}", small with { Color = BaselineColour }) : null;
        var unit = Label(chart.Unit);
        var none = chart.Points.Count == 0 ? Label("No values recorded yet") : null;
        var height = unit.Height + Gap + PlotHeight + Gap + (first?.Height ?? bottom.Height);

        float Y(decimal v) => unit.Height + Gap + (float)((max - v) / (max - min)) * PlotHeight;
        float X(int i) => axisWidth + (chart.Points.Count == 1 ? plotWidth / 2 : i * plotWidth / (chart.Points.Count - 1));

        void Paint(DrawContext c, float x, float y)
        {
            var plotTop = y + unit.Height + Gap;
            c.DrawLine(unit, x, y);
            c.DrawLine(top, x + axisWidth - Gap - top.Width, y + Y(max) - (top.Height / 2));
            c.DrawLine(bottom, x + axisWidth - Gap - bottom.Width, y + Y(min) - (bottom.Height / 2));
            if (first is not null)
            {
                c.DrawLine(first, x + X(0) - (chart.Points.Count == 1 ? first.Width / 2 : 0), plotTop + PlotHeight + Gap);
            }

            if (last is not null)
            {
                c.DrawLine(last, x + axisWidth + plotWidth - last.Width, plotTop + PlotHeight + Gap);
            }

            if (none is not null)
            {
                c.DrawLine(none, x + axisWidth + ((plotWidth - none.Width) / 2), plotTop + ((PlotHeight - none.Height) / 2));
            }

            if (target is not null)
            {
                Reference(c, x, y, chart.Target!.Value, target, TargetColour, 0);
            }

            if (baseline is not null)
            {
                // Labels of a target and baseline close together would print over each other: the baseline's moves below.
                var clash = target is not null && Math.Abs(Y(chart.Target!.Value) - Y(chart.Baseline!.Value)) < target.Height;
                Reference(c, x, y, chart.Baseline!.Value, baseline, BaselineColour, clash ? target!.Height : 0);
            }

            // The canvas is taken afresh for each shape, so text gathered before it is drawn first.
            var axis = c.Stroke(c.Theme.Rule, 1);
            c.Canvas.DrawLine(x + axisWidth, plotTop, x + axisWidth, plotTop + PlotHeight, axis);
            c.Canvas.DrawLine(x + axisWidth, plotTop + PlotHeight, x + axisWidth + plotWidth, plotTop + PlotHeight, axis);
            var pen = c.Stroke(ValueColour, 2);
            for (var i = 1; i < chart.Points.Count; i++)
            {
                c.Canvas.DrawLine(x + X(i - 1), y + Y(chart.Points[i - 1].Value), x + X(i), y + Y(chart.Points[i].Value), pen);
            }

            for (var i = 0; i < chart.Points.Count; i++)
            {
                c.Canvas.DrawCircle(x + X(i), y + Y(chart.Points[i].Value), 2.5f, c.Fill(ValueColour));
            }
        }

        void Reference(DrawContext c, float x, float y, decimal value, TextLine label, SKColor colour, float shift)
        {
            var lineY = y + Y(value);
            c.DrawLine(label, x + axisWidth + plotWidth + Gap, lineY - (label.Height / 2) + shift);
            using var dash = SKPathEffect.CreateDash([3, 2], 0);
            using var dashed = new SKPaint { Color = colour, IsStroke = true, StrokeWidth = 1, PathEffect = dash, IsAntialias = true };
            c.Canvas.DrawLine(x + axisWidth, lineY, x + axisWidth + plotWidth, lineY, dashed);
        }

        var figure = context.Structure.Add("Figure", alt: chart.Description);
        return [new PaintSlice(height, Paint) { KeepTogether = true, SpaceBefore = 4, SpaceAfter = context.Theme.BlockSpacing, Tag = figure }];
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);
}
