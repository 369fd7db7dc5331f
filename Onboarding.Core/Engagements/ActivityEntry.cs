using Onboarding.Core.Data;

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

    /// <summary>
    /// An entry whose description fits its column: descriptions quote titles and reasons people typed,
    /// which together may be longer than one entry holds, so a long one is cut with an ellipsis.
    /// </summary>
    public static ActivityEntry New(int engagementId, DateTimeOffset at, string? actorUserId, string actorName, string description, int? taskId = null) => new()
    {
        EngagementId = engagementId,
        At = at,
        ActorUserId = actorUserId,
        ActorName = TextLimits.Fit(actorName, TextLimits.Name),
        Description = TextLimits.Fit(description, TextLimits.Description),
        TaskId = taskId,
    };
}
