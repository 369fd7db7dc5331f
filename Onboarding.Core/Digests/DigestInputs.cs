using Onboarding.Core.Engagements;

namespace Onboarding.Core.Digests;

// Plain records the digest job fills from the database; the composer never touches EF entities.

/// <summary>
/// The person a digest is for, and who they are in each engagement. Their zone is not needed
/// here: <see cref="DigestPeriod.Date"/> is already their local date.
/// </summary>
public sealed record DigestRecipient(string Name, string Email, IReadOnlyList<DigestMembership> Memberships);

/// <summary>The recipient's membership of one engagement: tasks are owned by member ids.</summary>
public sealed record DigestMembership(int EngagementId, int MemberId, EngagementRole Role);

/// <summary>
/// The state of one engagement when the digest is composed. <paramref name="BrandColour"/> is the
/// provider's colour as <c>#rrggbb</c>; anything else falls back to a neutral colour.
/// </summary>
public sealed record DigestEngagement(
    int Id,
    string Name,
    string ClientName,
    string ProviderName,
    string BrandColour,
    DateOnly Kickoff,
    DateOnly? GoLive,
    IReadOnlyList<DigestTask> Tasks,
    IReadOnlyList<DigestMilestone> Milestones,
    IReadOnlyList<DigestGlossaryTerm> Glossary,
    IReadOnlyList<DigestMetric> Metrics,
    IReadOnlyList<DigestKudos> Kudos,
    IReadOnlyList<AssignedPair>? Pairs = null,
    IReadOnlyList<DigestReassignment>? Reassignments = null,
    IReadOnlyList<DigestPerson>? People = null)
{
    /// <summary>Everyone in the engagement: who is who, for a getting-ready digest.</summary>
    public IReadOnlyList<DigestPerson> People { get; init; } = People ?? [];

    /// <summary>Who works with whom: recruiters and their hiring managers.</summary>
    public IReadOnlyList<AssignedPair> Pairs { get; init; } = Pairs ?? [];

    /// <summary>Check-ins recorded in the window the batch needs.</summary>
    public IReadOnlyList<DigestCheckIn> CheckIns { get; init; } = [];

    /// <summary>Tasks that changed owner in the window the batch needs.</summary>
    public IReadOnlyList<DigestReassignment> Reassignments { get; init; } = Reassignments ?? [];

    /// <summary>Escalations of open log entries not yet told to the member they reached.</summary>
    public IReadOnlyList<DigestEscalation> Escalations { get; init; } = [];

    /// <summary>Leaders' responses to pulse answers not yet told to the member who answered.</summary>
    public IReadOnlyList<DigestPulseResponse> PulseResponses { get; init; } = [];

    /// <summary>The market cards of the engagement's locations, for the account leader's review reminder.</summary>
    public IReadOnlyList<DigestMarketCard> MarketCards { get; init; } = [];
}

/// <summary>
/// A location and its market card, if it has one (<paramref name="HasCard"/>), last reviewed at <paramref name="ReviewedAt"/>;
/// due for review once older than <paramref name="ReviewAfter"/>.
/// </summary>
public sealed record DigestMarketCard(
    int LocationId, string LocationName, DateTimeOffset LocationCreatedAt, bool HasCard, string? ReviewedBy, DateTimeOffset? ReviewedAt, TimeSpan ReviewAfter)
{
    /// <summary>When the card needs the leader: <paramref name="ReviewAfter"/> after its review, or a grace after the location was added when nobody has written one.</summary>
    public DateTimeOffset DueAt => ReviewedAt is { } at ? at + ReviewAfter : LocationCreatedAt + DigestComposer.MissingCardGrace;
}

/// <summary>What <paramref name="MemberId"/> answered to pulse <paramref name="PulseId"/>, and the leader's response, told once.</summary>
public sealed record DigestPulseResponse(int PulseId, int MemberId, string Occasion, int Score, string Comment, string Response);

