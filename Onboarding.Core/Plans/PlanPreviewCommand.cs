using System.Text.Encodings.Web;
using System.Text.Json;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Plans;

/// <summary>
/// <c>plan preview</c>: the dates one template, or several together, would get, without saving anything. Several
/// templates are planned as a launch applying them would plan them (dependencies across templates, shared steps merged);
/// kickoff is the start date, go-live the start date unless given, every owner is shown as its role, and a per-person
/// task (or a recruiter template) appears once, for "each hiring manager" or the recruiter role.
/// With one template the <c>key</c> column holds task keys; with several, plan keys (<c>template/task</c>), so they stay
/// unique. The <c>depends</c> column lists the keys a task waits for, as the <c>key</c> column writes them.
/// </summary>
public static class PlanPreviewCommand
{
    public const int Success = 0;
    public const int TemplateProblem = 1;
    public const int BadArguments = 2;

    private static readonly string[] Columns = ["key", "title", "phase", "owner", "start", "due", "depends", "warning"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The output goes to a terminal or a file, never into a web page: keep dashes and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="templatesDirectory">Where a template given by key is looked up.</param>
    /// <returns><see cref="Success"/>, <see cref="TemplateProblem"/> (not found or invalid) or <see cref="BadArguments"/>.</returns>
    public static int Run(IReadOnlyList<string> args, string templatesDirectory, TextWriter output, TextWriter error)
    {
        if (!PlanPreviewOptions.TryParse(args, out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(PlanPreviewOptions.Usage);
            return BadArguments;
        }
        var catalog = new Lazy<TemplateCatalog?>(() => Directory.Exists(templatesDirectory) ? TemplateCatalog.Load(templatesDirectory) : null);
        var templates = new List<PlanTemplate>();
        foreach (var keyOrPath in options.Templates)
        {
            var template = FindTemplate(keyOrPath, templatesDirectory, catalog, error);
            if (template is null)
            {
                return TemplateProblem;
            }
            if (templates.Any(t => t.Key == template.Key))
            {
                error.WriteLine($"{keyOrPath}: template '{template.Key}' is given twice");
                return BadArguments;
            }
            templates.Add(template);
        }

        var owners = Enum.GetValues<EngagementRole>().ToDictionary(r => r, r => r.ToKey());
        GeneratedPlan plan;
        try
        {
            plan = PlanGenerator.Generate(options.Start, options.GoLive, options.Calendar, templates.Select(t => new TemplateApplication(t, "", owners)).ToList());
        }
        catch (ArgumentException e)
        {
            // Templates given by path skip the catalog's check across templates, so a cycle between them shows up here.
            error.WriteLine(e.Message);
            return TemplateProblem;
        }
        var rowKey = plan.Tasks.ToDictionary(t => t.Key, t => templates.Count == 1 ? t.TaskKey : t.Key);
        var rows = plan.Tasks
            .Select(t => new PreviewRow(rowKey[t.Key], t.Title, t.PhaseKey, t.OwnerReference!, t.Start, t.Due, t.DependsOn.Select(d => rowKey[d]).ToList(), t.Warning))
            .ToList();
        switch (options.Format)
        {
            case PreviewFormat.Csv:
                WriteCsv(rows, output);
                break;
            case PreviewFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { r.Key, r.Title, r.Phase, r.Owner, r.Start, r.Due, r.Depends, r.Warning }), Json));
                break;
            default:
                WriteTable(rows, output);
                break;
        }
        return Success;
    }

    private static PlanTemplate? FindTemplate(string keyOrPath, string templatesDirectory, Lazy<TemplateCatalog?> catalogs, TextWriter error)
    {
        var isPath = keyOrPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            || keyOrPath.Contains('/') || keyOrPath.Contains(Path.DirectorySeparatorChar);
        if (isPath)
        {
            if (!File.Exists(keyOrPath))
            {
                error.WriteLine($"{keyOrPath}: no such template file");
                return null;
            }
            var result = TemplateParser.Load(keyOrPath);
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem);
            }
            return result.Template;
        }

        if (catalogs.Value is not { } catalog)
        {
            error.WriteLine($"{templatesDirectory}: no such templates directory");
            return null;
        }
        if (catalog.Find(keyOrPath) is { } template)
        {
            return template;
        }
        error.WriteLine($"no valid template with key '{keyOrPath}' in {templatesDirectory} " +
            $"(found: {string.Join(", ", catalog.Templates.Select(t => t.Key))})");
        if (catalog.Errors.Count > 0)
        {
            error.WriteLine($"some template files have errors; 'templates check {templatesDirectory}' lists them");
        }
        return null;
    }

    private static void WriteTable(List<PreviewRow> rows, TextWriter output)
    {
        var cells = rows.Select(r => r.Cells()).Prepend(Columns).ToList();
        var widths = Enumerable.Range(0, Columns.Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static void WriteCsv(List<PreviewRow> rows, TextWriter output)
    {
        // RFC 4180: CRLF line ends, and quotes around any field holding a comma, quote or line break.
        static string Field(string value) =>
            value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        foreach (var row in rows.Select(r => r.Cells()).Prepend(Columns))
        {
            output.Write(string.Join(',', row.Select(Field)) + "\r\n");
        }
    }

    private sealed record PreviewRow(string Key, string Title, string Phase, string Owner, DateOnly Start, DateOnly Due, IReadOnlyList<string> DependsOn, string? Warning)
    {
        /// <summary>The keys this task waits for, ';'-separated: the one column a spreadsheet can hold them in.</summary>
        public string Depends => string.Join(';', DependsOn);

        public string[] Cells() => [Key, Title, Phase, Owner, Start.Iso(), Due.Iso(), Depends, Warning ?? ""];
    }
}
