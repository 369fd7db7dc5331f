using System.Globalization;
using System.Text;
using Onboarding.Core.Engagements;
using Onboarding.Core.Text;

namespace Onboarding.Core.Digests;

/// <summary>A digest as mail: the subject, an HTML body and its plain-text alternative.</summary>
public sealed record RenderedDigest(string Subject, string Html, string Text);

public static class DigestRenderer
{
    /// <summary>
    /// The digest as mail, its HTML within <see cref="DigestDepth.MaxHtmlBytes"/>: when the composed digest is
    /// bigger, it is summarised, then its lists shortened to <see cref="DigestDepth.TightListCap"/>, then the
    /// engagements that do not fit are left to one link; the footer is always there. The text part says the same.
    /// </summary>
    public static RenderedDigest Render(DigestModel digest)
    {
        var html = DigestHtml.Render(digest);
        if (Fits(html))
        {
            return new(digest.Subject, html, DigestText.Render(digest));
        }
        var shorter = digest with { Engagements = digest.Engagements.Select(Summarised).ToList() };
        html = DigestHtml.Render(shorter);
        if (!Fits(html))
        {
            shorter = shorter with { Engagements = shorter.Engagements.Select(Tight).ToList() };
            html = DigestHtml.Render(shorter);
        }
        if (!Fits(html))
        {
            // The most sections that fit, by bisection: each try is a full render.
            var (fit, over) = (0, shorter.Engagements.Count);
            while (over - fit > 1)
            {
                var mid = (fit + over) / 2;
                if (Fits(DigestHtml.Render(Keeping(shorter, mid))))
                {
                    fit = mid;
                }
                else
                {
                    over = mid;
                }
            }
            shorter = Keeping(shorter, fit);
            html = DigestHtml.Render(shorter);
        }
        return new(shorter.Subject, html, DigestText.Render(shorter));
    }

    private static bool Fits(string html) => Encoding.UTF8.GetByteCount(html) <= DigestDepth.MaxHtmlBytes;

    private static DigestModel Keeping(DigestModel digest, int sections) => digest with
    {
        Engagements = digest.Engagements.Take(sections).ToList(),
        MoreEngagements = digest.MoreEngagements + digest.Engagements.Count - sections,
    };

    private static EngagementDigest Summarised(EngagementDigest e) => e with
    {
        Explains = false,
        ComingUp = e.ComingUp.Select(t => t with { Full = false }).ToList(),
        Ready = e.Ready is { } ready ? ready with { FirstTasks = ready.FirstTasks.Select(t => t with { Full = false }).ToList() } : null,
    };

    private static EngagementDigest Tight(EngagementDigest e)
    {
        const int cap = DigestDepth.TightListCap;
        static int Left<T>(IReadOnlyList<T> list) => Math.Max(0, list.Count - cap);
        return e with
        {
            ComingUp = e.ComingUp.Take(cap).ToList(),
            MoreComingUp = e.MoreComingUp + Left(e.ComingUp),
            NeedsAttention = e.NeedsAttention.Take(cap).ToList(),
            MoreAttention = e.MoreAttention + Left(e.NeedsAttention),
            Wins = e.Wins.Take(cap).ToList(),
            MoreWins = e.MoreWins + Left(e.Wins),
            Reassigned = e.Reassigned.Take(cap).ToList(),
            MoreReassigned = e.MoreReassigned + Left(e.Reassigned),
            Metrics = e.Metrics.Take(cap).ToList(),
            MoreMetrics = e.MoreMetrics + Left(e.Metrics),
            Ready = e.Ready is { } ready
                ? ready with
                {
                    People = ready.People.Take(cap).ToList(),
                    MorePeople = ready.MorePeople + Left(ready.People),
                    FirstTasks = ready.FirstTasks.Take(cap).ToList(),
                    MoreTasks = ready.MoreTasks + Left(ready.FirstTasks),
                }
                : null,
        };
    }

