using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Plans;

namespace Onboarding.Tests.Unit.Governance;

public class EngagementHealthTests
{
    private static readonly HealthInputs Calm = new(0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void Nothing_wrong_is_green_with_no_reasons()
    {
        var verdict = EngagementHealth.Compute(Calm);
        Assert.Equal(HealthColour.Green, verdict.Colour);
        Assert.Empty(verdict.Reasons);
    }

    [Theory]
    [InlineData(1, HealthColour.Green)]
    [InlineData(EngagementHealth.OverdueAmber, HealthColour.Amber)]
    [InlineData(EngagementHealth.OverdueRed, HealthColour.Red)]
    public void Overdue_work_counts_per_side_and_says_which(int overdue, HealthColour expected)
    {
        var client = EngagementHealth.Compute(Calm with { ClientOverdue = overdue });
        var provider = EngagementHealth.Compute(Calm with { ProviderOverdue = overdue });

        Assert.Equal(expected, client.Colour);
        Assert.Equal(expected, provider.Colour);
        if (expected != HealthColour.Green)
        {
            Assert.Equal($"Client side: {overdue} tasks overdue", Assert.Single(client.Reasons).Text);
            Assert.Equal($"Provider side: {overdue} tasks overdue", Assert.Single(provider.Reasons).Text);
        }
    }

    [Fact]
    public void One_overdue_task_on_each_side_is_not_a_pattern_on_either()
    {
        Assert.Equal(HealthColour.Green, EngagementHealth.Compute(Calm with { ClientOverdue = 1, ProviderOverdue = 1 }).Colour);
    }

    [Fact]
    public void Blocked_work_is_amber_at_one_and_red_at_three()
    {
        Assert.Equal(HealthColour.Amber, EngagementHealth.Compute(Calm with { ClientBlocked = 1 }).Colour);
        Assert.Equal(HealthColour.Red, EngagementHealth.Compute(Calm with { ProviderBlocked = EngagementHealth.BlockedRed }).Colour);
        Assert.Equal("Client side: 1 task blocked", EngagementHealth.Compute(Calm with { ClientBlocked = 1 }).Reasons.Single().Text);
    }

    [Fact]
    public void A_critical_issue_is_red_and_a_high_one_amber()
    {
        Assert.Equal(HealthColour.Red, EngagementHealth.Compute(Calm with { OpenCriticalIssues = 1 }).Colour);
        var high = EngagementHealth.Compute(Calm with { OpenHighIssues = 2 });
        Assert.Equal(HealthColour.Amber, high.Colour);
        Assert.Equal("2 issues open at high severity", high.Reasons.Single().Text);
    }

    [Fact]
    public void Metrics_behind_target_are_amber_never_red_on_their_own()
    {
        Assert.Equal(HealthColour.Amber, EngagementHealth.Compute(Calm with { MetricsBehind = 1 }).Colour);
        Assert.Equal(HealthColour.Amber, EngagementHealth.Compute(Calm with { MetricsBehind = 9 }).Colour);
    }

    [Fact]
    public void Milestone_slip_is_amber_from_one_working_day_and_red_from_a_week()
    {
        Assert.Equal(HealthColour.Amber, EngagementHealth.Compute(Calm with { SlipWorkingDays = 1 }).Colour);
        Assert.Equal(HealthColour.Red, EngagementHealth.Compute(Calm with { SlipWorkingDays = EngagementHealth.SlipRed }).Colour);
    }

    [Fact]
    public void The_worst_signal_wins_and_every_signal_is_listed_worst_first()
    {
        var verdict = EngagementHealth.Compute(Calm with { OpenHighIssues = 1, ClientOverdue = 6 });
        Assert.Equal(HealthColour.Red, verdict.Colour);
        Assert.Equal(new[] { HealthColour.Red, HealthColour.Amber }, verdict.Reasons.Select(r => r.Colour));
    }

    [Fact]
    public void Slip_counts_working_days_from_the_planned_date_to_the_later_of_the_task_due_date_and_today()
    {
        var calendar = BusinessCalendar.MondayToFriday;
        var friday = new DateOnly(2026, 12, 4);

        Assert.Equal(0, EngagementHealth.Slip(friday, friday, reached: false, today: friday, calendar));
        Assert.Equal(2, EngagementHealth.Slip(friday, new DateOnly(2026, 12, 8), reached: false, today: new DateOnly(2026, 12, 1), calendar)); // Mon, Tue
        Assert.Equal(3, EngagementHealth.Slip(friday, friday, reached: false, today: new DateOnly(2026, 12, 9), calendar)); // passed, not reached
        Assert.Equal(0, EngagementHealth.Slip(friday, new DateOnly(2026, 12, 9), reached: true, today: new DateOnly(2026, 12, 9), calendar));
    }

    [Fact]
    public void A_lagging_metric_only_counts_from_the_day_it_becomes_meaningful()
    {
        Assert.False(EngagementHealth.IsBehind(40, MetricDirection.LowerIsBetter, MetricStage.Lagging, 60, 55, dayOfEngagement: 30));
        Assert.True(EngagementHealth.IsBehind(40, MetricDirection.LowerIsBetter, MetricStage.Lagging, 60, 55, dayOfEngagement: 61));
        Assert.True(EngagementHealth.IsBehind(90, MetricDirection.HigherIsBetter, MetricStage.Early, null, 80, dayOfEngagement: 3));
        Assert.False(EngagementHealth.IsBehind(null, MetricDirection.HigherIsBetter, MetricStage.Early, null, 80, dayOfEngagement: 3));
        Assert.False(EngagementHealth.IsBehind(90, MetricDirection.HigherIsBetter, MetricStage.Early, null, null, dayOfEngagement: 3));
    }

    [Fact]
    public void An_override_is_shown_instead_of_the_computed_colour()
    {
        Assert.Equal(HealthColour.Amber, EngagementHealth.Shown(HealthColour.Green, HealthColour.Amber));
        Assert.Equal(HealthColour.Green, EngagementHealth.Shown(HealthColour.Green, null));
    }
}
