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
}
