using System.Globalization;
using System.Linq.Expressions;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance;

/// <summary>The three kinds of entry in an engagement's risk, issue and decision log.</summary>
public enum LogEntryKind
{
    /// <summary>Something that may go wrong; watched and mitigated before it happens.</summary>
    Risk,

    /// <summary>Something that has gone wrong and needs an owner and a fix; the kind that escalates.</summary>
    Issue,

    /// <summary>A choice to be made (open, with a due date) or made (closed, the resolution says what was decided).</summary>
    Decision,
}

public enum LogSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum LogEntryStatus
{
    Open,
    Closed,
}

/// <summary>Which organisation has to act: the provider's team or the client's.</summary>
public enum LogSide
{
    Provider,
    Client,
}

/// <summary>
/// One entry of the risk, issue and decision (RAID) log. Nothing is deleted: a closed entry keeps its
/// resolution, and <see cref="Steps"/> keeps every change, escalation and closing in order.
/// </summary>
public sealed class LogEntry : IVersioned
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    public LogEntryKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public LogSeverity Severity { get; set; }
    public LogSide Side { get; set; }

    /// <summary>Hidden from client stakeholders (provider staff only), e.g. a recruiter's performance.</summary>
    public bool ProviderInternal { get; set; }

    public int? OwnerMemberId { get; set; }
    public Member? Owner { get; set; }

    /// <summary>A day of the client's calendar by which it should be resolved or decided.</summary>
    public DateOnly? Due { get; set; }

    public LogEntryStatus Status { get; set; }

    /// <summary>Markdown: how it was resolved, or what was decided. Required to close.</summary>
    public string Resolution { get; set; } = "";

    /// <summary>How many rungs of the engagement's escalation ladder it has climbed; 0 while with its owner.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>When it last climbed a rung (or was opened): escalation counts working days from here.</summary>
    public DateTimeOffset EscalationClock { get; set; }

    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public List<LogEntryTask> Tasks { get; set; } = [];
    public List<LogEntryStep> Steps { get; set; } = [];

    /// <summary>True when client stakeholders may read it.</summary>
    public bool ClientFacing => !ProviderInternal;
}

/// <summary>A plan task a log entry concerns (the blocked task an issue is about, the action a decision needs).</summary>
public sealed class LogEntryTask
{
    public int LogEntryId { get; set; }
    public LogEntry? LogEntry { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
}

public enum LogStepKind
{
    Opened,
    Changed,
    Escalated,
    Closed,
    Reopened,
}

/// <summary>One line of an entry's history: who did what when, and for an escalation, whom it reached.</summary>
public sealed class LogEntryStep
{
    public int Id { get; set; }
    public int LogEntryId { get; set; }
    public LogStepKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Who did it; null when the escalation job did.</summary>
    public string? By { get; set; }

    /// <summary>What changed, in words ("Severity: Medium → High"), or why it escalated.</summary>
    public string Text { get; set; } = "";

    /// <summary>For an escalation, the member it reached.</summary>
    public int? ToMemberId { get; set; }

    /// <summary>For an escalation: when the person it reached was told in a digest (null until then).</summary>
    public DateTimeOffset? ToldAt { get; set; }
}

public static class LogEntries
{
    /// <summary>A new open entry with its first step; the one way entries are made (the log page, check-in decisions, low pulse scores).</summary>
    public static LogEntry Open(
        int engagementId, LogEntryKind kind, string title, LogSeverity severity, LogSide side,
        int? ownerMemberId, DateOnly? due, string description, bool providerInternal, string? by, DateTimeOffset now) => new()
        {
            EngagementId = engagementId,
            Kind = kind,
            Title = title,
            Severity = severity,
            Side = side,
            OwnerMemberId = ownerMemberId,
            Due = due,
            Description = description,
            ProviderInternal = providerInternal,
            Status = LogEntryStatus.Open,
            EscalationClock = now,
            CreatedBy = by,
            CreatedAt = now,
            ChangedBy = by,
            ChangedAt = now,
            Steps = [new LogEntryStep { Kind = LogStepKind.Opened, At = now, By = by, Text = $"Opened as {kind.ToString().ToLowerInvariant()}, {severity.ToString().ToLowerInvariant()} severity" }],
        };

