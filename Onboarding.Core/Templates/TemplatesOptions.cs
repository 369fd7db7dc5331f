namespace Onboarding.Core.Templates;

public sealed class TemplatesOptions
{
    public const string Section = "Templates";

    /// <summary>The folder of template files; the build copies the repository's <c>templates/</c> next to the app.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");
}
