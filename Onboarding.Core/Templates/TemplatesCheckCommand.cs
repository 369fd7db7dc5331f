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
        output.WriteLine($"{catalog.FileCount} templates in {directory}: no errors");
        return 0;
    }
}