    /// <summary>A summarising section's opening line: "12 coming up (3 new) · 2 overdue · 1 blocked · 4 wins since your last digest".</summary>
    internal static string Counts(EngagementDigest e)
    {
        var parts = new List<string> { e.NewCount > 0 ? $"{e.ComingUpCount} coming up ({e.NewCount} new)" : $"{e.ComingUpCount} coming up" };
        if (e.OverdueCount > 0)
        {
            parts.Add($"{e.OverdueCount} overdue");
        }
        if (e.BlockedCount > 0)
        {
            parts.Add($"{e.BlockedCount} blocked");
        }
        if (e.WinCount > 0)
        {
            parts.Add(e.HasLastDigest ? $"{Words.Count(e.WinCount, "win")} since your last digest" : $"{Words.Count(e.WinCount, "recent win")}");
        }
        return string.Join(" · ", parts);
    }

    internal static string WinsHeading(EngagementDigest e) => e.HasLastDigest ? "Wins since your last digest" : "Recent wins";

    internal static string KickoffText(GettingReady ready) =>
        $"Kickoff is the meeting that starts the engagement: both teams meet, confirm why we are doing this together and agree the plan's first steps. " +
        $"It is on {LongDate(ready.Kickoff)}, in {Words.Count(ready.WorkingDaysToGo, "working day")}.";

    internal static string PersonText(PersonItem person) => $"{person.Name}, {person.Role.DisplayName()}{(person.IsReader ? " (you)" : "")}";

    internal static string MoreEngagements(int count) =>
        $"{Words.Count(count, "more engagement")} {(count == 1 ? "has" : "have")} news for you: see your engagements";

    // Mail is read far from the server: dates and numbers use one fixed English form, not the host's culture.
    internal static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    internal static string Number(decimal value, string? unit) =>
        value.ToString("#,0.##", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(unit) ? "" : unit is "%" ? "%" : " " + unit);

    internal static string Days(int days) => Words.Count(days, "day");

    internal static string AttentionStatus(AttentionItem item)
    {
        var parts = new List<string>();
        if (item.DaysOverdue > 0)
        {
            parts.Add($"overdue by {Days(item.DaysOverdue)} (due {ShortDate(item.Due)})");
        }
        if (item.Blocked)
        {
            parts.Add(string.IsNullOrWhiteSpace(item.BlockedReason) ? "blocked" : $"blocked: {item.BlockedReason.TrimEnd('.', ' ')}");
        }
        if (!item.IsOwn && item.OwnerName is not null)
        {
            parts.Add($"owner {item.OwnerName}");
        }
        return string.Join("; ", parts);
    }

    internal static string When(TaskItem task, DateOnly today) =>
        (task.Start > today ? $"starts {ShortDate(task.Start)}, due {ShortDate(task.Due)}" : $"due {ShortDate(task.Due)}") +
        (task.Checklist.Total > 0 ? $" · {ChecklistProgress.Text(task.Checklist.Done, task.Checklist.Total)}" : "");

    internal static string MilestoneWhen(MilestoneItem milestone) =>
        milestone.DaysAway == 0 ? "today" : $"in {Days(milestone.DaysAway)}, {ShortDate(milestone.Due)}";

    internal static string Movement(MetricItem metric)
    {
        var text = Number(metric.Latest, metric.Unit);
        if (metric.Previous is { } previous)
        {
            text += $" (was {Number(previous, metric.Unit)})";
        }
        if (metric.Target is { } target)
        {
            text += metric.TargetMet ? $", target {Number(target, metric.Unit)} met" : $", target {Number(target, metric.Unit)}";
        }
        return text;
    }

    /// <summary>Whether the latest value moved the good way; null when it did not move or there is nothing to compare.</summary>
    internal static bool? Improved(MetricItem metric) =>
        metric.Previous is { } previous && previous != metric.Latest
            ? metric.HigherIsBetter == (metric.Latest > previous)
            : null;
}
