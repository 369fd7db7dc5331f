using System.Globalization;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Templates;

/// <summary>
/// Turns a template file (YAML front matter, then one Markdown section per task; see templates/README.md)
/// into a <see cref="PlanTemplate"/>, or into every error it contains with its line.
/// </summary>
public static class TemplateParser
{
    private static readonly string[] TaskFields = ["key", "phase", "start", "duration", "owner", "depends-on", "milestone", "participants", "shared", "days-count-from"];

    public static TemplateParseResult Load(string path) => Parse(path, File.ReadAllText(path));

    /// <param name="file">How errors name the file; usually the path it was read from.</param>
    public static TemplateParseResult Parse(string file, string text)
    {
        var errors = new List<TemplateError>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (lines[0].TrimEnd() != "---" || close < 0)
        {
            var message = lines[0].TrimEnd() != "---"
                ? "a template starts with a '---' line, then its YAML front matter, then another '---' line"
                : "the front matter is never closed: add a '---' line after it";
            return new TemplateParseResult(null, [new TemplateError(file, 1, message)]);
        }

        var header = FrontMatterReader.Read(file, string.Join('\n', lines[1..close]), firstLine: 2, errors);
        var drafts = TaskSectionReader.Read(file, lines[(close + 1)..], firstLine: close + 2, errors);
        var tasks = drafts.Select(d => Task(file, d, header.Phases, header.Anchor, errors)).ToList();
        CheckKeysAndDependencies(file, header.Key, drafts, errors);
        CheckPerPerson(file, header, tasks, errors);
        if (drafts.Count == 0)
        {
            errors.Add(new(file, close + 1, "the template has no tasks: each task is a '## Title' section after the front matter"));
        }

        if (errors.Count > 0)
        {
            return new TemplateParseResult(null, errors.OrderBy(e => e.Line).ToList());
        }
        var template = new PlanTemplate(
            header.Key!, header.Title!, header.Version!.Value, header.Audience!.Value, header.Anchor!.Value,
            header.Phases, tasks.Select(t => t!).ToList(), header.Glossary, header.Metrics, header.Cadence,
            file, text, header.KeyLine)
        {
            PerPerson = header.PerPerson.Select(p => p.Role).ToHashSet(),
            Escalation = header.Escalation,
            EscalateAfterWorkingDays = header.EscalateAfterWorkingDays,
        };
        return new TemplateParseResult(template, []);
    }

