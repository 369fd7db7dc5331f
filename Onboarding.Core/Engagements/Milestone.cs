namespace Onboarding.Core.Engagements;

public sealed class Milestone : ICalendarEvent
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The plan task whose completion reaches this milestone, when there is one.</summary>
    public int? TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public DateTimeOffset? ReachedAt { get; set; }

    public int CalendarSequence { get; set; }
    public DateTimeOffset? CalendarChangedAt { get; set; }
}
