using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

public class TemplateParserTests
{
    private const string Full = """
        ---
        key: welcome
        title: Welcome plan
        version: 3
        audience: recruiter
        days-count-from: go-live
        phases:
          - key: settle
            title: Settling in
            days: 1–10
          - key: grow
            title: Growing
            days: 11-20
        glossary:
          - client-term: Requisition
            provider-term: Job order
            definition: An approved vacancy.
        metrics:
          - name: Time to fill
            unit: working days
            direction: lower-is-better
            target: 30
            how-measured: Median from approval to acceptance.
        digest-cadence:
          - days: 1-5
            frequency: every-working-day
          - days: 6+
            frequency: weekly
        ---

        # Welcome plan

        Free text for readers.

        ## Meet the team

        - key: meet-team
        - phase: settle
        - start: 1
        - duration: 2
        - owner: recruiter

        ### What

        Meet everyone.

        ```
        ## not a task heading
        ```

        ### Why

        People first.

        ### Checklist

        - [ ] Team lunch
        - [x] Calendar invites

        # Later

        This paragraph is commentary, not part of the why above.

        ## Review

        - key: review
        - phase: grow
        - start: 11
        - duration: 1
        - owner: account-leader
        - Depends on: meet-team
        - milestone: yes

        ### What

        Review the first weeks.

        ### Why

        To adjust early.
        """;

    [Fact]
    public void Reads_every_template_level_field()
    {
        var template = Parse(Full);

        Assert.Equal(("welcome", "Welcome plan", 3), (template.Key, template.Title, template.Version));
        Assert.Equal(TemplateAudience.Recruiter, template.Audience);
        Assert.Equal(DayAnchor.GoLive, template.Anchor);
        Assert.Equal([new TemplatePhase("settle", "Settling in", 1, 10), new TemplatePhase("grow", "Growing", 11, 20)], template.Phases);
        Assert.Equal([new StarterTerm("Requisition", "Job order", "An approved vacancy.")], template.Glossary);
        Assert.Equal(
            [new SuggestedMetric("Time to fill", "working days", MetricDirection.LowerIsBetter, "30", "Median from approval to acceptance.")],
            template.Metrics);
        Assert.Equal([new CadenceStage(1, 5, CadenceFrequency.EveryWorkingDay), new CadenceStage(6, null, CadenceFrequency.Weekly)], template.Cadence.Stages);
        Assert.Equal(Full, template.SourceText);
        Assert.Equal(2, template.KeyLine);
    }

    [Fact]
    public void Reads_each_task_with_its_heading_line()
    {
        var tasks = Parse(Full).Tasks;

        Assert.Equal(["meet-team", "review"], tasks.Select(t => t.Key));
        var meet = tasks[0];
        Assert.Equal(("Meet the team", "settle", 1, 2, EngagementRole.Recruiter, 35), (meet.Title, meet.PhaseKey, meet.StartDay, meet.DurationDays, meet.Owner, meet.Line));
        Assert.Equal("Meet everyone.\n\n```\n## not a task heading\n```", meet.What);
        Assert.Equal("People first.", meet.Why);
        Assert.Equal(["Team lunch", "Calendar invites"], meet.Checklist);
        Assert.False(meet.IsMilestone);

        var review = tasks[1];
        Assert.Equal(["meet-team"], review.DependsOn);
        Assert.True(review.IsMilestone);
        Assert.Equal(EngagementRole.AccountLeader, review.Owner);
    }

    [Fact]
    public void Without_phases_or_cadence_the_defaults_apply()
    {
        var template = Parse("""
            ---
            key: small
            title: Small
            version: 1
            audience: client
            days-count-from: kickoff
            ---
            ## Only task
            - key: only
            - phase: days-61-90
            - start: 61
            - duration: 30
            - owner: ta-lead
            ### What
            Do it.
            ### Why
            It matters.
            """);

        Assert.Equal(["days-1-30", "days-31-60", "days-61-90"], template.Phases.Select(p => p.Key));
        Assert.Equal((61, 90), (template.Phases[2].FromDay, template.Phases[2].ToDay));
        Assert.Same(DigestCadence.Default, template.Cadence);
    }

    [Fact]
    public void Front_matter_without_tasks_is_an_error()
    {
        var result = TemplateParser.Parse("t.md", "---\nkey: a\ntitle: A\nversion: 1\naudience: client\ndays-count-from: kickoff\n---\n\nJust prose.\n");

        Assert.Equal(["t.md:7: the template has no tasks: each task is a '## Title' section after the front matter"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_on_line_one()
    {
        var result = TemplateParser.Parse("t.md", "---\nkey: a\n");

        Assert.Equal(["t.md:1: the front matter is never closed: add a '---' line after it"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_empty_phase_list_is_one_error_not_one_per_task()
    {
        var result = TemplateParser.Parse("t.md", """
            ---
            key: a
            title: A
            version: 1
            audience: client
            days-count-from: kickoff
            phases: []
            ---
            ## Only task
            - key: only
            - phase: days-1-30
            - start: 1
            - duration: 1
            - owner: ta-lead
            ### What
            Do it.
            ### Why
            It matters.
            """);

        Assert.Equal(["t.md:7: 'phases' needs at least one phase; leave it out to use days 1–30, 31–60 and 61–90"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Markdown_nested_too_deep_is_a_template_error_at_its_line()
    {
        var text = Full
            .Replace("Meet everyone.", new string('>', 200) + " deep", StringComparison.Ordinal)
            .Replace("definition: An approved vacancy.", $"definition: \"{string.Concat(Enumerable.Repeat("> ", 30))}x\"", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var what = Array.IndexOf(lines, "### What") + 1;
        var definition = Array.FindIndex(lines, l => l.TrimStart().StartsWith("definition:", StringComparison.Ordinal)) + 1;

        var result = TemplateParser.Parse("test.md", text);

        Assert.Null(result.Template);
        Assert.Equal(
            [
                $"test.md:{definition}: the definition of 'Requisition': Nested 30 levels deep; at most 20 levels of quotes or lists are allowed.",
                $"test.md:{what}: the what of task 'Meet the team': Nested 200 levels deep; at most 20 levels of quotes or lists are allowed.",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    private static PlanTemplate Parse(string text)
    {
        var result = TemplateParser.Parse("test.md", text);
        Assert.Empty(result.Errors);
        return result.Template!;
    }
}
