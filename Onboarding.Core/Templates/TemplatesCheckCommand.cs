using Onboarding.Core.Engagements;

namespace Onboarding.Core.Templates;

/// <summary><c>templates check [DIR]</c>: validates every template of a directory, one <c>file:line: message</c> per problem.</summary>
public static class TemplatesCheckCommand
{
    /// <returns>0 when every template is valid, 1 otherwise.</returns>
    public static int Run(string directory, TextWriter output)
    {
        if (!Directory.Exists(directory))
        {
            output.WriteLine($"{directory}: no such directory");
            return 1;
        }
        var catalog = TemplateCatalog.Load(directory);
        foreach (var error in catalog.Errors)
        {
            output.WriteLine(error);
        }
        if (catalog.Errors.Count > 0)
        {
            return 1;
        }
        // Warnings, not errors: a launch still works, but the glossary it brings says two things at once.
        var glossary = StarterGlossary.Preview(catalog.Templates);
        foreach (var flag in glossary.Flags)
        {
            var (first, second) = (glossary.Terms[flag.First], glossary.Terms[flag.Second]);
            var files = first.SourceFile == second.SourceFile ? first.SourceFile : $"{first.SourceFile} and {second.SourceFile}";
            output.WriteLine($"{first.SourceFile}: warning: glossary: {flag.Message} ({files})");
        }
        output.WriteLine($"{catalog.FileCount} templates in {directory}: no errors" + (glossary.Flags.Count > 0 ? $", {glossary.Flags.Count} glossary warning(s)" : ""));
        return 0;
    }
}
