using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Metrics;

/// <summary>A small line chart of a metric's recorded values with its baseline and target, drawn on the server as SVG.</summary>
public static class MetricChart
{
    private const int Width = 320, Height = 120, Pad = 10;

    public static HtmlString Svg(Metric metric, IReadOnlyList<Measurement> values)
    {
        var points = values.OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt).ToList();
        var all = points.Select(p => p.Value).Concat(new[] { metric.Baseline, metric.Target }.OfType<decimal>()).ToList();
        var label = WebUtility.HtmlEncode($"{metric.Name}: {Describe(metric, points)}");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#f8fafb\" rx=\"6\"/>");
        if (all.Count == 0)
        {
            return new HtmlString(svg.Append("</svg>").ToString());
        }

        var min = all.Min();
        var max = all.Max();
        if (min == max)
        {
            min -= 1;
            max += 1;
        }
        double Y(decimal v) => Pad + (double)((max - v) / (max - min)) * (Height - 2 * Pad);
        double X(int i) => points.Count == 1 ? Width / 2.0 : Pad + i * (Width - 2.0 * Pad) / (points.Count - 1);

        if (metric.Baseline is { } baseline)
        {
            Line(svg, Y(baseline), "#8a96a3", "4 4", "baseline");
        }
        if (metric.Target is { } target)
        {
            Line(svg, Y(target), "#1e7a46", "2 3", "target");
        }
        if (points.Count > 1)
        {
            var path = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(p.Value):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"#1f5f8b\" stroke-width=\"2.5\"/>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(points[i].Value):0.#}\" r=\"3.5\" fill=\"#1f5f8b\"/>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void Line(StringBuilder svg, double y, string colour, string dash, string name) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{name}\" x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\"/>");

    public static string Describe(Metric metric, IReadOnlyList<Measurement> points)
    {
        var latest = points.Count == 0 ? "no values yet" : $"latest {points[^1].Value.ToString("0.##", CultureInfo.InvariantCulture)} {metric.Unit}";
        var baseline = metric.Baseline is { } b ? $", baseline {b.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        var target = metric.Target is { } t ? $", target {t.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        return latest + baseline + target;
    }
}
