using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

public sealed class TemplatesCheckCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("templates-check-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Clean_directory_exits_zero_and_says_so()
    {
        var output = new StringWriter();

        var exitCode = TemplatesCheckCommand.Run(RepoPaths.Templates, output);

        Assert.Equal(0, exitCode);
        Assert.Equal($"3 templates in {RepoPaths.Templates}: no errors\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Broken_directory_exits_one_with_one_line_per_error()
    {
        var output = new StringWriter();

        var exitCode = TemplatesCheckCommand.Run(RepoPaths.BrokenTemplates, output);

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(1, exitCode);
        Assert.Equal(24, lines.Length);
        Assert.Contains($"{Path.Combine(RepoPaths.BrokenTemplates, "zero-duration.md")}:14: duration '0' must be at least 1 working day", lines);
        Assert.All(lines, l => Assert.Matches(@"^/.+\.md:\d+: .+$", l));
    }

    [Fact]
    public void Missing_directory_exits_one()
    {
        var output = new StringWriter();

        var exitCode = TemplatesCheckCommand.Run(Path.Combine(directory, "nope"), output);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{Path.Combine(directory, "nope")}: no such directory\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Two_files_with_the_same_template_key_are_an_error_at_the_second_key()
    {
        // Without its dependencies on the client launch, which this folder does not hold (the check reports those too).
        var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, "first-time-buyer.md")).Replace(", rpo-client-launch/metric-baselines", "", StringComparison.Ordinal)
            .Replace("- depends on: rpo-client-launch/request-access\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("rpo-client-launch/", text, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "a.md"), text);
        File.WriteAllText(Path.Combine(directory, "b.md"), text);
        File.WriteAllText(Path.Combine(directory, "README.md"), "Not a template, and not read as one.");
        var output = new StringWriter();

        var exitCode = TemplatesCheckCommand.Run(directory, output);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"{Path.Combine(directory, "b.md")}:2: template key 'first-time-buyer' is already used by {Path.Combine(directory, "a.md")}\n",
            output.ToString().ReplaceLineEndings("\n"));
    }
}
