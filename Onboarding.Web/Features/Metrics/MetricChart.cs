using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Metrics;

/// <summary>
/// A line chart of a metric's recorded values with its baseline and target, drawn on the server as SVG: a value axis
/// with its lowest, middle and highest value, the dates of the first and last values, and the target and baseline
/// lines named. Screen readers get the same values from the table the page puts under it (<see cref="Points"/>).
/// </summary>
public static class MetricChart
{
    private const int Width = 360, Height = 180, Left = 48, Right = 12, Top = 12, Bottom = 30;
    private const string Axis = "#5f6b76";

    /// <summary>The values in the order the chart draws them: by the day measured, then by when recorded.</summary>
    public static IReadOnlyList<Measurement> Points(IEnumerable<Measurement> values) =>
        values.OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt).ToList();

    public static HtmlString Svg(Metric metric, IReadOnlyList<Measurement> values)
    {
        var points = Points(values);
        var all = points.Select(p => p.Value).Concat(new[] { metric.Baseline, metric.Target }.OfType<decimal>()).ToList();
        var label = WebUtility.HtmlEncode($"{metric.Name}: {Describe(metric, points)}");
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{label}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#f8fafb\" rx=\"6\"/>");
        if (all.Count == 0)
        {
            Text(svg, Width / 2.0, Height / 2.0, "middle", Axis, "No values yet");
            return new HtmlString(svg.Append("</svg>").ToString());
        }

        var min = all.Min();
        var max = all.Max();
        if (min == max)
        {
            min -= 1;
            max += 1;
        }
        const double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double Y(decimal v) => Top + (double)((max - v) / (max - min)) * plotHeight;
        double X(int i) => points.Count == 1 ? Left + plotWidth / 2 : Left + i * plotWidth / (points.Count - 1);

        // The axes and their labels: values on the left, dates along the bottom.
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{Left},{Top} V{Height - Bottom} H{Width - Right}\" fill=\"none\" stroke=\"{Axis}\"/>");
        foreach (var tick in new[] { max, (min + max) / 2, min })
        {
            Text(svg, Left - 6, Y(tick) + 4, "end", Axis, Number(tick));
        }
        if (points.Count > 0)
        {
            Text(svg, X(0), Height - Bottom + 16, points.Count == 1 ? "middle" : "start", Axis, points[0].MeasuredOn.ToString("d MMM", CultureInfo.InvariantCulture));
        }
        if (points.Count > 1)
        {
            Text(svg, X(points.Count - 1), Height - Bottom + 16, "end", Axis, points[^1].MeasuredOn.ToString("d MMM", CultureInfo.InvariantCulture));
        }

        if (metric.Baseline is { } baseline)
        {
            Line(svg, Y(baseline), "#8a96a3", "4 4", "baseline", $"Baseline {Number(baseline)}");
        }
        if (metric.Target is { } target)
        {
            Line(svg, Y(target), "#1e7a46", "2 3", "target", $"Target {Number(target)}");
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

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder svg, double y, string colour, string dash, string name, string text)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{name}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{colour}\" stroke-dasharray=\"{dash}\"/>");
        Text(svg, Width - Right - 2, y - 4, "end", colour, text);
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string colour, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" fill=\"{colour}\">{WebUtility.HtmlEncode(text)}</text>");

    public static string Describe(Metric metric, IReadOnlyList<Measurement> points)
    {
        var latest = points.Count == 0 ? "no values yet" : $"latest {points[^1].Value.ToString("0.##", CultureInfo.InvariantCulture)} {metric.Unit}";
        var baseline = metric.Baseline is { } b ? $", baseline {b.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        var target = metric.Target is { } t ? $", target {t.ToString("0.##", CultureInfo.InvariantCulture)}" : "";
        return latest + baseline + target;
    }
}
