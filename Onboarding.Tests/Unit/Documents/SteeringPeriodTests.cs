using Onboarding.Core.Documents.Steering;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Tests.Unit.Documents;

public class SteeringPeriodTests
{
    private static readonly DateOnly Kickoff = new(2026, 11, 12);

    [Fact]
    public void Months_run_from_the_kickoffs_to_the_one_under_way_newest_first()
    {
        var months = SteeringPeriod.Available(Kickoff, new DateOnly(2027, 1, 5));

        Assert.Equal(["2027-01", "2026-12", "2026-11"], months.Select(SteeringPeriod.Key));
        Assert.Equal(new DateOnly(2026, 12, 31), months[1].To);
    }

    [Fact]
    public void No_month_given_means_the_month_under_way()
    {
        Assert.Equal(SteeringPeriod.Month(2026, 12), SteeringPeriod.Parse(" ", Kickoff, new DateOnly(2026, 12, 3), out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void The_plan_ahead_of_the_month_under_way_starts_tomorrow_and_of_a_past_month_with_the_next_month()
    {
        var november = SteeringPeriod.Month(2026, 11);

        Assert.Equal(new SteeringPeriod(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 31)), november.Next(new DateOnly(2026, 11, 23)));
        Assert.Equal(SteeringPeriod.Month(2026, 12), november.Next(new DateOnly(2027, 1, 10)));
        Assert.Equal(new DateOnly(2026, 11, 30), november.AsOf(new DateOnly(2027, 1, 10)));
        Assert.Equal(new DateOnly(2026, 11, 23), november.AsOf(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_milestone_slips_by_working_days_skipping_weekends_and_holidays()
    {
        var calendar = new BusinessCalendar(BusinessCalendar.MondayToFriday.WorkingDays, [new DateOnly(2026, 11, 26)]);
        // Planned Friday 20 November; reached Friday 27th: Mon, Tue, Wed, (Thu is a holiday), Fri.
        var late = new Milestone { Title = "Go-live readiness", Date = new DateOnly(2026, 11, 20), ReachedAt = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero) };
        var missed = new Milestone { Title = "Agencies wound down", Date = new DateOnly(2026, 11, 20) };
        var onTime = new Milestone { Title = "Kickoff", Date = new DateOnly(2026, 11, 12), ReachedAt = new DateTimeOffset(2026, 11, 12, 9, 0, 0, TimeSpan.Zero) };

        Assert.Equal(4, SteeringMilestone.Of(late, "Europe/London", calendar, new DateOnly(2026, 11, 30)).SlipWorkingDays);
        Assert.Equal("Reached 27 Nov 2026, 4 working days late", SteeringContent.Standing(SteeringMilestone.Of(late, "Europe/London", calendar, new DateOnly(2026, 11, 30))));
        Assert.Equal("Not reached: 2 working days late so far", SteeringContent.Standing(SteeringMilestone.Of(missed, "Europe/London", calendar, new DateOnly(2026, 11, 24))));
        Assert.Equal("Reached on time (12 Nov 2026)", SteeringContent.Standing(SteeringMilestone.Of(onTime, "Europe/London", calendar, new DateOnly(2026, 11, 30))));
    }

    [Fact]
    public void A_milestone_reached_after_the_reports_month_counts_as_not_reached_in_it()
    {
        var milestone = new Milestone { Title = "Go-live readiness", Date = new DateOnly(2026, 11, 27), ReachedAt = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero) };

        var inNovember = SteeringMilestone.Of(milestone, "Europe/London", BusinessCalendar.MondayToFriday, new DateOnly(2026, 11, 30));

        Assert.False(inNovember.IsReached);
        Assert.Equal(1, inNovember.SlipWorkingDays);
    }
}