    /// <summary>Checks one task's own fields; null when any is missing or wrong.</summary>
    private static TemplateTask? Task(string file, TaskDraft draft, IReadOnlyList<TemplatePhase> phases, DayAnchor? templateAnchor, List<TemplateError> errors)
    {
        var errorCount = errors.Count;
        void Error(int line, string message) => errors.Add(new(file, line, message));

        foreach (var (name, field) in draft.Fields.Where(f => !TaskFields.Contains(f.Key)))
        {
            Error(field.Line, $"unknown field '{name}' (a task has {string.Join(", ", TaskFields)})");
        }
        string? Required(string name)
        {
            if (draft.Fields.TryGetValue(name, out var field) && field.Value.Length > 0)
            {
                return field.Value;
            }
            Error(draft.Fields.TryGetValue(name, out var empty) ? empty.Line : draft.Line, $"task '{draft.Title}' has no {name}: add '- {name}: ...'");
            return null;
        }
        int? Number(string name, string rule)
        {
            var text = Required(name);
            if (text is null)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            {
                return value;
            }
            Error(draft.Fields[name].Line, $"{name} '{text}' {rule}");
            return null;
        }

        var key = Required("key");
        if (key is not null && !TemplateKeys.IsValid(key))
        {
            Error(draft.Fields["key"].Line, $"task key '{key}' {TemplateKeys.Rule}");
        }
        var start = Number("start", "must be a working-day number of 1 or more");
        var duration = Number("duration", "must be at least 1 working day");

        var owner = default(EngagementRole);
        if (Required("owner") is { } ownerText && !EngagementRoles.TryParse(ownerText, out owner))
        {
            Error(draft.Fields["owner"].Line, $"unknown owner role '{ownerText}' (expected one of {string.Join(", ", EngagementRoles.Keys)})");
        }

        var phase = default(TemplatePhase);
        if (Required("phase") is { } phaseKey)
        {
            phase = phases.FirstOrDefault(p => p.Key == phaseKey);
            // With no readable phase at all, the front matter already has an error; repeating it per task is noise.
            if (phase is null && phases.Count > 0)
            {
                Error(draft.Fields["phase"].Line, $"unknown phase '{phaseKey}' (the phases are {string.Join(", ", phases.Select(p => p.Key))})");
            }
        }
        var anchor = default(DayAnchor?);
        if (draft.Fields.TryGetValue("days-count-from", out var anchorField))
        {
            anchor = anchorField.Value switch
            {
                "kickoff" => DayAnchor.Kickoff,
                "go-live" => DayAnchor.GoLive,
                _ => null,
            };
            if (anchor is null)
            {
                Error(anchorField.Line, $"days count from '{anchorField.Value}' must be kickoff or go-live");
            }
        }
        // A phase's days count from the template's anchor; a task counting from another date is listed in its phase
        // but cannot be checked against its days (go-live moves independently of kickoff).
        var ownAnchor = anchor is null || anchor == templateAnchor;
        if (phase is not null && start is not null && duration is not null && ownAnchor)
        {
            var end = start.Value + duration.Value - 1;
            if (!phase.Contains(start.Value) || !phase.Contains(end))
            {
                Error(draft.Fields["start"].Line, $"task '{key}' runs on days {start}–{end}, outside phase '{phase.Key}' (days {phase.FromDay}–{phase.ToDay})");
            }
        }

        var isMilestone = false;
        if (draft.Fields.TryGetValue("milestone", out var milestone))
        {
            switch (milestone.Value.ToLowerInvariant())
            {
                case "yes" or "true":
                    isMilestone = true;
                    break;
                case "no" or "false":
                    break;
                default:
                    Error(milestone.Line, $"milestone '{milestone.Value}' must be yes or no");
                    break;
            }
        }

        var participants = Participants(draft, Error);

        string? shared = null;
        if (draft.Fields.TryGetValue("shared", out var sharedField))
        {
            shared = sharedField.Value;
            if (!TemplateKeys.IsValid(shared))
            {
                Error(sharedField.Line, $"shared key '{shared}' {TemplateKeys.Rule}");
            }
        }
        foreach (var dependency in DependsOn(draft))
        {
            if (TemplateTask.CrossTemplate(dependency) is { } cross && !(TemplateKeys.IsValid(cross.Template) && TemplateKeys.IsValid(cross.Task)))
            {
                Error(draft.Fields["depends-on"].Line, $"dependency '{dependency}' names another template's task: write it template-key/task-key, each {TemplateKeys.Rule}");
            }
        }

        if (draft.What.Length == 0)
        {
            Error(draft.Line, $"task '{key ?? draft.Title}' has no what: add a '### What' section saying what to do");
        }
        if (draft.Why.Length == 0)
        {
            Error(draft.Line, $"task '{key ?? draft.Title}' has no why: add a '### Why' section saying why it matters");
        }

        return errors.Count > errorCount || phase is null
            ? null
            : new TemplateTask(key!, draft.Title, phase!.Key, start!.Value, duration!.Value, owner, DependsOn(draft),
                isMilestone, draft.Checklist, draft.What, draft.Why, draft.Line)
            {
                Participants = participants,
                SharedKey = shared,
                Anchor = anchor == templateAnchor ? null : anchor,
                DependsOnLine = draft.Fields.TryGetValue("depends-on", out var dependsOn) ? dependsOn.Line : 0,
                SharedLine = sharedField.Line,
            };
    }

