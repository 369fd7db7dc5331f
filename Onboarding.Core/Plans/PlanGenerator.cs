using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// Turns the templates of one launch into dated tasks, all in one dependency order. Day numbers are working days:
/// day 1 of a task is its anchor date (kickoff or go-live: the task's own <c>days count from</c>, else its template's)
/// rolled forward to a working day, day N the Nth working day from there. A task due after <c>duration</c> working days
/// is due on day <c>start + duration − 1</c>. A task whose dependencies are due too late for its planned day starts the
/// working day after the last of them, with a warning.
/// </summary>
/// <remarks>
/// Templates compose:
/// <list type="bullet">
/// <item>A dependency written <c>template/task</c> waits for that task of another template applied in the same launch
/// (every application of it: a client task waiting on a recruiter-template task waits for every recruiter's). A template
/// that is not part of the launch plans none of its work, so a dependency on it is ignored.</item>
/// <item>Tasks with the same <see cref="TemplateTask.SharedKey"/> become one task. Its owner, dates, texts and key are those of
/// the first of them in a fixed order: account-leader templates, then client, then recruiter templates, each by template key,
/// then in launch order (the first recruiter's). Everyone who would have owned one of the others attends it (their roles join
/// the participants), every participant role of each is kept, and it waits for what any of them waited for.
/// A dependency on any of them waits for the one task.</item>
/// </list>
/// </remarks>
public static class PlanGenerator
{
    /// <exception cref="ArgumentException">Two applications share template and instance key, an instance key holds a '/',
    /// a task depends on an unknown task of its own template, or the dependencies form a cycle (impossible for templates
    /// that came through <see cref="TemplateCatalog"/> without errors).</exception>
    public static GeneratedPlan Generate(DateOnly kickoff, DateOnly goLive, BusinessCalendar calendar, IReadOnlyList<TemplateApplication> applications)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var application in applications)
        {
            if (application.InstanceKey.Contains('/'))
            {
                throw new ArgumentException($"Instance key '{application.InstanceKey}' contains '/', which plan keys use as separator.", nameof(applications));
            }
            if (!seen.Add((application.Template.Key, application.InstanceKey)))
            {
                throw new ArgumentException($"Template '{application.Template.Key}' is applied twice with instance key '{application.InstanceKey}'.", nameof(applications));
            }
        }

        var graph = PlanGraph.Build(applications);
        var days = new WorkingDayNumbers(calendar, kickoff, goLive);
        var schedule = Schedule(graph, days);
        var tasks = new List<PlannedTask>();
        var unresolved = new List<UnresolvedOwner>();
        for (var a = 0; a < applications.Count; a++)
        {
            var planned = Emit(graph, a, schedule, days);
            tasks.AddRange(planned);
            unresolved.AddRange(planned
                .Where(t => t.OwnerReference is null)
                .GroupBy(t => t.OwnerRole)
                .Select(g => new UnresolvedOwner(applications[a].Template.Key, applications[a].InstanceKey, g.Key, g.Select(t => t.Key).ToList())));
        }
        return new GeneratedPlan(tasks.OrderBy(t => t.Start).ToList(), unresolved);
    }

    /// <summary>Start and due day of every node (global working-day numbers), and why it starts later than planned.</summary>
    private sealed record Dates(int[] Start, int[] Due, int[] Blocker);

    private static Dates Schedule(PlanGraph graph, WorkingDayNumbers days)
    {
        var count = graph.Count;
        var start = new int[count];
        var due = new int[count];
        var blocker = new int[count];
        foreach (var n in graph.TopologicalOrder())
        {
            var (template, task) = graph.TaskOf(n);
            var planned = days.Day(template.AnchorOf(task), task.StartDay);
            var latest = -1;
            foreach (var d in graph.DependsOn(n))
            {
                if (latest < 0 || due[d] > due[latest])
                {
                    latest = d;
                }
            }
            start[n] = latest < 0 ? planned : Math.Max(planned, due[latest] + 1);
            due[n] = start[n] + task.DurationDays - 1;
            blocker[n] = start[n] > planned ? latest : -1;
        }
        return new Dates(start, due, blocker);
    }

    /// <summary>The tasks application <paramref name="a"/> contributes: each of its tasks that is not merged into another application's.</summary>
    private static List<PlannedTask> Emit(PlanGraph graph, int a, Dates dates, WorkingDayNumbers days)
    {
        var application = graph.Applications[a];
        var template = application.Template;
        var planned = new List<PlannedTask>(template.Tasks.Count);
        for (var i = 0; i < template.Tasks.Count; i++)
        {
            var n = graph.NodeOf(a, i);
            if (graph.Primary(n) != (a, i))
            {
                continue;
            }
            var task = template.Tasks[i];
            var phase = template.Phase(task.PhaseKey);
            string? warning = null;
            string? movedBy = null;
            if (dates.Blocker[n] is var b and >= 0)
            {
                var late = dates.Start[n] - days.Day(template.AnchorOf(task), task.StartDay);
                var (blockerTemplate, blockerTask) = graph.TaskOf(b);
                warning = $"starts {late} working day{(late == 1 ? "" : "s")} later than planned because " +
                    $"'{blockerTask.Title}' is due on {days.Date(dates.Due[b]).Iso()}";
                movedBy = blockerTemplate.Key == template.Key ? null : blockerTemplate.Key;
            }

            // Once per task, not per copy: a launch copies some tasks for fifty people.
            var participants = graph.ParticipantRoles(n);
            var isMilestone = graph.IsMilestone(n);
            PlannedTask Planned(PlanPerson? person, string? owner, string title, string what) => new(
                graph.KeyOf(n, person),
                template.Key,
                template.Version,
                application.InstanceKey,
                task.Key,
                title,
                phase.Key,
                phase.Title,
                days.Date(dates.Start[n]),
                days.Date(dates.Due[n]),
                task.Owner,
                owner,
                graph.DependencyKeys(n, person),
                isMilestone,
                task.Checklist,
                what,
                task.Why,
                warning?.Replace(PersonalCopies.Placeholder, person?.Name ?? PersonalCopies.Anyone(task.Owner.DisplayName()), StringComparison.Ordinal),
                template.AnchorOf(task),
                task.StartDay,
                task.DurationDays)
            { Person = person, ParticipantRoles = participants, MovedByTemplate = movedBy, SharedKey = task.SharedKey };

            if (graph.People(n) is { Count: > 0 } holders)
            {
                foreach (var person in holders)
                {
                    planned.Add(Planned(person, person.Reference, PersonalCopies.Title(task.Title, person.Name), PersonalCopies.Text(task.What, person.Name)));
                }
                continue;
            }
            var shared = application.Owners.TryGetValue(task.Owner, out var reference) && !string.IsNullOrWhiteSpace(reference) ? reference : null;
            if (template.IsPerPerson(task))
            {
                // Nobody named yet (a preview), or nobody holds the role (unresolved, so the launch asks for one).
                var anyone = PersonalCopies.Anyone(task.Owner.DisplayName());
                planned.Add(Planned(null, graph.People(n) is null ? shared : null, task.Title.Replace(PersonalCopies.Placeholder, anyone, StringComparison.Ordinal), task.What.Replace(PersonalCopies.Placeholder, anyone, StringComparison.Ordinal)));
                continue;
            }
            planned.Add(Planned(null, shared, task.Title, task.What));
        }
        return planned;
    }

    /// <summary>
    /// Working day number → date, one numbering for the whole plan: day 1 is the earlier of kickoff and go-live
    /// (rolled forward to a working day), so tasks of both anchors compare as plain numbers. Extended only as far as tasks reach.
    /// </summary>
    private sealed class WorkingDayNumbers
    {
        private readonly BusinessCalendar calendar;
        private readonly List<DateOnly> dates;
        private readonly int kickoff;
        private readonly int goLive;

        public WorkingDayNumbers(BusinessCalendar calendar, DateOnly kickoff, DateOnly goLive)
        {
            this.calendar = calendar;
            dates = [calendar.RollForward(kickoff < goLive ? kickoff : goLive)];
            this.kickoff = Number(calendar.RollForward(kickoff));
            this.goLive = Number(calendar.RollForward(goLive));
        }

        /// <summary>The plan's number for day <paramref name="day"/> counted from <paramref name="anchor"/>.</summary>
        public int Day(DayAnchor anchor, int day) => (anchor == DayAnchor.GoLive ? goLive : kickoff) + day - 1;

        public DateOnly Date(int day)
        {
            while (dates.Count < day)
            {
                dates.Add(calendar.NextWorkingDay(dates[^1]));
            }
            return dates[day - 1];
        }

        /// <summary>The number of a working day on or after day 1.</summary>
        private int Number(DateOnly workingDay)
        {
            while (dates[^1] < workingDay)
            {
                dates.Add(calendar.NextWorkingDay(dates[^1]));
            }
            return dates.Count;
        }
    }
}
