using System.Globalization;

namespace Onboarding.Core.Digests;

/// <summary>A digest as mail: the subject, an HTML body and its plain-text alternative.</summary>
public sealed record RenderedDigest(string Subject, string Html, string Text);

public static class DigestRenderer
{
    public static RenderedDigest Render(DigestModel digest) =>
        new(digest.Subject, DigestHtml.Render(digest), DigestText.Render(digest));

    // Mail is read far from the server: dates and numbers use one fixed English form, not the host's culture.
    internal static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string ShortDate(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    internal static string Number(decimal value, string? unit) =>
        value.ToString("#,0.##", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(unit) ? "" : unit is "%" ? "%" : " " + unit);

    internal static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    internal static string AttentionStatus(AttentionItem item)
    {
        var parts = new List<string>();
        if (item.DaysOverdue > 0)
        {
            parts.Add($"overdue by {Days(item.DaysOverdue)} (due {ShortDate(item.Due)})");
        }
        if (item.Blocked)
        {
            parts.Add(string.IsNullOrWhiteSpace(item.BlockedReason) ? "blocked" : $"blocked: {item.BlockedReason}");
        }
        if (!item.IsOwn && item.OwnerName is not null)
        {
            parts.Add($"owner {item.OwnerName}");
        }
        return string.Join("; ", parts);
    }

    internal static string When(TaskItem task, DateOnly today) =>
        task.Start > today ? $"starts {ShortDate(task.Start)}, due {ShortDate(task.Due)}" : $"due {ShortDate(task.Due)}";

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
