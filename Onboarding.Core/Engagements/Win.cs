using System.Globalization;
using Onboarding.Core.Data;

namespace Onboarding.Core.Engagements;

public enum WinKind
{
    MilestoneReached,
    TargetHit,
    Kudos,
}

public sealed class Win
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public WinKind Kind { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int? MetricId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The title of the win a reached milestone makes. A milestone's title may use its whole column, so the
    /// prefixed title is fitted: completing the task must never fail for want of room.
    /// </summary>
    public static string MilestoneTitle(string milestone) => TextLimits.Fit($"Milestone reached: {milestone}", TextLimits.Title);

    /// <summary>The title of the win a metric makes when its latest value reaches the target, fitted like <see cref="MilestoneTitle"/>.</summary>
    public static string TargetHitTitle(Metric metric, decimal value) => TextLimits.Fit(
        string.Create(CultureInfo.InvariantCulture, $"Target hit: {metric.Name} reached {value:0.##} {metric.Unit} (target {metric.Target:0.##})"),
        TextLimits.Title);
}
