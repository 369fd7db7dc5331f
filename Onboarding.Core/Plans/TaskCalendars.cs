namespace Onboarding.Core.Plans;

/// <summary>The calendar one task is scheduled on, and why it could not be everyone's when it is not.</summary>
public sealed record TaskCalendar(BusinessCalendar Calendar, string? Warning = null);

/// <summary>
/// Places tasks on their own calendars (their people's locations) after the plan's dates were worked out on
/// another: the engagement's at a launch, the old holidays when a location's list changes. Pure.
/// </summary>
public static class TaskCalendars
{
    /// <summary>
    /// Every unfinished task, in dependency order, starts on the first working day of its new calendar on or after
    /// its current start, and no earlier than the working day after its latest unfinished dependency is due; it keeps
    /// its length in working days (measured on its old calendar). Done tasks keep their dates. Returned in the order given.
    /// A task whose calendar carries a warning takes that warning.
    /// </summary>
    public static IReadOnlyList<PlanTaskState> Recalendar(
        IReadOnlyList<PlanTaskState> tasks, Func<PlanTaskState, BusinessCalendar> before, Func<PlanTaskState, TaskCalendar> after)
    {
        var byKey = new Dictionary<string, PlanTaskState>(tasks.Count);
        foreach (var task in tasks)
        {
            byKey[task.Key] = task;
        }
        foreach (var key in PlanRescheduler.DependencyOrder(tasks))
        {
            var task = byKey[key];
            if (task.IsDone)
            {
                continue;
            }
            var (calendar, calendarWarning) = after(task);
            var length = before(task).WorkingDaysBetween(task.Start, task.Due);
            var start = calendar.RollForward(task.Start);
            var warning = calendarWarning ?? task.Warning;
            PlanTaskState? blocker = null;
            foreach (var dependency in task.DependsOn)
            {
                if (byKey.TryGetValue(dependency, out var d) && !d.IsDone && (blocker is null || d.Due > blocker.Due))
                {
                    blocker = d;
                }
            }
            if (blocker is not null && calendar.NextWorkingDay(blocker.Due) is var earliest && earliest > start)
            {
                start = earliest;
                warning = calendarWarning ?? $"starts on {start.Iso()} because '{blocker.Key}' is due on {blocker.Due.Iso()}";
            }
            var due = calendar.AddWorkingDays(start, Math.Max(length, 0));
            if (start != task.Start || due != task.Due || warning != task.Warning)
            {
                byKey[key] = task with { Start = start, Due = due, Warning = warning };
            }
        }
        return tasks.Select(t => byKey[t.Key]).ToList();
    }
}
