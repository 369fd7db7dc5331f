using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// One template applied to an engagement. <see cref="InstanceKey"/> tells apart several applications of the
/// same template (the recruiter template once per recruiter); empty when the template is applied once.
/// <see cref="Owners"/> maps each role to an opaque reference chosen by the caller, such as an email address.
/// <see cref="People"/> lists the holders of the template's per-person roles: each gets a copy of every task the role
/// owns (no holder: one task without an owner, reported unresolved). Null when nobody is to be named, as in a
/// preview of the template itself: then such a task appears once, for "each hiring manager".
/// </summary>
public sealed record TemplateApplication(PlanTemplate Template, string InstanceKey, IReadOnlyDictionary<EngagementRole, string> Owners)
{
    public IReadOnlyDictionary<EngagementRole, IReadOnlyList<PlanPerson>>? People { get; init; }
}

/// <summary>
/// A dated task of a generated plan. <see cref="Key"/> is unique in the plan and stable across
/// regenerations: <c>template/task</c>, or <c>template/instance/task</c> when the application has an instance key.
/// <see cref="OwnerReference"/> is null when the application named nobody for <see cref="OwnerRole"/>.
/// <see cref="PlannedStartDay"/> and <see cref="DurationDays"/> are the template's working-day numbers.
/// <see cref="Anchor"/> is what the task's days count from (its own <c>days count from</c>, else its template's).
/// A per-person copy has <see cref="Person"/> set and a key ending in <c>@person-key</c> (see <see cref="PersonalCopies"/>).
/// </summary>
public sealed record PlannedTask(
    string Key,
    string TemplateKey,
    int TemplateVersion,
    string InstanceKey,
    string TaskKey,
    string Title,
    string PhaseKey,
    string PhaseTitle,
    DateOnly Start,
    DateOnly Due,
    EngagementRole OwnerRole,
    string? OwnerReference,
    IReadOnlyList<string> DependsOn,
    bool IsMilestone,
    IReadOnlyList<string> Checklist,
    string What,
    string Why,
    string? Warning,
    DayAnchor Anchor,
    int PlannedStartDay,
    int DurationDays)
{
    /// <summary>Whom this per-person copy is for; null for a task shared by the engagement.</summary>
    public PlanPerson? Person { get; init; }

    /// <summary>Roles whose members attend the task besides its owner.</summary>
    public IReadOnlyList<EngagementRole> ParticipantRoles { get; init; } = [];

    /// <summary>The key of the template whose task pushed this one later than planned, when that is another template; else null.</summary>
    public string? MovedByTemplate { get; init; }

    /// <summary>The shared key this task was merged under (see <see cref="TemplateTask.SharedKey"/>); null for a task of its own.</summary>
    public string? SharedKey { get; init; }

    /// <summary>The part of the task that rescheduling works on, not yet done.</summary>
    public PlanTaskState ToState() => new(Key, Anchor, Start, Due, DependsOn, CompletedOn: null, Warning);
}

/// <summary>A role one application needs but has nobody for, with the tasks waiting on it.</summary>
public sealed record UnresolvedOwner(string TemplateKey, string InstanceKey, EngagementRole Role, IReadOnlyList<string> TaskKeys);

/// <summary>The tasks in start order (ties in application, then template order), and the roles still to fill.</summary>
public sealed record GeneratedPlan(IReadOnlyList<PlannedTask> Tasks, IReadOnlyList<UnresolvedOwner> UnresolvedOwners);

public static class PlanKeys
{
    public static string For(string templateKey, string instanceKey, string taskKey) =>
        instanceKey.Length == 0 ? $"{templateKey}/{taskKey}" : $"{templateKey}/{instanceKey}/{taskKey}";
}
