using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.Pulses;

namespace Onboarding.Tests.Unit.Governance;

public class PulseRulesTests
{
    private static readonly DateOnly Kickoff = new(2026, 11, 12);
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 11);

    private static PulseOccasion? Due(DateOnly? today = null, bool working = true, DateTimeOffset? last = null, IReadOnlySet<string>? had = null, params PulseMilestone[] milestones) =>
        PulseRules.Due(today ?? Today, working, Kickoff, Now, last, had ?? new HashSet<string>(), milestones);

    [Fact]
    public void The_monthly_pulse_is_due_once_four_weeks_after_kickoff_on_a_working_day()
    {
        Assert.Equal(new PulseOccasion("month:2026-12", "December 2026"), Due());
        Assert.Null(Due(today: Kickoff.AddDays(PulseRules.FirstMonthlyAfterDays - 1)));
        Assert.Null(Due(working: false));
        Assert.Null(Due(had: new HashSet<string> { "month:2026-12" }));
    }

    [Fact]
    public void A_reached_milestone_comes_before_the_month_and_nobody_is_asked_twice_within_two_weeks()
    {
        var review = new PulseMilestone(7, "Hold the 30-day review", Now.AddDays(-1));
        Assert.Equal(new PulseOccasion("milestone:7", "After: Hold the 30-day review"), Due(milestones: review));
        Assert.Equal("month:2026-12", Due(had: new HashSet<string> { "milestone:7" }, milestones: review)!.Key);
        Assert.Null(Due(last: Now.AddDays(-13), milestones: review));
        Assert.NotNull(Due(last: Now.AddDays(-15)));
        // Reached longer ago than a link lives: too late to ask about it.
        Assert.Equal("month:2026-12", Due(milestones: review with { ReachedAt = Now - PulseRules.ValidFor - TimeSpan.FromHours(1) })!.Key);
    }

    [Theory]
    [InlineData("Hold the 30-day review", true)]
    [InlineData("Hold the joint 60-day review", true)]
    [InlineData("Hold the 90-Day Review", true)]
    [InlineData("Hold the kickoff meeting", false)]
    [InlineData("Review the 300-day plan", false)]
    public void The_day_reviews_ask_for_a_pulse_unless_the_leader_says_otherwise(string title, bool asks)
    {
        Assert.Equal(asks, new Milestone { Title = title }.AsksPulse());
        Assert.False(new Milestone { Title = title, PulseAfter = false }.AsksPulse());
        Assert.True(new Milestone { Title = title, PulseAfter = true }.AsksPulse());
    }

    [Fact]
    public void Only_client_people_are_asked_and_low_scores_are_1_and_2()
    {
        Assert.Equal(
            [EngagementRole.TaLead, EngagementRole.HiringManager, EngagementRole.ExecutiveSponsor],
            Enum.GetValues<EngagementRole>().Where(PulseRules.IsAsked).ToArray());
        Assert.Equal([true, true, false, false, false], Enumerable.Range(1, 5).Select(PulseRules.IsLow).ToArray());
        Assert.Equal(LogSeverity.High, PulseRules.SeverityOf(1));
        Assert.Equal(LogSeverity.Medium, PulseRules.SeverityOf(2));
        Assert.True(PulseRules.IsSatisfactionMetric("Hiring manager satisfaction"));
        Assert.True(PulseRules.IsSatisfactionMetric("Hiring-manager  Satisfaction"));
        Assert.False(PulseRules.IsSatisfactionMetric("Candidate satisfaction"));
    }
}
