using System.Text.RegularExpressions;
using Onboarding.Core.Markdown;

namespace Onboarding.Core.Templates;

/// <summary>One <c>- name: value</c> line under a task heading.</summary>
internal readonly record struct TaskField(string Value, int Line);

/// <summary>A task section as written, before its fields are checked.</summary>
internal sealed class TaskDraft(string title, int line)
{
    public string Title { get; } = title;

    public int Line { get; } = line;

    public Dictionary<string, TaskField> Fields { get; } = [];

    public string What { get; set; } = "";

    public string Why { get; set; } = "";

    public List<string> Checklist { get; } = [];
}

/// <summary>
/// Reads the Markdown body: every <c>## Title</c> starts a task, followed by its <c>- name: value</c>
/// fields and its <c>### What</c>, <c>### Why</c> and optional <c>### Checklist</c> sections.
/// A <c># Heading</c> closes the current task, so authors can group tasks under headings of their own.
/// </summary>
internal sealed partial class TaskSectionReader(string file, List<TemplateError> errors)
{
    private enum Section
    {
        Fields,
        What,
        Why,
        Checklist,
        Unknown,
    }

    private readonly List<TaskDraft> tasks = [];
    private readonly List<string> text = [];
    private readonly HashSet<Section> seen = [];
    private TaskDraft? task;
    private Section section;
    private int sectionLine;

    /// <param name="firstLine">1-based line number of <paramref name="lines"/>[0] in the file.</param>
    public static List<TaskDraft> Read(string file, IReadOnlyList<string> lines, int firstLine, List<TemplateError> errors)
    {
        var reader = new TaskSectionReader(file, errors);
        reader.ReadLines(lines, firstLine);
        return reader.tasks;
    }

    private void ReadLines(IReadOnlyList<string> lines, int firstLine)
    {
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = firstLine + i;
            if (section is Section.What or Section.Why && IsFence(line))
            {
                inFence = !inFence;
            }
            if (!inFence && Heading(line, 2) is { } title)
            {
                CloseTask();
                StartTask(title, number);
            }
            else if (!inFence && Heading(line, 1) is not null)
            {
                CloseTask();
            }
            else if (!inFence && task is not null && Heading(line, 3) is { } name)
            {
                StartSection(name, number);
            }
            else if (task is not null)
            {
                ReadLine(line, number);
            }
        }
        CloseTask();
    }

    private void StartTask(string title, int number)
    {
        if (title.Length == 0)
        {
            errors.Add(new(file, number, "task heading has no title"));
        }
        task = new TaskDraft(title, number);
        tasks.Add(task);
        section = Section.Fields;
        seen.Clear();
    }

    private void StartSection(string name, int number)
    {
        CloseSection();
        sectionLine = number;
        section = name.ToLowerInvariant() switch
        {
            "what" => Section.What,
            "why" => Section.Why,
            "checklist" => Section.Checklist,
            _ => Section.Unknown,
        };
        if (section == Section.Unknown)
        {
            errors.Add(new(file, number, $"unknown section '{name}' (a task has '### What', '### Why' and optionally '### Checklist')"));
        }
        else if (!seen.Add(section))
        {
            errors.Add(new(file, number, $"section '{name}' appears twice in this task"));
        }
    }

    private void ReadLine(string line, int number)
    {
        switch (section)
        {
            case Section.Fields when line.Trim().Length > 0:
                ReadField(line, number);
                break;
            case Section.What or Section.Why:
                text.Add(line);
                break;
            case Section.Checklist when line.Trim().Length > 0:
                var item = ChecklistItem().Match(line);
                if (item.Success)
                {
                    task!.Checklist.Add(item.Groups["text"].Value.Trim());
                }
                else
                {
                    errors.Add(new(file, number, "checklist items are written '- [ ] item', one per line"));
                }
                break;
        }
    }

    private void ReadField(string line, int number)
    {
        var match = FieldLine().Match(line);
        if (!match.Success)
        {
            errors.Add(new(file, number, "expected a task field written '- name: value', or a '### What' section"));
            return;
        }
        // "Depends on" and "depends-on" both work: authors write the list as prose.
        var name = WhiteSpace().Replace(match.Groups["name"].Value.Trim().ToLowerInvariant(), "-");
        if (task!.Fields.TryGetValue(name, out var first))
        {
            errors.Add(new(file, number, $"field '{name}' is given twice (first on line {first.Line})"));
            return;
        }
        task.Fields[name] = new TaskField(match.Groups["value"].Value.Trim(), number);
    }

    private void CloseSection()
    {
        var markdown = string.Join('\n', text).Trim('\n', '\r', ' ', '\t');
        if (section is Section.What or Section.Why && MarkdownText.Problem(markdown) is { } problem)
        {
            // The same rule as the forms: the text must render formatted wherever the plan shows it.
            errors.Add(new(file, sectionLine, $"the {section.ToString().ToLowerInvariant()} of task '{task!.Title}': {problem}"));
        }
        if (section == Section.What)
        {
            task!.What = markdown;
        }
        else if (section == Section.Why)
        {
            task!.Why = markdown;
        }
        text.Clear();
    }

    private void CloseTask()
    {
        if (task is not null)
        {
            CloseSection();
        }
        task = null;
    }

    /// <summary>The text of a heading of exactly <paramref name="level"/>, or null when the line is not one.</summary>
    private static string? Heading(string line, int level)
    {
        var hashes = line.Length - line.TrimStart('#').Length;
        if (hashes != level || (line.Length > level && !char.IsWhiteSpace(line[level])))
        {
            return null;
        }
        return line[level..].Trim();
    }

    private static bool IsFence(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*[-*]\s+(?<name>[A-Za-z][A-Za-z -]*?)\s*:(?<value>.*)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^\s*[-*]\s+(?:\[[ xX]\]\s+)?(?<text>\S.*)$")]
    private static partial Regex ChecklistItem();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
