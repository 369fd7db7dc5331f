namespace Onboarding.Core.Templates;

/// <summary>
/// The templates of one directory: every <c>*.md</c> file in it except <c>README.md</c>.
/// Files with errors are left out of <see cref="Templates"/> and their errors kept in <see cref="Errors"/>, followed by
/// the errors only the whole catalog shows (another template's task that does not exist, shared steps that cannot
/// merge, cycles across templates), whose templates stay in <see cref="Templates"/>.
/// </summary>
public sealed class TemplateCatalog
{
    private TemplateCatalog(int fileCount, IReadOnlyList<PlanTemplate> templates, IReadOnlyList<TemplateError> errors)
    {
        FileCount = fileCount;
        Templates = templates;
        Errors = errors;
    }

    public int FileCount { get; }

    public IReadOnlyList<PlanTemplate> Templates { get; }

    public IReadOnlyList<TemplateError> Errors { get; }

    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static TemplateCatalog Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var templates = new List<PlanTemplate>();
        var errors = new List<TemplateError>();
        foreach (var result in files.Select(TemplateParser.Load))
        {
            errors.AddRange(result.Errors);
            if (result.Template is not { } template)
            {
                continue;
            }
            if (templates.FirstOrDefault(t => t.Key == template.Key) is { } first)
            {
                errors.Add(new(template.SourceFile, template.KeyLine, $"template key '{template.Key}' is already used by {first.SourceFile}"));
                continue;
            }
            templates.Add(template);
        }
        // Checks across files come after each file's own, so a broken file is reported once, for what is wrong in it.
        errors.AddRange(CatalogReferences.Check(templates));
        return new TemplateCatalog(files.Count, templates, errors);
    }

    public PlanTemplate? Find(string key) => Templates.FirstOrDefault(t => t.Key == key);
}
