using Onboarding.Core.Engagements;

namespace Onboarding.Core.Templates;

/// <summary>
/// The checks that need the whole catalog: dependencies on other templates' tasks, shared steps that must merge into
/// one task, and dependency cycles that only close across templates. Each error points at the line to change.
/// </summary>
internal static class CatalogReferences
{
    public static List<TemplateError> Check(IReadOnlyList<PlanTemplate> templates)
    {
        var errors = new List<TemplateError>();
        var byKey = templates.ToDictionary(t => t.Key, StringComparer.Ordinal);
        CheckReferences(templates, byKey, errors);
        var representative = CheckShared(templates, errors);
        CheckCycles(templates, byKey, representative, errors);
        return errors;
    }

    private static void CheckReferences(IReadOnlyList<PlanTemplate> templates, Dictionary<string, PlanTemplate> byKey, List<TemplateError> errors)
    {
        foreach (var template in templates)
        {
            foreach (var task in template.Tasks)
            {
                foreach (var dependency in task.DependsOn)
                {
                    if (TemplateTask.CrossTemplate(dependency) is not { } cross)
                    {
                        continue;
                    }
                    if (!byKey.TryGetValue(cross.Template, out var other))
                    {
                        errors.Add(new(template.SourceFile, task.DependsOnLine,
                            $"task '{task.Key}' depends on '{dependency}', but no template has key '{cross.Template}' (the catalog has {string.Join(", ", byKey.Keys.Order(StringComparer.Ordinal))})"));
                    }
                    else if (other.Tasks.All(t => t.Key != cross.Task))
                    {
                        errors.Add(new(template.SourceFile, task.DependsOnLine,
                            $"task '{task.Key}' depends on '{dependency}', but template '{cross.Template}' ({other.SourceFile}) has no task '{cross.Task}'"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Tasks sharing a key become one task with the first one's dates, so they must agree on start, duration and what
    /// the days count from; otherwise somebody's plan would silently lose its dates. Returns each shared task's node name.
    /// </summary>
    private static Dictionary<(string Template, string Task), string> CheckShared(IReadOnlyList<PlanTemplate> templates, List<TemplateError> errors)
    {
        var representative = new Dictionary<(string, string), string>();
        var first = new Dictionary<string, (PlanTemplate Template, TemplateTask Task)>(StringComparer.Ordinal);
        foreach (var template in templates.OrderBy(t => t.Audience).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var task in template.Tasks.Where(t => t.SharedKey is not null))
            {
                if (!first.TryGetValue(task.SharedKey!, out var lead))
                {
                    first[task.SharedKey!] = (template, task);
                    representative[(template.Key, task.Key)] = $"{template.Key}/{task.Key}";
                    continue;
                }
                representative[(template.Key, task.Key)] = $"{lead.Template.Key}/{lead.Task.Key}";
                if (PerPersonOwner(lead.Template, lead.Task) != PerPersonOwner(template, task))
                {
                    errors.Add(new(template.SourceFile, task.SharedLine,
                        $"task '{task.Key}' shares '{task.SharedKey}' with task '{lead.Task.Key}' of {lead.Template.SourceFile}:{lead.Task.Line}, but one is copied per person and the other is not " +
                        $"(owners '{task.Owner.ToKey()}' and '{lead.Task.Owner.ToKey()}'): a shared step is either one task or one copy per holder of the same per-person role in every template"));
                }
                else if (lead.Task.StartDay != task.StartDay || lead.Task.DurationDays != task.DurationDays || lead.Template.AnchorOf(lead.Task) != template.AnchorOf(task))
                {
                    errors.Add(new(template.SourceFile, task.SharedLine,
                        $"task '{task.Key}' shares '{task.SharedKey}' with task '{lead.Task.Key}' of {lead.Template.SourceFile}:{lead.Task.Line}, but runs on {Days(template, task)} " +
                        $"where that one runs on {Days(lead.Template, lead.Task)}: shared tasks become one, so give them the same start, duration and days count from"));
                }
            }
        }
        return representative;
    }

    private static EngagementRole? PerPersonOwner(PlanTemplate template, TemplateTask task) =>
        template.IsPerPerson(task) ? task.Owner : null;

    private static string Days(PlanTemplate template, TemplateTask task) =>
        $"days {task.StartDay}–{task.StartDay + task.DurationDays - 1} from {(template.AnchorOf(task) == DayAnchor.GoLive ? "go-live" : "kickoff")}";

    /// <summary>Cycles a single file cannot show: through another template's task, or through a merged shared task.</summary>
    private static void CheckCycles(
        IReadOnlyList<PlanTemplate> templates, Dictionary<string, PlanTemplate> byKey, Dictionary<(string Template, string Task), string> representative, List<TemplateError> errors)
    {
        string Node(string template, string task) => representative.GetValueOrDefault((template, task)) ?? $"{template}/{task}";
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var where = new Dictionary<string, (PlanTemplate Template, TemplateTask Task)>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var own = template.Tasks.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var task in template.Tasks)
            {
                var node = Node(template.Key, task.Key);
                where.TryAdd(node, (template, task));
                var edges = graph.TryGetValue(node, out var existing) ? existing : graph[node] = [];
                foreach (var dependency in task.DependsOn)
                {
                    var (otherKey, taskKey) = TemplateTask.CrossTemplate(dependency) ?? (template.Key, dependency);
                    var known = otherKey == template.Key ? own.Contains(taskKey) : byKey.TryGetValue(otherKey, out var other) && other.Tasks.Any(t => t.Key == taskKey);
                    var target = Node(otherKey, taskKey);
                    if (known && target != node && !edges.Contains(target))
                    {
                        edges.Add(target);
                    }
                }
            }
        }
        foreach (var edges in graph.Values)
        {
            edges.RemoveAll(e => !graph.ContainsKey(e));
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cycle in DependencyCycles.Find(graph))
        {
            var sharedStep = cycle.Any(n => representative.ContainsValue(n));
            var templatesCrossed = cycle.Select(n => n[..n.IndexOf('/', StringComparison.Ordinal)]).Distinct().Count();
            if (templatesCrossed < 2 && !sharedStep)
            {
                // Within one file without shared steps: the template's own check reports it.
                continue;
            }
            var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
            var ordered = cycle[start..].Concat(cycle[..start]).ToList();
            if (!reported.Add(string.Join(' ', ordered)))
            {
                continue;
            }
            var (template, task) = where[ordered[0]];
            errors.Add(new(template.SourceFile, task.DependsOnLine > 0 ? task.DependsOnLine : task.Line,
                $"dependency cycle across templates: {string.Join(" → ", ordered.Append(ordered[0]))} (each depends on the next)"));
        }
    }
}
