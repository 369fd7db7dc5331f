using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

/// <summary><c>templates check</c> on what only the whole catalog shows, each error at its <c>file:line</c>.</summary>
public sealed class CatalogReferenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("catalog-references-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A template of one-line tasks; each task is (key, extra field lines). The first task's heading is on line 8.</summary>
    private string Write(string key, string audience, params (string Key, string[] Fields)[] tasks)
    {
        var text = $"---\nkey: {key}\ntitle: {key}\nversion: 1\naudience: {audience}\ndays-count-from: kickoff\n---\n";
        foreach (var (taskKey, fields) in tasks)
        {
            text += $"## Task {taskKey}\n- key: {taskKey}\n- phase: days-1-30\n- start: 2\n- duration: 1\n- owner: ta-lead\n";
            text += string.Concat(fields.Select(f => f + "\n"));
            text += "### What\nDo it.\n### Why\nIt matters.\n";
        }
        var path = Path.Combine(directory, $"{key}.md");
        File.WriteAllText(path, text);
        return path;
    }

    private (int ExitCode, string[] Lines) Check()
    {
        var output = new StringWriter();
        var exitCode = TemplatesCheckCommand.Run(directory, output);
        return (exitCode, output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Unknown_template_and_unknown_task_of_another_template_are_errors_on_the_depends_on_line()
    {
        var a = Write("alpha", "account-leader", ("one", ["- depends on: nowhere/x"]), ("two", ["- depends on: beta/missing, beta/real"]));
        Write("beta", "client", ("real", []));

        var (exitCode, lines) = Check();

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                $"{a}:14: task 'one' depends on 'nowhere/x', but no template has key 'nowhere' (the catalog has alpha, beta)",
                $"{a}:25: task 'two' depends on 'beta/missing', but template 'beta' ({Path.Combine(directory, "beta.md")}) has no task 'missing'",
            ],
            lines);
    }

    [Fact]
    public void A_cycle_that_closes_across_templates_is_named_at_its_first_task()
    {
        var a = Write("alpha", "account-leader", ("one", ["- depends on: beta/two"]));
        Write("beta", "client", ("two", ["- depends on: alpha/one"]));

        var (exitCode, lines) = Check();

        Assert.Equal(1, exitCode);
        Assert.Equal([$"{a}:14: dependency cycle across templates: alpha/one → beta/two → alpha/one (each depends on the next)"], lines);
    }

    [Fact]
    public void A_cycle_through_a_shared_step_is_found()
    {
        // alpha/one and beta/one are one task; beta/one waits for beta/two, which waits for alpha/one.
        var a = Write("alpha", "account-leader", ("one", ["- shared: meet"]));
        Write("beta", "client", ("one", ["- depends on: two", "- shared: meet"]), ("two", ["- depends on: alpha/one"]));

        var (exitCode, lines) = Check();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains("dependency cycle across templates: alpha/one → beta/two → alpha/one", line, StringComparison.Ordinal);
        Assert.StartsWith($"{a}:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_tasks_that_cannot_merge_are_errors_at_the_later_shared_line()
    {
        var a = Write("alpha", "account-leader", ("one", ["- shared: meet"]));
        var b = Write("beta", "client", ("one", ["- days count from: go-live", "- shared: meet"]));

        var (exitCode, lines) = Check();

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [$"{b}:15: task 'one' shares 'meet' with task 'one' of {a}:8, but runs on days 2–2 from go-live where that one runs on days 2–2 from kickoff: shared tasks become one, so give them the same start, duration and days count from"],
            lines);
    }

    [Fact]
    public void A_shared_key_twice_in_one_template_is_an_error()
    {
        var a = Write("alpha", "account-leader", ("one", ["- shared: meet"]), ("two", ["- shared: meet"]));

        var (_, lines) = Check();

        Assert.Equal([$"{a}:25: shared key 'meet' is used twice in this template (first by task 'one' on line 14): a template holds each shared step once"], lines);
    }

    [Fact]
    public void Templates_that_compose_cleanly_pass()
    {
        Write("alpha", "account-leader", ("one", ["- shared: meet"]), ("two", ["- depends on: one, beta/real"]));
        Write("beta", "client", ("real", []), ("one", ["- depends on: real", "- shared: meet"]));

        var (exitCode, lines) = Check();

        Assert.Equal(0, exitCode);
        Assert.Equal([$"2 templates in {directory}: no errors"], lines);
    }
}
