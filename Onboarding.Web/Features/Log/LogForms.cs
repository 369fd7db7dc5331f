using System.ComponentModel.DataAnnotations;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Log;

/// <summary>A new entry, or an edit of one (with the version it was opened on).</summary>
public sealed class LogEntryForm
{
    [Display(Name = "Kind")]
    public LogEntryKind Kind { get; set; } = LogEntryKind.Issue;

    [Required(ErrorMessage = "Give the entry a title: what the risk, issue or decision is.")]
    [TextLimit(TextLimits.Title, "The title")]
    public string Title { get; set; } = "";

    [StringLength(8000, ErrorMessage = "Keep the description under 8,000 characters.")]
    [MarkdownInput("Description")]
    public string? Description { get; set; }

    public LogSeverity Severity { get; set; } = LogSeverity.Medium;

    public LogSide Side { get; set; } = LogSide.Provider;

    [Display(Name = "Owner")]
    public int? OwnerMemberId { get; set; }

    [Display(Name = "Due")]
    public DateOnly? Due { get; set; }

    [Display(Name = "Provider only")]
    public bool ProviderInternal { get; set; }

    public int? Version { get; set; }

    public static LogEntryForm From(LogEntry e) => new()
    {
        Kind = e.Kind,
        Title = e.Title,
        Description = e.Description,
        Severity = e.Severity,
        Side = e.Side,
        OwnerMemberId = e.OwnerMemberId,
        Due = e.Due,
        ProviderInternal = e.ProviderInternal,
        Version = e.Version,
    };
}

public sealed class CloseEntryForm
{
    [Required(ErrorMessage = "Say how it was resolved, or what was decided: a closed entry keeps its resolution.")]
    [StringLength(8000, ErrorMessage = "Keep the resolution under 8,000 characters.")]
    [MarkdownInput("Resolution")]
    public string Resolution { get; set; } = "";

    public int? Version { get; set; }
}

public sealed class ReopenEntryForm
{
    [Required(ErrorMessage = "Say why the entry is reopened.")]
    [TextLimit(TextLimits.Reason, "The reason for reopening")]
    [Display(Name = "Why reopen it")]
    public string Reason { get; set; } = "";

    public int? Version { get; set; }
}

public sealed class LinkTaskForm
{
    [Required(ErrorMessage = "Choose a task of the plan to link.")]
    [Display(Name = "Task")]
    public int? TaskId { get; set; }
}

/// <summary>The escalation ladder as the leader sets it: one role per rung, lowest first, and the working days per rung.</summary>
public sealed class LadderForm
{
    public List<EngagementRole?> Rungs { get; set; } = [];

    [Required(ErrorMessage = "Say after how many working days an issue climbs a rung.")]
    [Range(1, EscalationLadder.MaxWorkingDays, ErrorMessage = "Escalate after 1 to 30 working days.")]
    [Display(Name = "Working days per rung")]
    public int? WorkingDays { get; set; }
}

/// <summary>The list's filters, from the query string so a filtered list can be linked and works without script.</summary>
public sealed class LogFilter
{
    public LogEntryKind? Kind { get; set; }
    /// <summary>"open" (the default: what needs attention), "closed" or "all".</summary>
    public string? Status { get; set; }

    public LogEntryStatus? StatusValue => Status?.ToLowerInvariant() switch
    {
        "all" => null,
        "closed" => LogEntryStatus.Closed,
        _ => LogEntryStatus.Open,
    };
    public LogSeverity? Severity { get; set; }
    public LogSide? Side { get; set; }
}
