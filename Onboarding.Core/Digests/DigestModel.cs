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
    string UnsubscribeUrl)
{
    /// <summary>Engagements left out to keep the mail under <see cref="DigestDepth.MaxHtmlBytes"/>; all are on <see cref="EngagementsUrl"/>.</summary>
    public int MoreEngagements { get; init; }

    public string EngagementsUrl { get; init; } = "";
}

/// <summary>
/// One engagement's section. <see cref="HasNews"/> is false when only context (milestones ahead, the glossary term) is left.
/// Each list holds at most <see cref="DigestDepth.ListCap"/> items; the More… counts say how many more the linked page lists.
/// </summary>
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

    /// <summary>Issues escalated to the reader since they were last told ("Escalated to you").</summary>
    public IReadOnlyList<EscalatedItem> Escalated { get; init; } = [];

    /// <summary>"From Tuesday's check-in": meetings recorded since the reader's last digest that they attended or got an action item from.</summary>
    public IReadOnlyList<CheckInNote> CheckIns { get; init; } = [];

    /// <summary>"You said, we did": the leader's responses to the reader's pulse answers, each said once.</summary>
    public IReadOnlyList<YouSaidItem> YouSaid { get; init; } = [];

    /// <summary>For the account leader: market cards unreviewed for longer than the set age, until someone reviews them.</summary>
    public IReadOnlyList<MarketCardReviewItem> MarketCardsToReview { get; init; } = [];

    /// <summary>Whether the section explains (what and why of every task) or summarises (<see cref="DigestDepth"/>).</summary>
    public bool Explains { get; init; } = true;

    /// <summary>Go-live, when it is today or inside the coming-up window.</summary>
    public GoLiveItem? GoLive { get; init; }

    /// <summary>How many days, today included, "coming up" covers.</summary>
    public int LooksAheadDays { get; init; } = DigestDepth.MinLookAheadDays;

    /// <summary>False in a reader's first digest: there is no "last digest" to count from.</summary>
    public bool HasLastDigest { get; init; } = true;

    /// <summary>A getting-ready section, before kickoff: <see cref="Ready"/> says what it holds.</summary>
    public GettingReady? Ready { get; init; }

    public int MoreComingUp { get; init; }
    public string ComingUpUrl { get; init; } = "";
    public int MoreAttention { get; init; }
    public string AttentionUrl { get; init; } = "";
    public int MoreReassigned { get; init; }
    public int MoreMetrics { get; init; }
    public string MetricsUrl { get; init; } = "";

    /// <summary>Every open overdue task the reader sees, listed or not.</summary>
    public int OverdueCount { get; init; }

    /// <summary>Every blocked task not overdue the reader sees, listed or not.</summary>
    public int BlockedCount { get; init; }

    /// <summary>Coming-up tasks new since the reader's last digest, listed or not.</summary>
    public int NewCount { get; init; }

    public bool HasNews => Ready is not null || ComingUp.Count > 0 || NeedsAttention.Count > 0 || Wins.Count > 0 || Metrics.Count > 0 || Reassigned.Count > 0 || GoLive is not null || Escalated.Count > 0 || CheckIns.Count > 0 || YouSaid.Count > 0 || MarketCardsToReview.Count > 0;

    public int ComingUpCount => ComingUp.Count + MoreComingUp;

    public int WinCount => Wins.Count + MoreWins;
}

/// <summary>
/// Before kickoff, for client stakeholders: when kickoff is (<see cref="WorkingDaysToGo"/> working days away),
/// who is who, and the reader's first tasks with their what and why.
/// </summary>
public sealed record GettingReady(DateOnly Kickoff, int WorkingDaysToGo, IReadOnlyList<PersonItem> People, int MorePeople, string PeopleUrl, IReadOnlyList<TaskItem> FirstTasks, int MoreTasks);

public sealed record PersonItem(string Name, EngagementRole Role, bool IsReader);

/// <summary>
/// A task coming up; <see cref="What"/> and <see cref="Why"/> are Markdown, shown when <see cref="Full"/>
/// (an explaining digest, or a task new since the last one); otherwise the task is one line linking to its page.
/// </summary>
public sealed record TaskItem(string Title, string Url, DateOnly Start, DateOnly Due, string What, string Why, string? Milestone, bool Full = true, bool IsNew = true)
{
    /// <summary>Ticked and all items of the task's checklist; a task without one has none.</summary>
    public (int Done, int Total) Checklist { get; init; }
}

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

/// <summary>An issue that reached the reader on its escalation ladder; <see cref="StepId"/> is the step the digest tells.</summary>
public sealed record EscalatedItem(int StepId, string Title, string Severity, string Text, string Url);

/// <summary>"Market card: Toronto, Ontario, Canada, last reviewed 12 Apr 2026 by Alex Morgan".</summary>
public sealed record MarketCardReviewItem(string Text, string Url);

/// <summary>A pulse answer of the reader's (<see cref="Said"/>) and what the provider did about it; <see cref="PulseId"/> is marked told.</summary>
public sealed record YouSaidItem(int PulseId, string Said, string Did);

/// <summary>A recorded check-in: <see cref="Heading"/> says which ("From Tuesday's check-in"); the reader's own action items come first.</summary>
public sealed record CheckInNote(string Heading, string Title, string Url, IReadOnlyList<string> Decisions, IReadOnlyList<CheckInActionItem> Actions);

/// <summary>An action item; <see cref="IsReaders"/> when the reader owns it.</summary>
public sealed record CheckInActionItem(string Title, string Url, string? OwnerName, DateOnly Due, bool IsReaders)
{
    public string Text => $"{(IsReaders ? "You" : OwnerName ?? "Nobody yet")}: {Title}, due {DigestRenderer.ShortDate(Due)}";
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