    /// <summary><c>- participants: ta-lead, hiring-manager</c>: roles whose members attend the task with its owner.</summary>
    private static List<EngagementRole> Participants(TaskDraft draft, Action<int, string> error)
    {
        var roles = new List<EngagementRole>();
        if (!draft.Fields.TryGetValue("participants", out var field))
        {
            return roles;
        }
        var names = field.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            error(field.Line, "participants is empty: list roles separated by commas, like 'ta-lead, hiring-manager', or leave the line out");
        }
        foreach (var name in names)
        {
            if (!EngagementRoles.TryParse(name, out var role))
            {
                error(field.Line, $"unknown participant role '{name}' (expected one of {string.Join(", ", EngagementRoles.Keys)})");
            }
            else if (roles.Contains(role))
            {
                error(field.Line, $"participant role '{name}' is listed twice");
            }
            else
            {
                roles.Add(role);
            }
        }
        return roles;
    }

    /// <summary>Every per-person role owns a task (else it is likely a typo), and only their tasks say <c>{person}</c>.</summary>
    private static void CheckPerPerson(string file, TemplateHeader header, IReadOnlyList<TemplateTask?> tasks, List<TemplateError> errors)
    {
        if (header.PerPersonUnreadable)
        {
            return;
        }
        var perPerson = header.PerPerson.Select(p => p.Role).ToHashSet();
        foreach (var (role, line) in header.PerPerson.Where(p => tasks.All(t => t is not null && t.Owner != p.Role) && tasks.All(t => t is not null)))
        {
            errors.Add(new(file, line, $"per-person role '{role.ToKey()}' owns no task in this template"));
        }
        foreach (var group in tasks.OfType<TemplateTask>().Where(t => t.SharedKey is not null).GroupBy(t => t.SharedKey).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var task in group.Skip(1))
            {
                errors.Add(new(file, task.SharedLine, $"shared key '{task.SharedKey}' is used twice in this template (first by task '{first.Key}' on line {first.SharedLine}): a template holds each shared step once"));
            }
        }
        foreach (var task in tasks.OfType<TemplateTask>().Where(t => !perPerson.Contains(t.Owner)))
        {
            if (task.Title.Contains(Plans.PersonalCopies.Placeholder, StringComparison.Ordinal) || task.What.Contains(Plans.PersonalCopies.Placeholder, StringComparison.Ordinal))
            {
                errors.Add(new(file, task.Line, $"task '{task.Key}' says {Plans.PersonalCopies.Placeholder}, but its owner '{task.Owner.ToKey()}' is not per person: add the role to 'per-person' in the front matter, or write the text for everyone"));
            }
        }
    }

    private static List<string> DependsOn(TaskDraft draft) =>
        draft.Fields.TryGetValue("depends-on", out var field)
            ? field.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];

    private static void CheckKeysAndDependencies(string file, string? templateKey, List<TaskDraft> drafts, List<TemplateError> errors)
    {
        var keyed = new Dictionary<string, TaskDraft>();
        foreach (var draft in drafts)
        {
            if (!draft.Fields.TryGetValue("key", out var key) || key.Value.Length == 0)
            {
                continue;
            }
            if (keyed.TryGetValue(key.Value, out var first))
            {
                errors.Add(new(file, key.Line, $"duplicate task key '{key.Value}' (first used on line {first.Fields["key"].Line})"));
            }
            else
            {
                keyed[key.Value] = draft;
            }
        }

        var graph = keyed.ToDictionary(k => k.Key, _ => new List<string>());
        foreach (var draft in drafts.Where(d => d.Fields.TryGetValue("key", out var key) && key.Value.Length > 0))
        {
            var key = draft.Fields["key"].Value;
            // A dependency on another template's task is checked by the catalog, which knows the other templates.
            // One written with this template's own key is checked here like any other of its own.
            var local = DependsOn(draft).Select(d => TemplateTask.CrossTemplate(d) is { } own && own.Template == templateKey ? own.Task : d);
            foreach (var dependency in local.Where(d => TemplateTask.CrossTemplate(d) is null))
            {
                if (!keyed.ContainsKey(dependency))
                {
                    errors.Add(new(file, draft.Fields["depends-on"].Line, $"task '{key}' depends on unknown task '{dependency}'"));
                }
                else if (keyed[key] == draft)
                {
                    graph[key].Add(dependency);
                }
            }
        }

        foreach (var found in DependencyCycles.Find(graph))
        {
            // Start the cycle at the task written first, so the error points where a reader meets it.
            var first = found.IndexOf(found.MinBy(k => keyed[k].Line)!);
            var cycle = found[first..].Concat(found[..first]).ToList();
            errors.Add(new(file, keyed[cycle[0]].Fields["depends-on"].Line, $"dependency cycle: {string.Join(" → ", cycle.Append(cycle[0]))} (each depends on the next)"));
        }
    }
}
