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

    /// <summary>
    /// Whether reaching it sends the client people a pulse: the leader's choice, or null for the default
    /// (the 30-, 60- and 90-day reviews do, see <see cref="Governance.Pulses.PulseRules.AsksPulse"/>).
    /// </summary>
    public bool? PulseAfter { get; set; }

    public int CalendarSequence { get; set; }
    public DateTimeOffset? CalendarChangedAt { get; set; }
}
