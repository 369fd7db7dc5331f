namespace Onboarding.Core.Engagements;

/// <summary>Append-only record of what happened in an engagement, and who did it.</summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }
    public int EngagementId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Description { get; set; }
    public int? TaskId { get; set; }
}
