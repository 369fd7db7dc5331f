using Onboarding.Core.Engagements;

namespace Onboarding.Core.Digests;

/// <summary>A composed digest, ready to render. Every URL in it is absolute.</summary>
public sealed record DigestModel(
    string RecipientName,
    string RecipientEmail,
    DateOnly Date,
    string Subject,
    string ProviderName,
    string BrandColour,
    IReadOnlyList<EngagementDigest> Engagements,
    string PreferencesUrl,
    string UnsubscribeUrl);

/// <summary>One engagement's section. <see cref="HasNews"/> is false when only context (milestones ahead, the glossary term) is left.</summary>
public sealed record EngagementDigest(
    int EngagementId,
    string Name,
    string ClientName,
    int Day,
    string BrandColour,
    string Url,
    IReadOnlyList<TaskItem> ComingUp,
    IReadOnlyList<AttentionItem> NeedsAttention,
    IReadOnlyList<WinItem> Wins,
    int MoreWins,
    string WinsUrl,
    IReadOnlyList<MilestoneItem> MilestonesAhead,
    IReadOnlyList<MetricItem> Metrics,
    GlossaryItem? Term,
    IReadOnlyList<ReassignedItem>? Reassigned = null,
    WorkingWith? WorkingWith = null)
{
    /// <summary>Tasks that came to the reader, or left them, since their last digest.</summary>
    public IReadOnlyList<ReassignedItem> Reassigned { get; init; } = Reassigned ?? [];

    /// <summary>Go-live, when it is today or inside the coming-up window.</summary>
    public GoLiveItem? GoLive { get; init; }

    public bool HasNews => ComingUp.Count > 0 || NeedsAttention.Count > 0 || Wins.Count > 0 || Metrics.Count > 0 || Reassigned.Count > 0 || GoLive is not null;

    public int OverdueCount => NeedsAttention.Count(a => a.DaysOverdue > 0);

    public int BlockedCount => NeedsAttention.Count(a => a.Blocked && a.DaysOverdue == 0);
}

/// <summary>A task coming up; <see cref="What"/> and <see cref="Why"/> are Markdown.</summary>
public sealed record TaskItem(string Title, string Url, DateOnly Start, DateOnly Due, string What, string Why, string? Milestone);

/// <summary>An overdue or blocked task. <see cref="IsOwn"/> is false for tasks an account leader sees on others' behalf.</summary>
public sealed record AttentionItem(
    string Title,
    string Url,
    string? OwnerName,
    bool IsOwn,
    DateOnly Due,
    int DaysOverdue,
    bool Blocked,
    string? BlockedReason);

/// <summary>"Reassigned to you: …" (<see cref="ToReader"/>) or "Moved to <see cref="ToName"/>: …".</summary>
public sealed record ReassignedItem(string Title, string Url, bool ToReader, string ToName)
{
    public string Text => ToReader ? $"Reassigned to you: {Title}" : $"Moved to {ToName}: {Title}";
}

public enum DigestWinKind
{
    TaskCompleted,
    MilestoneReached,
    TargetHit,
    Kudos,
}

public sealed record WinItem(DigestWinKind Kind, string Text, string Url, DateTimeOffset At);

public sealed record MilestoneItem(string Title, string Url, DateOnly Due, int DaysAway);

public sealed record MetricItem(string Name, string Url, string? Unit, decimal Latest, decimal? Previous, decimal? Target, bool HigherIsBetter)
{
    public bool TargetMet => Target is { } target && (HigherIsBetter ? Latest >= target : Latest <= target);
}

/// <summary>A glossary term; <see cref="Definition"/> is Markdown.</summary>
public sealed record GlossaryItem(string Term, string? ProviderTerm, string Definition, string Url);
