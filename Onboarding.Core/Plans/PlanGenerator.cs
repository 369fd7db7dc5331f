using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// Turns templates into dated tasks. Day numbers are working days: day 1 is the template's anchor date
/// (kickoff or go-live) rolled forward to a working day, day N the Nth working day from there. A task due
/// after <c>duration</c> working days is due on day <c>start + duration − 1</c>. A task whose dependencies
/// are due too late for its planned day starts the working day after the last of them, with a warning.
/// </summary>
public static class PlanGenerator
{
    /// <exception cref="ArgumentException">Two applications share template and instance key, an instance key holds a '/',
    /// or a template's dependencies form a cycle (impossible for a template that came through <see cref="TemplateParser"/>).</exception>
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

        var days = new Dictionary<DayAnchor, WorkingDayNumbers>
        {
            [DayAnchor.Kickoff] = new(calendar, kickoff),
            [DayAnchor.GoLive] = new(calendar, goLive),
        };
        var tasks = new List<PlannedTask>();
        var unresolved = new List<UnresolvedOwner>();
        foreach (var application in applications)
        {
            var scheduled = Schedule(application, days[application.Template.Anchor]);
            tasks.AddRange(scheduled);
            unresolved.AddRange(scheduled
                .Where(t => t.OwnerReference is null)
                .GroupBy(t => t.OwnerRole)
                .Select(g => new UnresolvedOwner(application.Template.Key, application.InstanceKey, g.Key, g.Select(t => t.Key).ToList())));
        }
        return new GeneratedPlan(tasks.OrderBy(t => t.Start).ToList(), unresolved);
    }

    private static List<PlannedTask> Schedule(TemplateApplication application, WorkingDayNumbers days)
    {
        var template = application.Template;
        var tasks = template.Tasks;
        var index = new Dictionary<string, int>(tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            index[tasks[i].Key] = i;
        }
        var startDay = new int[tasks.Count];
        var dueDay = new int[tasks.Count];
        var warnings = new string?[tasks.Count];
        foreach (var i in TopologicalOrder(template, index))
        {
            var task = tasks[i];
            var latest = -1;
            foreach (var dependency in task.DependsOn)
            {
                var d = index[dependency];
                if (latest < 0 || dueDay[d] > dueDay[latest])
                {
                    latest = d;
                }
            }
            startDay[i] = latest < 0 ? task.StartDay : Math.Max(task.StartDay, dueDay[latest] + 1);
            dueDay[i] = startDay[i] + task.DurationDays - 1;
            if (startDay[i] > task.StartDay)
            {
                var late = startDay[i] - task.StartDay;
                warnings[i] = $"starts {late} working day{(late == 1 ? "" : "s")} later than planned because " +
                    $"'{tasks[latest].Title}' is due on {days.Date(dueDay[latest]).Iso()}";
            }
        }

        // Which people each task is copied for: null for a shared task (one copy), else one per holder of its role.
        var people = new IReadOnlyList<PlanPerson>?[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            if (application.People is { } byRole && template.IsPerPerson(tasks[i]))
            {
                people[i] = byRole.TryGetValue(tasks[i].Owner, out var holders) ? holders : [];
            }
        }
        string KeyOf(int i, PlanPerson? person) =>
            person is null ? PlanKeys.For(template.Key, application.InstanceKey, tasks[i].Key) : PersonalCopies.Key(PlanKeys.For(template.Key, application.InstanceKey, tasks[i].Key), person.Key);

        // A copy depends on the same person's copy of a task of its own role, on every copy of another per-person
        // role's task, and on a shared task itself; a shared task depends on every copy.
        List<string> Dependencies(int i, PlanPerson? person)
        {
            var keys = new List<string>();
            foreach (var dependency in tasks[i].DependsOn)
            {
                var d = index[dependency];
                if (people[d] is not { Count: > 0 } copies)
                {
                    keys.Add(KeyOf(d, null));
                }
                else if (person is not null && tasks[d].Owner == tasks[i].Owner)
                {
                    keys.Add(KeyOf(d, person));
                }
                else
                {
                    keys.AddRange(copies.Select(p => KeyOf(d, p)));
                }
            }
            return keys;
        }

        var planned = new List<PlannedTask>(tasks.Count);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var phase = template.Phase(task.PhaseKey);
            PlannedTask Planned(PlanPerson? person, string? owner, string title, string what) => new(
                KeyOf(i, person),
                template.Key,
                template.Version,
                application.InstanceKey,
                task.Key,
                title,
                phase.Key,
                phase.Title,
                days.Date(startDay[i]),
                days.Date(dueDay[i]),
                task.Owner,
                owner,
                Dependencies(i, person),
                task.IsMilestone,
                task.Checklist,
                what,
                task.Why,
                warnings[i] is { } warning ? warning.Replace(PersonalCopies.Placeholder, person?.Name ?? PersonalCopies.Anyone(task.Owner.DisplayName()), StringComparison.Ordinal) : null,
                template.Anchor,
                task.StartDay,
                task.DurationDays)
            { Person = person, ParticipantRoles = task.Participants };

            if (people[i] is { Count: > 0 } holders)
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
                planned.Add(Planned(null, people[i] is null ? shared : null, task.Title.Replace(PersonalCopies.Placeholder, anyone, StringComparison.Ordinal), task.What.Replace(PersonalCopies.Placeholder, anyone, StringComparison.Ordinal)));
                continue;
            }
            planned.Add(Planned(null, shared, task.Title, task.What));
        }
        return planned;
    }

    /// <summary>Kahn's algorithm: every task after the tasks it depends on.</summary>
    private static List<int> TopologicalOrder(PlanTemplate template, Dictionary<string, int> index)
    {
        var tasks = template.Tasks;
        var waitingOn = new int[tasks.Count];
        var dependents = new List<int>?[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            foreach (var dependency in tasks[i].DependsOn)
            {
                if (!index.TryGetValue(dependency, out var d))
                {
                    throw new ArgumentException($"Template '{template.Key}': task '{tasks[i].Key}' depends on unknown task '{dependency}'.");
                }
                (dependents[d] ??= []).Add(i);
                waitingOn[i]++;
            }
        }
        var ready = new Queue<int>(Enumerable.Range(0, tasks.Count).Where(i => waitingOn[i] == 0));
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
            throw new ArgumentException($"Template '{template.Key}' has a dependency cycle.");
        }
        return order;
    }

    /// <summary>Working day number → date from one anchor, extended only as far as tasks reach.</summary>
    private sealed class WorkingDayNumbers(BusinessCalendar calendar, DateOnly anchor)
    {
        private readonly List<DateOnly> dates = [calendar.RollForward(anchor)];

        public DateOnly Date(int day)
        {
            while (dates.Count < day)
            {
                dates.Add(calendar.NextWorkingDay(dates[^1]));
            }
            return dates[day - 1];
        }
    }
}
