using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// Moves the dates of a running plan. Done tasks never move; a task that moves keeps its length in
/// working days; a task pushed by its dependencies says so in its warning. Every function returns
/// the tasks in the order it was given them.
/// </summary>
public static class PlanRescheduler
{
    /// <summary>
    /// Kickoff or go-live moved from <paramref name="from"/> to <paramref name="to"/>: every task counted from that
    /// anchor and not yet done moves by the same number of working days, so moving back restores every date.
    /// </summary>
    public static IReadOnlyList<PlanTaskState> MoveAnchor(
        IReadOnlyList<PlanTaskState> tasks, DayAnchor anchor, DateOnly from, DateOnly to, BusinessCalendar calendar) =>
        MoveAnchor(tasks, anchor, from, to, calendar, _ => calendar);

    /// <summary>
    /// As above, each task counting the shift (in the engagement's working days) on its own calendar
    /// (<paramref name="own"/>, by index), so a task on a location's calendar moves back to the same dates too.
    /// </summary>
    public static IReadOnlyList<PlanTaskState> MoveAnchor(
        IReadOnlyList<PlanTaskState> tasks, DayAnchor anchor, DateOnly from, DateOnly to, BusinessCalendar calendar, Func<int, BusinessCalendar> own)
    {
        var shift = calendar.WorkingDaysBetween(calendar.RollForward(from), calendar.RollForward(to));
        return tasks
            .Select((t, i) => t.Anchor != anchor || t.IsDone
                ? t
                : own(i) is var c ? t with { Start = c.AddWorkingDays(t.Start, shift), Due = c.AddWorkingDays(t.Due, shift) } : t)
            .ToList();
    }

    /// <summary>
    /// Moves one task to start on <paramref name="newStart"/> (rolled forward to a working day), keeping its length.
    /// It cannot start before its unfinished dependencies are due; asked to, it starts the working day after,
    /// with a warning. Its dependents, transitively, move later where they would otherwise start too early.
    /// </summary>
    /// <exception cref="ArgumentException">No task has key <paramref name="key"/>.</exception>
    /// <exception cref="InvalidOperationException">The task is done: its dates are history.</exception>
    public static IReadOnlyList<PlanTaskState> MoveTask(
        IReadOnlyList<PlanTaskState> tasks, string key, DateOnly newStart, BusinessCalendar calendar)
    {
        var byKey = tasks.ToDictionary(t => t.Key);
        if (!byKey.TryGetValue(key, out var task))
        {
            throw new ArgumentException($"The plan has no task '{key}'.", nameof(key));
        }
        if (task.IsDone)
        {
            throw new InvalidOperationException($"Task '{key}' is done; done tasks keep their dates.");
        }

        var asked = calendar.RollForward(newStart);
        var start = asked;
        string? warning = null;
        if (LatestDependency(task, byKey) is { } blocker && calendar.NextWorkingDay(blocker.Due) is var earliest && earliest > asked)
        {
            start = earliest;
            warning = $"starts on {start.Iso()}, not {asked.Iso()} as asked, because '{blocker.Key}' is due on {blocker.Due.Iso()}";
        }
        byKey[key] = task with
        {
            Start = start,
            Due = calendar.AddWorkingDays(start, calendar.WorkingDaysBetween(task.Start, task.Due)),
            Warning = warning,
        };
        PushDependents(tasks, byKey, Dependents(tasks, key), calendar);
        return tasks.Select(t => byKey[t.Key]).ToList();
    }

