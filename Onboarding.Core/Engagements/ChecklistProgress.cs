using Onboarding.Core.Text;

namespace Onboarding.Core.Engagements;

/// <summary>How far a task's checklist is, as the task page, the activity log and the digest say it.</summary>
public static class ChecklistProgress
{
    public static string Text(int done, int total) => $"{done} of {Words.Count(total, "checklist item")} done";
}
