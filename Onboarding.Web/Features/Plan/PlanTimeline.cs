using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Plan;

public sealed record TimelinePhase(string Title, DateOnly Start, DateOnly End);

public sealed record TimelineMilestone(string Title, DateOnly Date, bool Reached);

/// <summary>The plan at a glance, drawn on the server as SVG: phases as bands, milestones as diamonds, a line for today.</summary>
public static class PlanTimeline
{
    private const int Width = 900, BandTop = 28, BandHeight = 34, Height = 150, Left = 10, Right = 10;

    public static HtmlString Svg(DateOnly kickoff, IReadOnlyList<TimelinePhase> phases, IReadOnlyList<TimelineMilestone> milestones, DateOnly today)
    {
        var first = kickoff;
        var last = new[] { kickoff.AddDays(89) }.Concat(phases.Select(p => p.End)).Concat(milestones.Select(m => m.Date)).Max();
        var span = Math.Max(1, last.DayNumber - first.DayNumber + 1);
        double X(DateOnly d) => Left + (double)(d.DayNumber - first.DayNumber) / span * (Width - Left - Right);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string E(string s) => WebUtility.HtmlEncode(s);

        var svg = new StringBuilder();
        var label = $"Timeline from {first:d MMM yyyy} to {last:d MMM yyyy}: {phases.Count} phases, {milestones.Count} milestones";
        svg.Append($"<svg class=\"timeline\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{E(label)}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        string[] fills = ["#dbe8f3", "#e3f0e6", "#f6ecd9", "#ece3f3"];
        for (var i = 0; i < phases.Count; i++)
        {
            var p = phases[i];
            var x = X(p.Start);
            var w = Math.Max(2, X(p.End.AddDays(1)) - x);
            svg.Append($"<rect x=\"{F(x)}\" y=\"{BandTop}\" width=\"{F(w)}\" height=\"{BandHeight}\" rx=\"4\" fill=\"{fills[i % fills.Length]}\"/>");
            svg.Append($"<text x=\"{F(x + 6)}\" y=\"{BandTop + 21}\" fill=\"#1d2733\">{E(p.Title)}</text>");
            svg.Append($"<text x=\"{F(x + 2)}\" y=\"{BandTop - 8}\" fill=\"#5b6775\" font-size=\"11\">{p.Start:d MMM}</text>");
        }
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var x = X(m.Date);
            var y = BandTop + BandHeight + 22;
            var fill = m.Reached ? "#1e7a46" : "#1f5f8b";
            svg.Append($"<path d=\"M{F(x)} {y - 7} L{F(x + 7)} {y} L{F(x)} {y + 7} L{F(x - 7)} {y} Z\" fill=\"{fill}\"><title>{E($"{m.Title}, {m.Date:d MMM}{(m.Reached ? " (reached)" : "")}")}</title></path>");
            // Alternate label rows so neighbouring milestones do not overprint each other.
            var labelY = y + 22 + (i % 2) * 16;
            var anchor = x > Width * 0.8 ? "end" : x < Width * 0.1 ? "start" : "middle";
            svg.Append($"<text x=\"{F(x)}\" y=\"{labelY}\" text-anchor=\"{anchor}\" fill=\"#1d2733\" font-size=\"11\">{E(Shorten(m.Title))}</text>");
        }
        if (today >= first && today <= last)
        {
            var x = X(today);
            svg.Append($"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{BandTop - 4}\" y2=\"{Height - 4}\" stroke=\"#b3261e\" stroke-width=\"2\"/>");
            svg.Append($"<text x=\"{F(x + 4)}\" y=\"12\" fill=\"#b3261e\" font-size=\"11\">Today, day {Engagement.DayNumber(kickoff, today)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Shorten(string title) => title.Length <= 28 ? title : title[..27] + "…";
}