/// <summary>Log entry <paramref name="EntryId"/> climbed to <paramref name="ToMemberId"/> (<paramref name="StepId"/> is marked told once a digest says so).</summary>
public sealed record DigestEscalation(int StepId, int EntryId, string Title, string Severity, int ToMemberId, string Text);

/// <summary>
/// A check-in meeting recorded at <paramref name="RecordedAt"/> (first saved): its decisions and action items, for
/// the next digest of each of <paramref name="ParticipantMemberIds"/> and of each action item's owner.
/// </summary>
public sealed record DigestCheckIn(
    int SeriesId, string Title, DateOnly Date, DateTimeOffset RecordedAt, IReadOnlyList<int> ParticipantMemberIds,
    IReadOnlyList<string> Decisions, IReadOnlyList<DigestCheckInAction> Actions);

/// <summary>An action item of a check-in: the plan task it became.</summary>
public sealed record DigestCheckInAction(int TaskId, string Title, int? OwnerMemberId, string? OwnerName, DateOnly Due);

/// <summary>A member of the engagement.</summary>
public sealed record DigestPerson(int MemberId, string Name, EngagementRole Role);

/// <summary>A task handed from <paramref name="FromMemberId"/> (null: nobody) to <paramref name="ToMemberId"/> at <paramref name="At"/>.</summary>
public sealed record DigestReassignment(int TaskId, string Title, int? FromMemberId, int ToMemberId, string ToName, DateTimeOffset At);

public enum DigestTaskStatus
{
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

/// <summary>
/// A plan task. <paramref name="What"/> and <paramref name="Why"/> are Markdown;
/// <paramref name="Milestone"/> names the milestone the task leads to, if any; <paramref name="OwnerRole"/> is the
/// role that owns it (whose side it is on). <paramref name="ParticipantMemberIds"/> attend the task besides its owner; it is theirs too.
/// </summary>
public sealed record DigestTask(
    int Id,
    string Title,
    int? OwnerMemberId,
    string? OwnerName,
    DigestTaskStatus Status,
    DateOnly Start,
    DateOnly Due,
    DateTimeOffset? CompletedAt,
    string What,
    string Why,
    string? BlockedReason = null,
    string? Milestone = null,
    EngagementRole? OwnerRole = null,
    IReadOnlyList<int>? ParticipantMemberIds = null)
{
    /// <summary>Ticked and all items of the task's checklist.</summary>
    public (int Done, int Total) Checklist { get; init; }
}

/// <summary>A milestone; <paramref name="TaskId"/> is the plan task that reaches it, when there is one (the milestone's page).</summary>
public sealed record DigestMilestone(int Id, string Title, DateOnly Due, DateTimeOffset? CompletedAt, int? TaskId = null);

/// <summary>A glossary entry: the client's <paramref name="Term"/>, the provider's word for it, and a Markdown definition.</summary>
public sealed record DigestGlossaryTerm(int Id, string Term, string? ProviderTerm, string Definition);

public sealed record DigestMetric(
    int Id,
    string Name,
    string? Unit,
    decimal? Baseline,
    decimal? Target,
    bool HigherIsBetter,
    IReadOnlyList<DigestMeasurement> Measurements);

public sealed record DigestMeasurement(DateTimeOffset At, decimal Value);

/// <summary>Kudos as people post them: who or what deserves it (<paramref name="Title"/>), optionally more words, and who said so.</summary>
public sealed record DigestKudos(DateTimeOffset At, string? FromName, string Title, string? Body = null);

/// <summary>
/// The digest's period: the recipient's local <paramref name="Date"/>, and the window for
/// "since your last digest": after <paramref name="Since"/> (the previous digest's
/// <paramref name="Until"/>; null for a first digest) up to and including <paramref name="Until"/>.
/// <paramref name="LastDate"/> is the previous digest's date: what it looked ahead to is no news now.
/// </summary>
public sealed record DigestPeriod(DateOnly Date, DateTimeOffset Until, DateTimeOffset? Since, DateOnly? LastDate = null);
