using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>What a reschedule moves: the engagement's kickoff, its go-live, or one task (its dependents follow).</summary>
public enum RescheduleTarget
{
    Kickoff,
    GoLive,
    Task,
}

/// <summary>
/// One task whose dates a reschedule changes, before and after, as the preview shows it; <paramref name="Why"/> says which
/// holiday or day off moved it when a change of its locations' calendars did.
/// </summary>
public sealed record TaskMove(PlanTask Task, DateOnly NewStart, DateOnly NewDue, string? NewWarning, string? Why = null);

/// <summary>What a template's tasks count their days from: <see cref="Default"/>, except the tasks (by template task key) in <see cref="ByTask"/>.</summary>
public sealed record TemplateAnchors(DayAnchor Default, IReadOnlyDictionary<string, DayAnchor> ByTask)
{
    /// <summary>The anchor of a plan task, by its plan key (<c>template/[instance/]task[@person]</c>).</summary>
    public DayAnchor Of(string planKey)
    {
        if (ByTask.Count == 0)
        {
            return Default;
        }
        var end = planKey.IndexOf(PersonalCopies.KeySeparator, StringComparison.Ordinal);
        var withoutPerson = end < 0 ? planKey : planKey[..end];
        var taskKey = withoutPerson[(withoutPerson.LastIndexOf('/') + 1)..];
        return ByTask.GetValueOrDefault(taskKey, Default);
    }
}

/// <summary>
/// Rescheduling a running plan stored as entities: maps the tasks to <see cref="PlanRescheduler"/>'s states,
/// reads back which ones move, and applies those moves. Done tasks never move (the rescheduler keeps them).
/// </summary>
public static class PlanReschedule
{
    /// <summary>
    /// The tasks that would move. <paramref name="tasks"/> are all the engagement's tasks with <see cref="PlanTask.DependsOn"/>,
    /// owner and participants loaded, and those members' locations with their holidays; <paramref name="anchors"/> tells, per template snapshot id, what its day numbers count from.
    /// </summary>
    /// <exception cref="InvalidOperationException">The task to move is done.</exception>
    public static IReadOnlyList<TaskMove> Preview(
        Engagement engagement, IReadOnlyList<PlanTask> tasks, IReadOnlyDictionary<int, TemplateAnchors> anchors,
        RescheduleTarget target, DateOnly date, int? taskId)
    {
        var calendar = PlanWriter.Calendar(engagement);
        var states = States(tasks, anchors);
        var located = new LocationCalendars(calendar);
        var moved = target switch
        {
            RescheduleTarget.Kickoff => PlanRescheduler.MoveAnchor(states, DayAnchor.Kickoff, engagement.Kickoff, date, calendar, i => located.For(tasks[i]).Calendar),
            RescheduleTarget.GoLive => PlanRescheduler.MoveAnchor(states, DayAnchor.GoLive, engagement.GoLive, date, calendar, i => located.For(tasks[i]).Calendar),
            _ => PlanRescheduler.MoveTask(states, tasks.Single(t => t.Id == taskId).Key, date, calendar),
        };
        if (target == RescheduleTarget.Task && tasks.Any(t => t.Owner?.Locations.Count > 0))
        {
            // The moved task and those it pushed were placed on the engagement's calendar: put each back on its locations'.
            // (Anchor moves count each task's shift on its own calendar already, and stay reversible.)
            moved = TaskCalendars.Recalendar(moved, i => located.For(tasks[i]).Calendar, i => located.For(tasks[i]));
        }
        return tasks.Zip(moved)
            .Where(p => p.First.Start != p.Second.Start || p.First.Due != p.Second.Due)
            .Select(p => new TaskMove(p.First, p.Second.Start, p.Second.Due, p.Second.Warning))
            .ToList();
    }

    /// <summary>
    /// For a task moved to start on <paramref name="date"/>: why it starts on a later day, when its people's locations do
    /// not work that day (<see cref="LocationCalendars.RollNote"/>); null when they do, or when a dependency holds it
    /// later still (its warning says so). <paramref name="moves"/> is the preview of that move.
    /// </summary>
    public static string? RollNote(Engagement engagement, PlanTask task, DateOnly date, IReadOnlyList<TaskMove> moves) =>
        new LocationCalendars(PlanWriter.Calendar(engagement)).RollNote(task, date, moves.FirstOrDefault(m => m.Task == task)?.NewStart ?? task.Start);

    /// <summary>Applies a preview: new dates and warnings on the tasks, unreached milestones follow their task, and the anchor date itself.</summary>
    public static void Apply(Engagement engagement, IReadOnlyList<TaskMove> moves, IEnumerable<Milestone> milestones, RescheduleTarget target, DateOnly date)
    {
        var milestonesByTask = milestones.Where(m => m.TaskId is not null && m.ReachedAt is null).ToLookup(m => m.TaskId!.Value);
        foreach (var move in moves)
        {
            move.Task.Start = move.NewStart;
            move.Task.Due = move.NewDue;
            move.Task.Warning = move.NewWarning;
            foreach (var milestone in milestonesByTask[move.Task.Id])
            {
                milestone.Date = move.NewDue;
            }
        }
        if (target == RescheduleTarget.Kickoff)
        {
            engagement.Kickoff = date;
        }
        else if (target == RescheduleTarget.GoLive)
        {
            engagement.GoLive = date;
        }
    }

    /// <summary>
    /// What the snapshot's template counts its days from, and the tasks that count from another date (a go-live
    /// readiness check in a kickoff plan). Tasks added by hand, and any snapshot the current parser no longer reads,
    /// count from kickoff: moving kickoff moves every unfinished task.
    /// </summary>
    public static TemplateAnchors AnchorOf(TemplateSnapshot snapshot) =>
        TemplateParser.Parse($"{snapshot.TemplateKey}.md", snapshot.Content).Template is { } template
            ? new TemplateAnchors(template.Anchor, template.Tasks.Where(t => t.Anchor is not null).ToDictionary(t => t.Key, t => t.Anchor!.Value))
            : new TemplateAnchors(DayAnchor.Kickoff, new Dictionary<string, DayAnchor>());

    internal static List<PlanTaskState> States(IReadOnlyList<PlanTask> tasks, IReadOnlyDictionary<int, TemplateAnchors> anchors)
    {
        var keys = tasks.ToDictionary(t => t.Id, t => t.Key);
        return tasks.Select(t => new PlanTaskState(
            t.Key,
            t.TemplateSnapshotId is { } snapshotId && anchors.TryGetValue(snapshotId, out var anchor) ? anchor.Of(t.Key) : DayAnchor.Kickoff,
            t.Start,
            t.Due,
            t.DependsOn.Select(d => keys[d.DependsOnTaskId]).ToList(),
            t.Status == PlanTaskStatus.Done ? (t.CompletedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : t.Due) : null,
            t.Warning)).ToList();
    }
}
