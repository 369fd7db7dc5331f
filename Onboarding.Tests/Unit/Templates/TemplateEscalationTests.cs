using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

/// <summary>The escalation front matter: the ladder and the working days per rung, and their defaults.</summary>
public class TemplateEscalationTests
{
    private static string With(string fields) => $"""
        ---
        key: ladder
        title: Ladder
        version: 1
        audience: client
        days-count-from: kickoff
        {fields}
        ---

        ## Meet the team

        - key: meet-team
        - phase: days-1-30
        - start: 1
        - duration: 2
        - owner: ta-lead

        ### What

        Meet everyone.

        ### Why

        To know whom to ask.
        """;

    [Fact]
    public void The_ladder_and_days_are_read_and_a_launch_takes_them()
    {
        var result = TemplateParser.Parse("t.md", With("escalation: [account-leader, ta-lead]\nescalate-after-working-days: 5"));

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { EngagementRole.AccountLeader, EngagementRole.TaLead }, result.Template!.Escalation);
        Assert.Equal(5, result.Template.EscalateAfterWorkingDays);
        Assert.Equal(new[] { EngagementRole.AccountLeader, EngagementRole.TaLead }, EscalationLadder.FromTemplates([result.Template]));
    }

    [Fact]
    public void Without_them_the_default_ladder_applies()
    {
        var result = TemplateParser.Parse("t.md", With("# no ladder: the default"));

        Assert.Empty(result.Errors);
        Assert.Null(result.Template!.Escalation);
        Assert.Equal(EscalationLadder.Default, EscalationLadder.FromTemplates([result.Template]));
    }

    [Theory]
    [InlineData("escalation: [recruiter, boss]", 7, "escalation: 'boss' is not a role")]
    [InlineData("escalation: [recruiter, recruiter]", 7, "escalation: recruiter is named twice")]
    [InlineData("escalation: recruiter", 7, "escalation must be a list of roles")]
    [InlineData("escalate-after-working-days: 0", 7, "escalate-after-working-days must be a whole number of working days from 1 to 30")]
    [InlineData("escalate-after-working-days: soon", 7, "escalate-after-working-days must be a whole number")]
    public void A_bad_ladder_is_reported_with_file_and_line(string fields, int line, string message)
    {
        var result = TemplateParser.Parse("t.md", With(fields));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("t.md", line), (error.File, error.Line));
        Assert.Contains(message, error.Message);
    }
}
