using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Locations.Holidays;

namespace Onboarding.Core.Engagements;

public enum ReassignOutcome
{
    Reassigned,
    Unchanged,

    /// <summary>No such task in this engagement: 404.</summary>
    UnknownTask,

    /// <summary>No such member in this engagement: 404.</summary>
    UnknownMember,

    /// <summary>The task cannot change hands (done or skipped): 422.</summary>
    Refused,

    /// <summary>The form was opened on an older version of the task: 409.</summary>
    Stale,
}

/// <summary>
/// <see cref="Description"/> is what the activity log records when the owner changed; <see cref="Message"/> what the
/// person who asked is told; <see cref="Version"/> the task's version to reopen the form on after a refusal.
/// </summary>
public sealed record ReassignResult(ReassignOutcome Outcome, string Message, string? Description = null, int? Version = null);

/// <summary>
/// The rules of handing a task to another member of its engagement. The new owner's role becomes the task's
/// owner role (as for a task added by hand), and a <see cref="TaskReassignment"/> records the change so both
/// people's next digests mention it once. Changes are added to the context, not saved: the caller saves them
/// with the activity entry through <see cref="VersionedSaves.TrySaveAsync"/>, which refuses a save over a newer version.
/// </summary>
public static class TaskOwnerChange
{
    public static async Task<ReassignResult> ReassignAsync(
        OnboardingDbContext db, int engagementId, int taskId, int newOwnerId, int? formVersion, string changedBy, string changedByTimeZone, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var task = await db.PlanTasks.Include(t => t.Owner).FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId, cancellationToken);
        if (task is null)
        {
            return new ReassignResult(ReassignOutcome.UnknownTask, "There is no such task in this engagement.");
        }
        var owner = await db.Members.FirstOrDefaultAsync(m => m.Id == newOwnerId && m.EngagementId == engagementId, cancellationToken);
        if (owner is null)
        {
            return new ReassignResult(ReassignOutcome.UnknownMember, $"There is no stakeholder #{newOwnerId} in this engagement: choose the new owner from the list.", Version: task.Version);
        }
        if (task.OwnerId == owner.Id)
        {
            return new ReassignResult(ReassignOutcome.Unchanged, $"{owner.Name} already owns “{task.Title}”; nothing changed.");
        }
        if (task.StaleEdit(formVersion, $"“{task.Title}”", changedByTimeZone) is { } stale)
        {
            return new ReassignResult(ReassignOutcome.Stale, stale, Version: task.Version);
        }
        if (!task.IsOpen)
        {
            return new ReassignResult(ReassignOutcome.Refused, $"“{task.Title}” is {task.Status.DisplayName().ToLowerInvariant()}: its owner is history and stays as it was.", Version: task.Version);
        }

        var previous = task.Owner;
        task.OwnerId = owner.Id;
        task.Owner = owner;
        task.OwnerRole = owner.Role;
        task.ChangedNowBy(changedBy, now);
        db.TaskReassignments.Add(new TaskReassignment { EngagementId = engagementId, TaskId = task.Id, FromMemberId = previous?.Id, ToMemberId = owner.Id, At = now });
        var from = previous is null ? "" : $" from {previous.Name}";
        return new ReassignResult(ReassignOutcome.Reassigned, $"“{task.Title}” is now {owner.Name}'s.", $"Reassigned “{task.Title}”{from} to {owner.Name}");
    }

    /// <summary>
    /// The tasks whose dates change now that <paramref name="task"/> is its new owner's rather than
    /// <paramref name="previousOwner"/>'s: it goes onto the days the new owner's locations work, and the tasks after it
    /// follow. <paramref name="tasks"/> are all the engagement's tasks as <see cref="LocatedTasks.LoadAsync"/> loads them,
    /// <paramref name="task"/> among them, and the new owner's locations and holidays are loaded.
    /// </summary>
    public static IReadOnlyList<TaskMove> Moves(Engagement engagement, IReadOnlyList<PlanTask> tasks, PlanTask task, Member? previousOwner)
    {
        var calendars = new LocationCalendars(PlanWriter.Calendar(engagement));
        return calendars.Reowned(task, previousOwner).MovesTo(calendars, tasks);
    }
}
