using Onboarding.Core.Data;

namespace Onboarding.Core.Engagements;

public sealed record TaskStatusResult(bool Changed, string? Error, string? Description, bool ReachedMilestone);

/// <summary>The rules of moving a task between to do, in progress, blocked and done.</summary>
public static class TaskStatusChange
{
    public static TaskStatusResult Apply(PlanTask task, PlanTaskStatus status, string? blockedReason, DateTimeOffset now)
    {
        blockedReason = string.IsNullOrWhiteSpace(blockedReason) ? null : blockedReason.Trim();
        if (!Enum.IsDefined(status))
        {
            return new TaskStatusResult(false, "Choose one of the statuses: to do, in progress, blocked or done.", null, false);
        }
        if (blockedReason?.Length > TextLimits.Reason)
        {
            return new TaskStatusResult(false, TextLimits.TooLong("What blocks the task", blockedReason.Length, TextLimits.Reason), null, false);
        }
        if (status == PlanTaskStatus.Blocked && blockedReason is null)
        {
            return new TaskStatusResult(false, "Say what blocks the task, so the people who can unblock it know what to do.", null, false);
        }
        if (status == PlanTaskStatus.Skipped)
        {
            return new TaskStatusResult(false, "Skipping a task is a plan change: use Skip on the plan, with a reason.", null, false);
        }
        if (task.Status == status && task.BlockedReason == blockedReason)
        {
            return new TaskStatusResult(false, null, null, false);
        }

        var wasDone = task.Status == PlanTaskStatus.Done;
        task.Status = status;
        task.BlockedReason = status == PlanTaskStatus.Blocked ? blockedReason : null;
        // Reopening a skipped task makes it part of the plan again; its old reason no longer applies.
        task.SkippedReason = null;
        task.CompletedAt = status == PlanTaskStatus.Done ? (wasDone ? task.CompletedAt : now) : null;

        var description = status switch
        {
            PlanTaskStatus.Done => $"Completed “{task.Title}”",
            PlanTaskStatus.Blocked => $"Marked “{task.Title}” blocked: {blockedReason}",
            PlanTaskStatus.InProgress => $"Started “{task.Title}”",
            _ => $"Reopened “{task.Title}”",
        };
        return new TaskStatusResult(true, null, description, status == PlanTaskStatus.Done && !wasDone && task.IsMilestone);
    }

    public static string DisplayName(this PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.ToDo => "To do",
        PlanTaskStatus.InProgress => "In progress",
        PlanTaskStatus.Blocked => "Blocked",
        PlanTaskStatus.Done => "Done",
        PlanTaskStatus.Skipped => "Skipped",
        _ => status.ToString(),
    };
}
