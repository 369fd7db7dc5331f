using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

public class BrokenTemplateTests
{
    private const string FrontMatterFields = "key, title, version, audience, days-count-from, per-person, phases, glossary, metrics, digest-cadence, escalation, escalate-after-working-days";
    private const string Roles = "account-leader, recruiter, ta-lead, hiring-manager, executive-sponsor";

    public static TheoryData<string, int, string> SingleProblems => new()
    {
        { "bad-yaml.md", 3, "bad YAML: While scanning a multi-line double-quoted scalar, found wrong indentation." },
        { "bad-bracket.md", 5, "bad YAML: an opening bracket or quote is never closed" },
        { "unknown-owner.md", 15, $"unknown owner role 'cfo' (expected one of {Roles})" },
        { "duplicate-key.md", 27, "duplicate task key 'a' (first used on line 11)" },
        { "unknown-dependency.md", 32, "task 'b' depends on unknown task 'nowhere'" },
        { "cycle.md", 16, "dependency cycle: a → c → b → a (each depends on the next)" },
        { "outside-phase.md", 13, "task 'a' runs on days 28–32, outside phase 'days-1-30' (days 1–30)" },
        { "zero-duration.md", 14, "duration '0' must be at least 1 working day" },
        { "no-front-matter.md", 1, "a template starts with a '---' line, then its YAML front matter, then another '---' line" },
    };

    [Theory]
    [MemberData(nameof(SingleProblems))]
    public void Broken_template_reports_its_problem_at_the_line_it_is_on(string file, int line, string message)
    {
        var path = Path.Combine(RepoPaths.BrokenTemplates, file);

        var result = TemplateParser.Load(path);

        Assert.Null(result.Template);
        Assert.Equal([$"{path}:{line}: {message}"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Unknown_fields_are_reported_in_front_matter_and_in_tasks()
    {
        var result = TemplateParser.Load(Path.Combine(RepoPaths.BrokenTemplates, "unknown-field.md"));

        Assert.Equal(
            [
                (7, $"unknown field 'owner-email' in the front matter (expected {FrontMatterFields})"),
                (17, "unknown field 'priority' (a task has key, phase, start, duration, owner, depends-on, milestone, participants, shared, days-count-from)"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void Missing_what_and_missing_why_are_both_reported_at_their_task_headings()
    {
        var result = TemplateParser.Load(Path.Combine(RepoPaths.BrokenTemplates, "missing-what-why.md"));

        Assert.Equal(
            [
                (9, "task 'a' has no what: add a '### What' section saying what to do"),
                (22, "task 'b' has no why: add a '### Why' section saying why it matters"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void A_file_with_many_problems_reports_every_one_in_line_order()
    {
        var result = TemplateParser.Load(Path.Combine(RepoPaths.BrokenTemplates, "many-problems.md"));

        Assert.Equal(
            [
                (2, "template key 'Many_Problems' must be lower-case letters and digits, words joined by '-' (like 'kickoff-call')"),
                (4, "version 'two' must be a whole number of 1 or more"),
                (5, "unknown audience 'everyone' (expected account-leader, client, recruiter)"),
                (7, $"unknown field 'colour' in the front matter (expected {FrontMatterFields})"),
                (10, "task 'kickoff' has no why: add a '### Why' section saying why it matters"),
                (15, "duration '0' must be at least 1 working day"),
                (16, $"unknown owner role 'cfo' (expected one of {Roles})"),
                (24, "duplicate task key 'kickoff' (first used on line 12)"),
                (26, "task 'kickoff' runs on days 29–33, outside phase 'days-1-30' (days 1–30)"),
                (29, "task 'kickoff' depends on unknown task 'ghost'"),
                (35, "unknown section 'Notes' (a task has '### What', '### Why' and optionally '### Checklist')"),
            ],
            result.Errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void Error_prints_as_file_colon_line_colon_message()
    {
        Assert.Equal("templates/a.md:12: duplicate task key 'x'", new TemplateError("templates/a.md", 12, "duplicate task key 'x'").ToString());
    }

    [Fact]
    public void Catalog_keeps_per_file_errors_and_only_valid_templates()
    {
        var catalog = TemplateCatalog.Load(RepoPaths.BrokenTemplates);

        Assert.Empty(catalog.Templates);
        Assert.Equal(12, catalog.FileCount);
        Assert.Equal(12, catalog.Errors.Select(e => e.File).Distinct().Count());
        Assert.Null(catalog.Find("cycle"));
    }
}
