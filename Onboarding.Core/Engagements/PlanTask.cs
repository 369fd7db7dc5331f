namespace Onboarding.Core.Engagements;

public enum PlanTaskStatus
{
    ToDo,
    InProgress,
    Blocked,
    Done,
    Skipped,
}

public sealed class PlanTask : IVersioned, ICalendarEvent
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    /// <summary>Null for a task added by hand rather than generated from a template.</summary>
    public int? TemplateSnapshotId { get; set; }
    public TemplateSnapshot? TemplateSnapshot { get; set; }

    /// <summary>Stable within the engagement; upgrades and reschedules match tasks by it.</summary>
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string PhaseKey { get; set; }
    public required string PhaseTitle { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly Due { get; set; }

    public EngagementRole OwnerRole { get; set; }
    public int? OwnerId { get; set; }
    public Member? Owner { get; set; }

    /// <summary>
    /// For a per-person copy (a task of a per-person role, one per holder): the person part of its key and the name it
    /// was made for. Both stay when the copy is reassigned, so the key and title still say whose work it was.
    /// </summary>
    public string? PersonKey { get; set; }
    public string? PersonName { get; set; }

    public PlanTaskStatus Status { get; set; }
    public string? BlockedReason { get; set; }
    public string? SkippedReason { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Markdown: the action.</summary>
    public string What { get; set; } = "";

    /// <summary>Markdown: the reason and the benefit to the partnership.</summary>
    public string Why { get; set; } = "";

    public bool IsMilestone { get; set; }

    /// <summary>Set by the plan engine when dependencies pushed the task past its template offset.</summary>
    public string? Warning { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public int CalendarSequence { get; set; }
    public DateTimeOffset? CalendarChangedAt { get; set; }

    public List<ChecklistItem> Checklist { get; set; } = [];
    public List<TaskDependency> DependsOn { get; set; } = [];
    public List<TaskComment> Comments { get; set; } = [];

    /// <summary>Members who attend the task besides its owner (a kickoff, a review): they see it as theirs too.</summary>
    public List<TaskParticipant> Participants { get; set; } = [];

    public bool IsOpen => Status is not (PlanTaskStatus.Done or PlanTaskStatus.Skipped);
}

/// <summary>A member who takes part in a task they do not own; one row per task and member.</summary>
public sealed class TaskParticipant
{
    public int TaskId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
}

public sealed class TaskDependency
{
    public int TaskId { get; set; }
    public int DependsOnTaskId { get; set; }
    public PlanTask? DependsOnTask { get; set; }
}

public sealed class ChecklistItem
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public required string Text { get; set; }
    public bool Done { get; set; }
    public int Position { get; set; }
}

public sealed class TaskComment
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
