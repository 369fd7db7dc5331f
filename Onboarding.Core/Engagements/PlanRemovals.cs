using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;

namespace Onboarding.Core.Engagements;

/// <summary>What removing an applied template did: <see cref="Description"/> is what the activity log records.</summary>
public sealed record TemplateRemoval(string Title, int Tasks, string Description);

/// <summary>
/// Taking tasks out of a plan, the one way whoever asks: the leader removing one task, the leader removing a template
/// applied by mistake, or an upgrade to a template version that no longer has the task. The plan model has no removed
/// state, so a task is deleted; its checklist, comments, dependency links (either way) and reassignments go with it
/// (the database cascades). Its pending milestone goes too; a reached one is history and stays, with the win it made,
/// their link to the task cleared by the database. Earlier activity entries keep their text but no longer link to
/// the page that is gone. Each entry point returns what the activity log records about the removal; recording it
/// (with the caller's actor) and saving are the caller's.
/// </summary>
public static class PlanRemovals
{
    /// <summary>One task, removed by the leader for <paramref name="reason"/>; the log keeps where it was in the plan and what went with it.</summary>
    public static async Task<string> RemoveTaskAsync(OnboardingDbContext db, PlanTask task, string reason, CancellationToken cancellationToken = default)
    {
        var comments = await db.TaskComments.CountAsync(c => c.TaskId == task.Id, cancellationToken);
        await RemoveAsync(db, task.EngagementId, [task], cancellationToken);
        return $"Removed task “{task.Title}” ({task.PhaseTitle}, {task.Start:d MMM}–{task.Due:d MMM}, {StatusAndComments(task, comments)}): {reason.Trim()}";
    }

    /// <summary>
    /// The snapshot and every task generated from it. Glossary terms it brought stay, as people may have edited them.
    /// Needs the snapshot's <see cref="TemplateSnapshot.ForMember"/> loaded; the log gets one entry for the lot.
    /// </summary>
    public static async Task<TemplateRemoval> RemoveTemplateAsync(OnboardingDbContext db, TemplateSnapshot snapshot, string reason, CancellationToken cancellationToken = default)
    {
        var tasks = await db.PlanTasks.Where(t => t.EngagementId == snapshot.EngagementId && t.TemplateSnapshotId == snapshot.Id).ToListAsync(cancellationToken);
        await RemoveAsync(db, snapshot.EngagementId, tasks, cancellationToken);
        db.TemplateSnapshots.Remove(snapshot);
        var title = snapshot.Title + (snapshot.ForMember is { } m ? $" for {m.Name}" : "");
        var done = tasks.Count(t => t.Status == PlanTaskStatus.Done);
        return new TemplateRemoval(title, tasks.Count, $"Removed the template “{title}” (version {snapshot.Version}) and its {Text.Words.Count(tasks.Count, "task")} ({done} done): {reason.Trim()}");
    }

    /// <summary>
    /// The tasks an upgrade to <paramref name="version"/> drops, with the comment counts its preview showed; one log
    /// description per task, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveForUpgradeAsync(
        OnboardingDbContext db, int engagementId, IReadOnlyList<UpgradeRemoval> removals, int version, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(db, engagementId, removals.Select(r => r.Task).ToList(), cancellationToken);
        return removals
            .Select(r => $"Deleted the task “{r.Task.Title}” ({StatusAndComments(r.Task, r.Comments)}): removed by template upgrade to version {version}")
            .ToList();
    }

    /// <summary>"done, 2 comments": what the log says went with a removed task.</summary>
    private static string StatusAndComments(PlanTask task, int comments) =>
        task.Status.DisplayName().ToLowerInvariant() + (comments == 0 ? "" : $", {Text.Words.Count(comments, "comment")}");

    /// <summary>Marks the tasks (tracked) deleted with their pending milestones, and unlinks their earlier activity entries.</summary>
    private static async Task RemoveAsync(OnboardingDbContext db, int engagementId, IReadOnlyList<PlanTask> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return;
        }
        var taskIds = tasks.Select(t => t.Id).ToList();
        db.Milestones.RemoveRange(await db.Milestones
            .Where(m => m.TaskId != null && taskIds.Contains(m.TaskId.Value) && m.ReachedAt == null)
            .ToListAsync(cancellationToken));
        foreach (var entry in await db.Activity
                     .Where(a => a.EngagementId == engagementId && a.TaskId != null && taskIds.Contains(a.TaskId.Value))
                     .ToListAsync(cancellationToken))
        {
            entry.TaskId = null;
        }
        db.PlanTasks.RemoveRange(tasks);
    }
}
