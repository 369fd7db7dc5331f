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
    /// its length in working days (measured on its old calendar). Done tasks keep their dates. Returned in the order given;
    /// the calendars are asked for by index in <paramref name="tasks"/>.
    /// A task whose calendar carries a warning takes that warning.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dependencies form a cycle.</exception>
    public static IReadOnlyList<PlanTaskState> Recalendar(
        IReadOnlyList<PlanTaskState> tasks, Func<int, BusinessCalendar> before, Func<int, TaskCalendar> after)
    {
        // By index rather than by key: a launch recalendars thousands of tasks and this is on its path.
        var index = new Dictionary<string, int>(tasks.Count, StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            index[tasks[i].Key] = i;
        }
        var result = tasks.ToArray();
        foreach (var i in DependencyOrder(tasks, index))
        {
            var task = result[i];
            if (task.IsDone)
            {
                continue;
            }
            var (calendar, calendarWarning) = after(i);
            var length = before(i).WorkingDaysBetween(task.Start, task.Due);
            var start = calendar.RollForward(task.Start);
            var warning = calendarWarning ?? task.Warning;
            PlanTaskState? blocker = null;
            foreach (var dependency in task.DependsOn)
            {
                if (index.TryGetValue(dependency, out var d) && result[d] is { IsDone: false } candidate && (blocker is null || candidate.Due > blocker.Due))
                {
                    blocker = candidate;
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
                result[i] = task with { Start = start, Due = due, Warning = warning };
            }
        }
        return result;
    }

    /// <summary>Kahn's algorithm over task indexes; dependencies on keys outside the list are ignored.</summary>
    private static List<int> DependencyOrder(IReadOnlyList<PlanTaskState> tasks, Dictionary<string, int> index)
    {
        var waitingOn = new int[tasks.Count];
        var dependents = new List<int>?[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            foreach (var dependency in tasks[i].DependsOn)
            {
                if (index.TryGetValue(dependency, out var d))
                {
                    (dependents[d] ??= []).Add(i);
                    waitingOn[i]++;
                }
            }
        }
        var ready = new Queue<int>();
        for (var i = 0; i < tasks.Count; i++)
        {
            if (waitingOn[i] == 0)
            {
                ready.Enqueue(i);
            }
        }
        var order = new List<int>(tasks.Count);
        while (ready.TryDequeue(out var i))
        {
            order.Add(i);
            foreach (var dependent in dependents[i] ?? [])
            {
                if (--waitingOn[dependent] == 0)
                {
                    ready.Enqueue(dependent);
                }
            }
        }
        if (order.Count < tasks.Count)
        {
            throw new InvalidOperationException("The plan's dependencies form a cycle.");
        }
        return order;
    }
}
