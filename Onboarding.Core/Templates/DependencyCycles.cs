namespace Onboarding.Core.Templates;

internal static class DependencyCycles
{
    /// <summary>
    /// Finds the cycles in a dependency graph (task key → keys it depends on), each as the keys along it.
    /// Depth-first without recursion, so a long chain of dependencies cannot overflow the stack.
    /// </summary>
    public static List<List<string>> Find(IReadOnlyDictionary<string, List<string>> dependsOn)
    {
        var cycles = new List<List<string>>();
        var finished = new HashSet<string>();
        var onPath = new HashSet<string>();
        var path = new List<string>();
        var stack = new Stack<(string Key, int Next)>();
        foreach (var root in dependsOn.Keys.Where(k => !finished.Contains(k)))
        {
            stack.Push((root, 0));
            path.Add(root);
            onPath.Add(root);
            while (stack.Count > 0)
            {
                var (key, next) = stack.Pop();
                if (next < dependsOn[key].Count)
                {
                    stack.Push((key, next + 1));
                    var dependency = dependsOn[key][next];
                    if (onPath.Contains(dependency))
                    {
                        cycles.Add(path[path.IndexOf(dependency)..]);
                    }
                    else if (!finished.Contains(dependency))
                    {
                        stack.Push((dependency, 0));
                        path.Add(dependency);
                        onPath.Add(dependency);
                    }
                    continue;
                }
                finished.Add(key);
                onPath.Remove(key);
                path.RemoveAt(path.Count - 1);
            }
        }
        return cycles;
    }
}
