using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// The tasks of one launch as a graph: one node per task of each application, except that the tasks sharing a
/// <see cref="TemplateTask.SharedKey"/> are one node, whose primary (owner, dates, texts, key) is the first of them
/// in <see cref="PrimaryOrder"/>. Edges are the dependencies, resolved across templates (see <see cref="PlanGenerator"/>).
/// </summary>
internal sealed class PlanGraph
{
    private readonly int[][] nodeOf;
    private readonly List<(int App, int Task)> primary = [];
    private readonly List<List<(int App, int Task)>?> merged = [];
    private readonly List<List<int>> dependsOn = [];
    private readonly IReadOnlyList<PlanPerson>?[] people;

    private PlanGraph(IReadOnlyList<TemplateApplication> applications)
    {
        Applications = applications;
        nodeOf = new int[applications.Count][];
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in PrimaryOrder(applications))
        {
            var tasks = applications[a].Template.Tasks;
            nodeOf[a] = new int[tasks.Count];
            for (var i = 0; i < tasks.Count; i++)
            {
                if (tasks[i].SharedKey is { } key && shared.TryGetValue(key, out var existing))
                {
                    nodeOf[a][i] = existing;
                    merged[existing]!.Add((a, i));
                    continue;
                }
                var n = primary.Count;
                nodeOf[a][i] = n;
                primary.Add((a, i));
                dependsOn.Add([]);
                merged.Add(tasks[i].SharedKey is null ? null : [(a, i)]);
                if (tasks[i].SharedKey is { } newKey)
                {
                    shared[newKey] = n;
                }
            }
        }

