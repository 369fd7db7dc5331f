namespace Onboarding.Tests.Unit.Templates;

/// <summary>Folders of the repository, found from the test binaries so no file needs copying to the output.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string BrokenTemplates => Path.Combine(Root, "Onboarding.Tests", "TestData", "Templates", "Broken");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Onboarding.sln.");
    }
}