    /// <summary>
    /// Moves a plan to a newer template version. <paramref name="regenerated"/> is the new version generated with the
    /// plan's current dates, calendar and owners (<see cref="PlanGenerator"/>, then <see cref="PlannedTask.ToState"/>).
    /// Tasks whose key still exists keep their dates, completion and warning but take the new dependencies;
    /// new tasks take their generated dates; then unfinished tasks move later where a dependency requires it.
    /// </summary>
    public static PlanUpgrade Upgrade(IReadOnlyList<PlanTaskState> current, IReadOnlyList<PlanTaskState> regenerated, BusinessCalendar calendar)
    {
        var old = current.ToDictionary(t => t.Key);
        var tasks = regenerated
            .Select(t => old.TryGetValue(t.Key, out var kept)
                ? t with { Start = kept.Start, Due = kept.Due, CompletedOn = kept.CompletedOn, Warning = kept.Warning }
                : t)
            .ToList();
        var byKey = tasks.ToDictionary(t => t.Key);
        PushDependents(tasks, byKey, byKey.Keys.ToHashSet(), calendar);
        return new PlanUpgrade(
            tasks.Select(t => byKey[t.Key]).ToList(),
            regenerated.Where(t => !old.ContainsKey(t.Key)).Select(t => t.Key).ToList(),
            current.Where(t => !byKey.ContainsKey(t.Key)).ToList());
    }

    /// <summary>In dependency order, moves each unfinished task of <paramref name="scope"/> to start after its unfinished dependencies are due.</summary>
    private static void PushDependents(
        IReadOnlyList<PlanTaskState> order, Dictionary<string, PlanTaskState> byKey, HashSet<string> scope, BusinessCalendar calendar)
    {
        foreach (var key in DependencyOrder(order))
        {
            var task = byKey[key];
            if (!scope.Contains(key) || task.IsDone || LatestDependency(task, byKey) is not { } blocker)
            {
                continue;
            }
            var earliest = calendar.NextWorkingDay(blocker.Due);
            if (task.Start >= earliest)
            {
                continue;
            }
            var shift = calendar.WorkingDaysBetween(task.Start, earliest);
            byKey[key] = task with
            {
                Start = earliest,
                Due = calendar.AddWorkingDays(task.Due, shift),
                Warning = $"moved {shift} working day{(shift == 1 ? "" : "s")} later because '{blocker.Key}' is now due on {blocker.Due.Iso()}",
            };
        }
    }

    /// <summary>The unfinished dependency due last, or null when nothing holds the task back.</summary>
    private static PlanTaskState? LatestDependency(PlanTaskState task, Dictionary<string, PlanTaskState> byKey) =>
        task.DependsOn
            .Select(k => byKey.GetValueOrDefault(k))
            .Where(d => d is { IsDone: false })
            .MaxBy(d => d!.Due);

    private static HashSet<string> Dependents(IReadOnlyList<PlanTaskState> tasks, string key)
    {
        var dependents = tasks
            .SelectMany(t => t.DependsOn.Select(d => (Dependency: d, Dependent: t.Key)))
            .ToLookup(p => p.Dependency, p => p.Dependent);
        var found = new HashSet<string>();
        var pending = new Stack<string>([key]);
        while (pending.TryPop(out var next))
        {
            foreach (var dependent in dependents[next].Where(found.Add))
            {
                pending.Push(dependent);
            }
        }
        return found;
    }

    /// <summary>Kahn's algorithm over plan keys; dependencies on keys outside the list are ignored.</summary>
    private static List<string> DependencyOrder(IReadOnlyList<PlanTaskState> tasks)
    {
        var keys = tasks.Select(t => t.Key).ToHashSet();
        var waitingOn = tasks.ToDictionary(t => t.Key, t => t.DependsOn.Count(keys.Contains));
        var dependents = tasks
            .SelectMany(t => t.DependsOn.Where(keys.Contains).Select(d => (Dependency: d, Dependent: t.Key)))
            .ToLookup(p => p.Dependency, p => p.Dependent);
        var ready = new Queue<string>(tasks.Where(t => waitingOn[t.Key] == 0).Select(t => t.Key));
        var order = new List<string>(tasks.Count);
        while (ready.TryDequeue(out var key))
        {
            order.Add(key);
            foreach (var dependent in dependents[key].Where(d => --waitingOn[d] == 0))
            {
                ready.Enqueue(dependent);
            }
        }
        if (order.Count < tasks.Count)
        {
            throw new InvalidOperationException("The plan's dependencies form a cycle.");
        }
        return order;
    }
}