        people = new IReadOnlyList<PlanPerson>?[primary.Count];
        for (var n = 0; n < primary.Count; n++)
        {
            var (a, i) = primary[n];
            var application = applications[a];
            var task = application.Template.Tasks[i];
            if (application.People is { } byRole && application.Template.IsPerPerson(task))
            {
                people[n] = byRole.TryGetValue(task.Owner, out var holders) ? holders : [];
            }
        }
    }

    public IReadOnlyList<TemplateApplication> Applications { get; }

    public int Count => primary.Count;

    public static PlanGraph Build(IReadOnlyList<TemplateApplication> applications)
    {
        var graph = new PlanGraph(applications);
        graph.Connect();
        return graph;
    }

    /// <summary>
    /// Which application's task leads a merged task: account-leader templates, then client, then recruiter templates,
    /// each by template key, then in the order the launch applied them. Fixed, so the merged task's key and owner do not
    /// depend on the order templates were ticked.
    /// </summary>
    public static IEnumerable<int> PrimaryOrder(IReadOnlyList<TemplateApplication> applications) =>
        Enumerable.Range(0, applications.Count)
            .OrderBy(a => applications[a].Template.Audience)
            .ThenBy(a => applications[a].Template.Key, StringComparer.Ordinal);

    public int NodeOf(int application, int task) => nodeOf[application][task];

    public (int App, int Task) Primary(int node) => primary[node];

    public (PlanTemplate Template, TemplateTask Task) TaskOf(int node)
    {
        var (a, i) = primary[node];
        var template = Applications[a].Template;
        return (template, template.Tasks[i]);
    }

    public IReadOnlyList<int> DependsOn(int node) => dependsOn[node];

    /// <summary>Who the node's task is copied for: null for one task, else one copy per holder (none: one task, unresolved).</summary>
    public IReadOnlyList<PlanPerson>? People(int node) => people[node];

    public bool IsMilestone(int node) => Members(node).Any(m => Task(m).IsMilestone);

    /// <summary>
    /// The primary's participant roles, then every merged task's, then the owner role of each merged task whose owner
    /// is not the primary's (someone who would have owned a step attends the one it became).
    /// </summary>
    public IReadOnlyList<EngagementRole> ParticipantRoles(int node)
    {
        var (pa, pi) = primary[node];
        var primaryTask = Applications[pa].Template.Tasks[pi];
        if (merged[node] is not { } members)
        {
            return primaryTask.Participants;
        }
        var primaryOwner = Applications[pa].Owners.GetValueOrDefault(primaryTask.Owner);
        var roles = new List<EngagementRole>(primaryTask.Participants);
        foreach (var (a, i) in members)
        {
            var task = Applications[a].Template.Tasks[i];
            roles.AddRange(task.Participants);
            var owner = Applications[a].Owners.GetValueOrDefault(task.Owner);
            if (task.Owner != primaryTask.Owner || owner is null || owner != primaryOwner)
            {
                roles.Add(task.Owner);
            }
        }
        return roles.Distinct().ToList();
    }

    public string KeyOf(int node, PlanPerson? person)
    {
        var (a, i) = primary[node];
        var application = Applications[a];
        var key = PlanKeys.For(application.Template.Key, application.InstanceKey, application.Template.Tasks[i].Key);
        return person is null ? key : PersonalCopies.Key(key, person.Key);
    }

    /// <summary>
    /// The plan keys a task (or <paramref name="person"/>'s copy of it) waits for: a copy waits for the same person's copy
    /// of a task of its own role, for every copy of another per-person task, and for a one-off task itself; a one-off task
    /// waits for every copy.
    /// </summary>
    public IReadOnlyList<string> DependencyKeys(int node, PlanPerson? person)
    {
        var deps = dependsOn[node];
        if (deps.Count == 0)
        {
            return [];
        }
        var owner = TaskOf(node).Task.Owner;
        var keys = new List<string>(deps.Count);
        foreach (var d in deps)
        {
            if (people[d] is not { Count: > 0 } copies)
            {
                keys.Add(KeyOf(d, null));
            }
            else if (person is not null && TaskOf(d).Task.Owner == owner && copies.FirstOrDefault(p => p.Key == person.Key) is { } same)
            {
                keys.Add(KeyOf(d, same));
            }
            else
            {
                keys.AddRange(copies.Select(p => KeyOf(d, p)));
            }
        }
        return keys;
    }

    /// <summary>Kahn's algorithm: every node after the nodes it depends on.</summary>
    /// <exception cref="ArgumentException">The dependencies form a cycle.</exception>
    public List<int> TopologicalOrder()
    {
        var waitingOn = new int[Count];
        var dependents = new List<int>?[Count];
        for (var n = 0; n < Count; n++)
        {
            foreach (var d in dependsOn[n])
            {
                (dependents[d] ??= []).Add(n);
                waitingOn[n]++;
            }
        }
        var ready = new Queue<int>(Enumerable.Range(0, Count).Where(n => waitingOn[n] == 0));
        var order = new List<int>(Count);
        while (ready.TryDequeue(out var n))
        {
            order.Add(n);
            foreach (var dependent in dependents[n] ?? [])
            {
                if (--waitingOn[dependent] == 0)
                {
                    ready.Enqueue(dependent);
                }
            }
        }
        if (order.Count < Count)
        {
            var stuck = Enumerable.Range(0, Count).Where(n => waitingOn[n] > 0).Select(n => KeyOf(n, null)).Take(5);
            throw new ArgumentException($"The templates' dependencies form a cycle through {string.Join(", ", stuck)}.");
        }
        return order;
    }

    private TemplateTask Task((int App, int Task) member) => Applications[member.App].Template.Tasks[member.Task];

    private IEnumerable<(int App, int Task)> Members(int node) => merged[node] ?? [primary[node]];

    /// <summary>Resolves every task's <c>depends on</c> to nodes, across templates.</summary>
    private void Connect()
    {
        var indexes = new Dictionary<PlanTemplate, Dictionary<string, int>>(ReferenceEqualityComparer.Instance);
        Dictionary<string, int> IndexOf(PlanTemplate template)
        {
            if (!indexes.TryGetValue(template, out var index))
            {
                index = new Dictionary<string, int>(template.Tasks.Count, StringComparer.Ordinal);
                for (var i = 0; i < template.Tasks.Count; i++)
                {
                    index[template.Tasks[i].Key] = i;
                }
                indexes[template] = index;
            }
            return index;
        }
        var byTemplate = Enumerable.Range(0, Applications.Count).ToLookup(a => Applications[a].Template.Key, StringComparer.Ordinal);

        for (var a = 0; a < Applications.Count; a++)
        {
            var template = Applications[a].Template;
            var own = IndexOf(template);
            for (var i = 0; i < template.Tasks.Count; i++)
            {
                var node = nodeOf[a][i];
                var edges = dependsOn[node];
                foreach (var dependency in template.Tasks[i].DependsOn)
                {
                    var cross = TemplateTask.CrossTemplate(dependency);
                    if (cross is null || cross.Value.Template == template.Key)
                    {
                        var key = cross?.Task ?? dependency;
                        if (!own.TryGetValue(key, out var d))
                        {
                            throw new ArgumentException($"Template '{template.Key}': task '{template.Tasks[i].Key}' depends on unknown task '{dependency}'.");
                        }
                        Add(edges, node, nodeOf[a][d]);
                        continue;
                    }
                    // A template outside the launch plans no work to wait for; an unknown task in one is the catalog check's to report.
                    foreach (var b in byTemplate[cross.Value.Template])
                    {
                        if (IndexOf(Applications[b].Template).TryGetValue(cross.Value.Task, out var d))
                        {
                            Add(edges, node, nodeOf[b][d]);
                        }
                    }
                }
            }
        }

        static void Add(List<int> edges, int node, int dependency)
        {
            // A merged task that depended on another of its own parts would wait for itself.
            if (dependency != node && !edges.Contains(dependency))
            {
                edges.Add(dependency);
            }
        }
    }
}
