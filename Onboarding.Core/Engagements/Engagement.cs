using Onboarding.Core.Accounts;
using Onboarding.Core.Governance;

namespace Onboarding.Core.Engagements;

public enum EngagementStatus
{
    Active,
    Closed,
}

/// <remarks>Its calendar event is go-live (<see cref="GoLiveMilestone"/>).</remarks>
public sealed class Engagement : ICalendarEvent
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int ProviderId { get; set; }
    public Organisation? Provider { get; set; }
    public int ClientId { get; set; }
    public Organisation? Client { get; set; }

    public DateOnly Kickoff { get; set; }
    public DateOnly GoLive { get; set; }

    /// <summary>IANA zone of the client's calendar, in which plan dates are meant.</summary>
    public required string TimeZone { get; set; }

    public WorkingDays WorkingDays { get; set; } = WorkingDays.MondayToFriday;
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Markdown: why provider and client are doing this together.</summary>
    public string SharedPurpose { get; set; } = "";

    public EngagementStatus Status { get; set; }

    /// <summary>
    /// Changes whenever the engagement or any record carrying its id is saved (see
    /// <see cref="Data.EngagementRevisions"/>), so pages can keep what they read until it does.
    /// </summary>
    public Guid Revision { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public int CalendarSequence { get; set; }
    public DateTimeOffset? CalendarChangedAt { get; set; }

    public List<BusinessOutcome> Outcomes { get; set; } = [];
    public List<Member> Members { get; set; } = [];
    public List<Locations.HiringLocation> Locations { get; set; } = [];
    public List<TemplateSnapshot> Templates { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Governance.CheckIns.CheckInSeries> CheckIns { get; set; } = [];
    public List<GlossaryTerm> Glossary { get; set; } = [];
    public List<Metric> Metrics { get; set; } = [];
    public List<Win> Wins { get; set; } = [];
    public List<LogEntry> Log { get; set; } = [];
    public List<EscalationRung> Escalation { get; set; } = [];

    /// <summary>Working days an issue may stay overdue, or open at high severity, before it climbs one rung of <see cref="Escalation"/>.</summary>
    public int EscalateAfterWorkingDays { get; set; } = EscalationLadder.DefaultWorkingDays;

    /// <summary>The colour a leader set over the computed health, with why; null while the computed one stands.</summary>
    public HealthColour? HealthOverride { get; set; }
    public string? HealthOverrideReason { get; set; }
    public string? HealthOverrideBy { get; set; }
    public DateTimeOffset? HealthOverrideAt { get; set; }

    /// <summary>Day N of the engagement (kickoff is day 1) on a calendar date; zero or less before kickoff.</summary>
    public int DayOn(DateOnly date) => DayNumber(Kickoff, date);

    public static int DayNumber(DateOnly kickoff, DateOnly date) => date.DayNumber - kickoff.DayNumber + 1;
}

public sealed class BusinessOutcome
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string Title { get; set; }

    /// <summary>How the partners will know the outcome is reached.</summary>
    public string HowMeasured { get; set; } = "";
    public int Position { get; set; }
}
