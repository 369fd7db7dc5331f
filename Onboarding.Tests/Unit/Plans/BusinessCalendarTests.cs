using Onboarding.Core.Plans;

namespace Onboarding.Tests.Unit.Plans;

public class BusinessCalendarTests
{
    // 2026-01-01 is a Thursday.
    private static readonly BusinessCalendar WithNewYear = new(BusinessCalendar.MondayToFriday.WorkingDays, [new(2026, 1, 1), new(2026, 1, 2)]);

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.False(WithNewYear.IsWorkingDay(new(2026, 1, 1)));
        Assert.False(WithNewYear.IsWorkingDay(new(2026, 1, 3)));
        Assert.True(WithNewYear.IsWorkingDay(new(2026, 1, 5)));
    }

    [Fact]
    public void Next_and_previous_skip_over_holidays_and_weekends()
    {
        Assert.Equal(new DateOnly(2026, 1, 5), WithNewYear.NextWorkingDay(new(2025, 12, 31)));
        Assert.Equal(new DateOnly(2025, 12, 31), WithNewYear.PreviousWorkingDay(new(2026, 1, 5)));
        Assert.Equal(new DateOnly(2026, 1, 5), WithNewYear.RollForward(new(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 1, 5), WithNewYear.RollForward(new(2026, 1, 5)));
    }

    [Fact]
    public void Adding_and_counting_working_days_skip_non_working_days()
    {
        Assert.Equal(new DateOnly(2026, 1, 9), WithNewYear.AddWorkingDays(new(2025, 12, 31), 5));
        Assert.Equal(new DateOnly(2025, 12, 30), WithNewYear.AddWorkingDays(new(2026, 1, 5), -2));
        Assert.Equal(5, WithNewYear.WorkingDaysBetween(new(2025, 12, 31), new(2026, 1, 9)));
        Assert.Equal(-2, WithNewYear.WorkingDaysBetween(new(2026, 1, 5), new(2025, 12, 30)));
        Assert.Equal(0, WithNewYear.WorkingDaysBetween(new(2026, 1, 1), new(2026, 1, 4)));
    }

    [Fact]
    public void A_sunday_to_thursday_week_works_on_sundays()
    {
        var calendar = new BusinessCalendar([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], []);

        Assert.Equal(new DateOnly(2026, 1, 4), calendar.NextWorkingDay(new(2026, 1, 1)));
    }

    [Fact]
    public void A_week_without_working_days_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar([], []));
    }
}
