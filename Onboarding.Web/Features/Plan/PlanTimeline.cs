using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Onboarding.Core.Engagements;
using Onboarding.Core.Text;

namespace Onboarding.Web.Features.Plan;

public sealed record TimelinePhase(string Title, DateOnly Start, DateOnly End);

/// <param name="IsGoLive">Go-live is drawn as a flag-red diamond so it stands out from the plan's own milestones.</param>
public sealed record TimelineMilestone(string Title, DateOnly Date, bool Reached, bool IsGoLive = false);

/// <summary>The plan at a glance, drawn on the server as SVG: phases as bands, milestones as diamonds, a line for today.</summary>
public static class PlanTimeline
{
    private const int Width = 900, BandTop = 28, BandHeight = 34, Left = 10, Right = 10, LabelRows = 4, RowHeight = 16;
    private const double CharWidth = 6.2; // an 11px system-ui character, on average

    public static HtmlString Svg(DateOnly kickoff, IReadOnlyList<TimelinePhase> phases, IReadOnlyList<TimelineMilestone> milestones, DateOnly today)
    {
        var first = kickoff;
        var last = new[] { kickoff.AddDays(89) }.Concat(phases.Select(p => p.End)).Concat(milestones.Select(m => m.Date)).Max();
        var span = Math.Max(1, last.DayNumber - first.DayNumber + 1);
        double X(DateOnly d) => Left + (double)(d.DayNumber - first.DayNumber) / span * (Width - Left - Right);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string E(string s) => WebUtility.HtmlEncode(s);

        var bands = Bands(phases);
        var markers = Markers(milestones, X);
        var diamondY = BandTop + BandHeight + 22;
        var height = diamondY + 22 + Math.Max(1, markers.Select(m => m.Row + 1).DefaultIfEmpty(0).Max()) * RowHeight;

        var svg = new StringBuilder();
        var label = $"Timeline from {first:d MMM yyyy} to {last:d MMM yyyy}: {Words.Count(bands.Count, "phase")}, {Words.Count(milestones.Count, "milestone")}";
        svg.Append($"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(label)}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        string[] fills = ["#dbe8f3", "#e3f0e6", "#f6ecd9", "#ece3f3"];
        for (var i = 0; i < bands.Count; i++)
        {
            var p = bands[i];
            var x = X(p.Start);
            var w = Math.Max(2, X(p.End.AddDays(1)) - x);
            svg.Append($"<rect x=\"{F(x)}\" y=\"{BandTop}\" width=\"{F(w)}\" height=\"{BandHeight}\" rx=\"4\" fill=\"{fills[i % fills.Length]}\"><title>{E($"{p.Title}: {p.Start:d MMM} to {p.End:d MMM}")}</title></rect>");
            svg.Append($"<text x=\"{F(x + 6)}\" y=\"{BandTop + 21}\" fill=\"#1d2733\">{E(Fit(p.Title, w - 12))}</text>");
            svg.Append($"<text x=\"{F(x + 2)}\" y=\"{BandTop - 8}\" fill=\"#5b6775\" font-size=\"11\">{p.Start:d MMM}</text>");
        }
        // The today line goes under the milestones so their labels stay readable across it.
        if (today >= first && today <= last)
        {
            var x = X(today);
            svg.Append($"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{BandTop - 4}\" y2=\"{height - 4}\" stroke=\"#b3261e\" stroke-width=\"2\"/>");
            var anchor = x > Width * 0.8 ? "end" : "start";
            svg.Append($"<text x=\"{F(anchor == "end" ? x - 4 : x + 4)}\" y=\"12\" text-anchor=\"{anchor}\" fill=\"#b3261e\" font-size=\"11\">Today, day {Engagement.DayNumber(kickoff, today)}</text>");
        }
        foreach (var m in markers)
        {
            var fill = m.IsGoLive ? "#b3261e" : m.Reached ? "#1e7a46" : "#1f5f8b";
            svg.Append($"<path class=\"{(m.IsGoLive ? "go-live" : "milestone")}\" d=\"M{F(m.X)} {diamondY - 7} L{F(m.X + 7)} {diamondY} L{F(m.X)} {diamondY + 7} L{F(m.X - 7)} {diamondY} Z\" fill=\"{fill}\"><title>{E(m.Tooltip)}</title></path>");
            if (m.Row < LabelRows)
            {
                svg.Append($"<text x=\"{F(m.LabelX)}\" y=\"{diamondY + 22 + m.Row * RowHeight}\" fill=\"#1d2733\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" font-size=\"11\">{E(m.Label)}</text>");
            }
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>
    /// Templates each bring their own phases, which overlap in time; the band row shows them one after
    /// another, each ending where the next begins, and drops a phase that lies wholly inside an earlier one.
    /// </summary>
    private static List<TimelinePhase> Bands(IReadOnlyList<TimelinePhase> phases)
    {
        var bands = new List<TimelinePhase>();
        foreach (var phase in phases.OrderBy(p => p.Start).ThenByDescending(p => p.End))
        {
            if (bands.Count > 0 && phase.End <= bands[^1].End)
            {
                continue;
            }
            if (bands.Count > 0 && phase.Start <= bands[^1].End)
            {
                bands[^1] = bands[^1] with { End = phase.Start.AddDays(-1) };
                if (bands[^1].End < bands[^1].Start)
                {
                    bands.RemoveAt(bands.Count - 1);
                }
            }
            bands.Add(phase);
        }
        return bands;
    }

    private sealed record Marker(double X, bool Reached, string Tooltip, string Label, double LabelX, int Row, bool IsGoLive);

    /// <summary>
    /// One diamond per date (several milestones on a day share it) and each label on the first row where it
    /// does not overprint a neighbour; labels that find no free row are left to the diamond's tooltip.
    /// </summary>
    private static List<Marker> Markers(IReadOnlyList<TimelineMilestone> milestones, Func<DateOnly, double> x)
    {
        var rowEnds = Enumerable.Repeat(double.NegativeInfinity, LabelRows).ToArray();
        var markers = new List<Marker>();
        foreach (var day in milestones.GroupBy(m => m.Date).OrderBy(g => g.Key))
        {
            // Go-live names its day when it shares it with other milestones.
            var ordered = day.OrderByDescending(m => m.IsGoLive).ToList();
            var titles = ordered.Select(m => m.Title).ToList();
            var label = Shorten(titles[0]) + (titles.Count > 1 ? $" +{titles.Count - 1}" : "");
            var width = label.Length * CharWidth;
            var at = x(day.Key);
            var labelX = Math.Clamp(at - width / 2, 0, Width - width);
            var row = Array.FindIndex(rowEnds, end => end + 8 <= labelX);
            if (row >= 0)
            {
                rowEnds[row] = labelX + width;
            }
            var tooltip = $"{day.Key:d MMM}: {string.Join("; ", ordered.Select(m => m.Title + (m.Reached ? " (reached)" : "")))}";
            markers.Add(new Marker(at, day.All(m => m.Reached), tooltip, label, labelX, row < 0 ? LabelRows : row, day.Any(m => m.IsGoLive)));
        }
        return markers;
    }

    private static string Shorten(string title) => title.Length <= 28 ? title : title[..27] + "…";

    private static string Fit(string title, double width)
    {
        var chars = (int)(width / 6.8);
        return title.Length <= chars ? title : chars < 4 ? "" : title[..(chars - 1)] + "…";
    }
}
