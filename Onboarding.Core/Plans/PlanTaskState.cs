using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// What rescheduling needs to know of a task in a running plan. Everything people record beyond
/// completion (comments, checklist ticks, notes) stays with the caller, stored against <see cref="Key"/>:
/// keys never change when dates move or a template is upgraded, so nothing keyed by them is lost.
/// <see cref="DependsOn"/> holds plan keys; a dependency that is done no longer holds a task back.
/// </summary>
public sealed record PlanTaskState(
    string Key,
    DayAnchor Anchor,
    DateOnly Start,
    DateOnly Due,
    IReadOnlyList<string> DependsOn,
    DateOnly? CompletedOn,
    string? Warning)
{
    public bool IsDone => CompletedOn is not null;
}

/// <summary>
/// The plan after an upgrade to a newer template version. <see cref="Removed"/> are the tasks the new
/// version no longer has, returned whole (done or not) so the caller can archive them rather than lose them.
/// </summary>
public sealed record PlanUpgrade(IReadOnlyList<PlanTaskState> Tasks, IReadOnlyList<string> AddedKeys, IReadOnlyList<PlanTaskState> Removed);