    public static bool IsOpen(this LogEntry entry) => entry.Status == LogEntryStatus.Open;

    /// <summary>
    /// The entries a reader may see: everything for provider staff, only client-facing entries for client
    /// stakeholders. Every list, count, entry page and digest filters through this.
    /// </summary>
    public static Expression<Func<LogEntry, bool>> VisibleTo(bool clientReader) => e => !clientReader || !e.ProviderInternal;

    public static bool IsVisibleTo(this LogEntry entry, bool clientReader) => !clientReader || !entry.ProviderInternal;

    /// <summary>
    /// Who may change an entry: provider staff (account leaders, recruiters, administrators) any entry; a client
    /// stakeholder the client-facing entries they own, since the provider runs the log and the client answers for its part.
    /// </summary>
    public static bool CanEdit(this LogEntry entry, int? memberId, EngagementRole? role, bool isAdministrator) =>
        isAdministrator || (role is { } r && (!r.IsClientRole() || (entry.ClientFacing && entry.OwnerMemberId is { } owner && owner == memberId)));

    /// <summary>Applies an edit; the history gets one Changed step naming what changed, none when nothing did.</summary>
    public static bool Change(
        this LogEntry entry, LogEntryKind kind, string title, LogSeverity severity, LogSide side, int? ownerMemberId, string? ownerName,
        DateOnly? due, string description, bool providerInternal, string by, DateTimeOffset now)
    {
        var changes = new List<string>();
        void Note<T>(string what, T before, T after, Func<T, string> show)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add($"{what}: {show(before)} → {show(after)}");
            }
        }
        Note("Kind", entry.Kind, kind, k => k.ToString());
        Note("Severity", entry.Severity, severity, s => s.ToString());
        Note("Side", entry.Side, side, s => s.ToString());
        Note("Due", entry.Due, due, d => d?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "none");
        Note("Provider only", entry.ProviderInternal, providerInternal, b => b ? "yes" : "no");
        if (entry.OwnerMemberId != ownerMemberId)
        {
            changes.Add($"Owner: {ownerName ?? "nobody"}");
        }
        if (entry.Title != title)
        {
            changes.Add("Title");
        }
        if (entry.Description != description)
        {
            changes.Add("Description");
        }
        if (changes.Count == 0)
        {
            return false;
        }
        // A raised severity or a new due date is a new situation: escalation counts from now.
        if (severity > entry.Severity || due != entry.Due)
        {
            entry.EscalationClock = now;
        }
        (entry.Kind, entry.Title, entry.Severity, entry.Side, entry.OwnerMemberId, entry.Due, entry.Description, entry.ProviderInternal) =
            (kind, title, severity, side, ownerMemberId, due, description, providerInternal);
        entry.ChangedNowBy(by, now);
        entry.Steps.Add(new LogEntryStep { Kind = LogStepKind.Changed, At = now, By = by, Text = TextLimits.Fit(string.Join("; ", changes), TextLimits.Description) });
        return true;
    }

    /// <summary>Closes with a resolution (required: a closed entry says how it ended); the entry stays in the log.</summary>
    public static void Close(this LogEntry entry, string resolution, string by, DateTimeOffset now)
    {
        entry.Status = LogEntryStatus.Closed;
        entry.Resolution = resolution;
        entry.ClosedAt = now;
        entry.ChangedNowBy(by, now);
        entry.Steps.Add(new LogEntryStep { Kind = LogStepKind.Closed, At = now, By = by, Text = "Closed" });
    }

    /// <summary>Reopens, keeping the old resolution in the history; it starts again at its owner (level 0).</summary>
    public static void Reopen(this LogEntry entry, string reason, string by, DateTimeOffset now)
    {
        entry.Status = LogEntryStatus.Open;
        entry.ClosedAt = null;
        entry.EscalationLevel = 0;
        entry.EscalationClock = now;
        entry.ChangedNowBy(by, now);
        entry.Steps.Add(new LogEntryStep { Kind = LogStepKind.Reopened, At = now, By = by, Text = TextLimits.Fit($"Reopened: {reason} (was resolved: {entry.Resolution})", TextLimits.Description) });
    }
}
