using Onboarding.Core.Engagements;
using Onboarding.Core.People;

namespace Onboarding.Tests.Unit;

/// <summary>
/// The four seed countries' zones in March 2027: Canada moves its clocks on Sunday 14 March, Poland on Sunday
/// 28 March, India and Mexico (since 2022) not at all. Working days run 09:00–17:00 local, Monday to Friday.
/// </summary>
public class CommonHoursTests
{
    private static readonly WorkingClock Kolkata = new("Priya", "Asia/Kolkata", WorkingDays.MondayToFriday);
    private static readonly WorkingClock Warsaw = new("Marek", "Europe/Warsaw", WorkingDays.MondayToFriday);
    private static readonly WorkingClock MexicoCity = new("Lucía", "America/Mexico_City", WorkingDays.MondayToFriday);
    private static readonly WorkingClock Toronto = new("Owen", "America/Toronto", WorkingDays.MondayToFriday);

    // Monday 8 March to the end of Monday 15 March 2027, UTC.
    private static readonly DateTimeOffset CanadaWeekFrom = new(2027, 3, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CanadaWeekTo = new(2027, 3, 16, 0, 0, 0, TimeSpan.Zero);

    private static CommonWindow Utc(int day, int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new DateTimeOffset(2027, 3, day, fromHour, fromMinute, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, day, toHour, toMinute, 0, TimeSpan.Zero));

    [Fact]
    public void India_Poland_Mexico_and_Canada_together_have_no_common_hours()
    {
        // Kolkata's day ends 11:30 UTC; Mexico City's starts 15:00 UTC.
        Assert.Empty(CommonHours.Between([Kolkata, Warsaw, MexicoCity, Toronto], CanadaWeekFrom, CanadaWeekTo));
    }

    [Fact]
    public void With_no_common_hour_the_closest_leaves_out_whoever_leaves_the_others_the_most_time()
    {
        var closest = CommonHours.Closest([Kolkata, Warsaw, MexicoCity, Toronto], CanadaWeekFrom, CanadaWeekTo);

        // Without Priya the others share 15:00–16:00 UTC each weekday; without anyone else, Kolkata's day still ends first.
        Assert.NotNull(closest);
        Assert.Equal(Kolkata, closest.Absent);
        Assert.Equal(CommonHours.Between([Warsaw, MexicoCity, Toronto], CanadaWeekFrom, CanadaWeekTo), closest.Windows);
        Assert.Null(CommonHours.Closest([Kolkata, MexicoCity], CanadaWeekFrom, CanadaWeekTo));
        Assert.Null(CommonHours.Closest([Kolkata, Warsaw, MexicoCity, Toronto, Kolkata with { Name = "Arjun" }], CanadaWeekFrom, CanadaWeekTo));
    }

    [Fact]
    public void A_week_on_the_page_runs_seven_days_from_midnight_in_its_zone_and_names_the_closest_only_when_there_is_no_common_hour()
    {
        // Monday 8 March 2027 in Toronto, EST: 05:00 UTC to 05:00 UTC a week later, minus the hour Toronto loses on the 14th.
        var week = CommonHours.Week([Warsaw, Toronto], new DateOnly(2027, 3, 8), "America/Toronto");
        var all = CommonHours.Week([Kolkata, Warsaw, MexicoCity, Toronto], new DateOnly(2027, 3, 8), "America/Toronto");

        Assert.Equal(CommonHours.Between([Warsaw, Toronto], new DateTimeOffset(2027, 3, 8, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 4, 0, 0, TimeSpan.Zero)), week.Windows);
        Assert.Equal(5, week.Windows.Count);
        Assert.Null(week.Closest);
        Assert.Empty(all.Windows);
        Assert.Equal(Kolkata, all.Closest?.Absent);
    }

    [Fact]
    public void Poland_and_Canada_gain_an_hour_together_when_Canada_moves_its_clocks()
    {
        var windows = CommonHours.Between([Warsaw, Toronto], CanadaWeekFrom, CanadaWeekTo);

        // Warsaw 08:00–16:00 UTC all week; Toronto 14:00–22:00 UTC in EST, 13:00–21:00 UTC in EDT. No weekend.
        Assert.Equal([Utc(8, 14, 0, 16, 0), Utc(9, 14, 0, 16, 0), Utc(10, 14, 0, 16, 0), Utc(11, 14, 0, 16, 0), Utc(12, 14, 0, 16, 0), Utc(15, 13, 0, 16, 0)], windows);
    }

    [Fact]
    public void Poland_Mexico_and_Canada_share_the_hour_Mexico_allows_either_side_of_Canadas_change()
    {
        var windows = CommonHours.Between([Warsaw, MexicoCity, Toronto], CanadaWeekFrom, CanadaWeekTo);

        Assert.Equal(Utc(12, 15, 0, 16, 0), windows[4]);
        Assert.Equal(Utc(15, 15, 0, 16, 0), windows[5]);
        Assert.Equal(6, windows.Count);
    }

    [Fact]
    public void India_and_Poland_gain_an_hour_together_when_Poland_moves_its_clocks()
    {
        var from = new DateTimeOffset(2027, 3, 26, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2027, 3, 30, 0, 0, 0, TimeSpan.Zero);

        var windows = CommonHours.Between([Kolkata, Warsaw], from, to);

        // Kolkata 03:30–11:30 UTC; Warsaw 08:00–16:00 UTC in CET, 07:00–15:00 UTC in CEST.
        Assert.Equal([Utc(26, 8, 0, 11, 30), Utc(29, 7, 0, 11, 30)], windows);
    }

    [Fact]
    public void A_working_week_from_Sunday_counts_Sunday()
    {
        var sundayToThursday = Warsaw with { WorkingDays = WorkingDays.SundayToThursday };

        var windows = CommonHours.Between([sundayToThursday], new DateTimeOffset(2027, 3, 14, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([Utc(14, 8, 0, 16, 0)], windows);
    }

    [Fact]
    public void A_meeting_names_whose_working_day_it_falls_outside()
    {
        // Friday 12 March, 14:30–15:00 UTC: 15:30 in Warsaw, 09:30 in Toronto, 08:30 in Mexico City.
        var start = new DateTimeOffset(2027, 3, 12, 14, 30, 0, TimeSpan.Zero);

        Assert.Equal([MexicoCity], CommonHours.NotWorking([Warsaw, MexicoCity, Toronto], start, start.AddMinutes(30)));
        Assert.Empty(CommonHours.NotWorking([Warsaw, Toronto], start, start.AddMinutes(30)));
        Assert.Equal([Warsaw], CommonHours.NotWorking([Warsaw, Toronto], start, start.AddMinutes(120)));
    }

    [Fact]
    public void A_day_off_in_someones_working_week_takes_the_whole_day_and_the_week_says_why()
    {
        // Thursday 11 March 2027 a holiday in Warsaw (for the test); Saturday 13 March is not a working day anyway.
        var off = Warsaw with
        {
            DaysOff = new Dictionary<DateOnly, string>
            {
                [new DateOnly(2027, 3, 11)] = "A holiday in Warsaw, Poland",
                [new DateOnly(2027, 3, 13)] = "A Saturday holiday in Warsaw, Poland",
            },
        };

        var windows = CommonHours.Between([off, Toronto], CanadaWeekFrom, CanadaWeekTo);
        var week = CommonHours.Week([off, Toronto], new DateOnly(2027, 3, 8), "America/Toronto");
        var thursday = new DateTimeOffset(2027, 3, 11, 14, 30, 0, TimeSpan.Zero);

        Assert.Equal([Utc(8, 14, 0, 16, 0), Utc(9, 14, 0, 16, 0), Utc(10, 14, 0, 16, 0), Utc(12, 14, 0, 16, 0), Utc(15, 13, 0, 16, 0)], windows);
        Assert.Equal([new DayOff(new DateOnly(2027, 3, 11), off, "A holiday in Warsaw, Poland")], week.DaysOff);
        Assert.Equal([off], CommonHours.NotWorking([off, Toronto], thursday, thursday.AddMinutes(30)));
        Assert.Equal("A holiday in Warsaw, Poland", off.DayOffAt(thursday));
        // 23:30 UTC on Wednesday is already Thursday in Warsaw.
        Assert.Equal("A holiday in Warsaw, Poland", off.DayOffAt(new DateTimeOffset(2027, 3, 10, 23, 30, 0, TimeSpan.Zero)));
        Assert.Null(off.DayOffAt(thursday.AddDays(1)));
    }
}
