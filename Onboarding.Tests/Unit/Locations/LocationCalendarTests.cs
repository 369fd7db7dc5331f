using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Locations;

/// <summary>Tasks placed on the calendars of their people's locations (November 2027).</summary>
public class LocationCalendarTests
{
    private static readonly BusinessCalendar Engagement = BusinessCalendar.MondayToFriday;

    private static HiringLocation Place(string country, string city, WorkingDays week, params string[] holidays) => new()
    {
        CountryCode = country,
        City = city,
        TimeZone = "UTC",
        Language = "en",
        WorkingDays = week,
        Holidays = holidays.Select(d => new LocationHoliday { Date = DateOnly.Parse(d), Name = "Holiday" }).ToList(),
    };

    private static Member Person(string name, params HiringLocation[] locations) => new()
    {
        Name = name,
        Email = $"{name.ToLowerInvariant()}@example.com",
        CalendarToken = name,
        UnsubscribeToken = name,
        Locations = [.. locations],
    };

    private static PlanTaskState Task(string key, string start, string due, params string[] dependsOn) =>
        new(key, DayAnchor.Kickoff, DateOnly.Parse(start), DateOnly.Parse(due), dependsOn, null, null);

    private static readonly HiringLocation Wroclaw = Place("PL", "Wrocław", WorkingDays.MondayToFriday, "2027-11-01", "2027-11-11");
    private static readonly HiringLocation Guadalajara = Place("MX", "Guadalajara", WorkingDays.MondayToFriday, "2027-11-15");

    [Fact]
    public void A_task_owned_in_Poland_skips_11_November_and_keeps_its_length_in_Polish_working_days()
    {
        var calendars = new LocationCalendars(Engagement);
        var marek = Person("Marek", Wroclaw);

        // Thursday 11 to Friday 12 November on the engagement's calendar: two working days.
        var moved = TaskCalendars.Recalendar([Task("a", "2027-11-11", "2027-11-12")], _ => Engagement, _ => calendars.For(marek, []));

        Assert.Equal((new DateOnly(2027, 11, 12), new DateOnly(2027, 11, 15)), (moved[0].Start, moved[0].Due));
    }

    [Fact]
    public void A_task_shared_by_Poland_and_Mexico_falls_on_days_worked_in_both()
    {
        var calendars = new LocationCalendars(Engagement);
        var marek = Person("Marek", Wroclaw);
        var lucia = Person("Lucía", Guadalajara);

        // Two working days from 11 November: not the 11th (Poland), not the 15th (Mexico).
        var moved = TaskCalendars.Recalendar([Task("a", "2027-11-11", "2027-11-12")], _ => Engagement, _ => calendars.For(marek, [lucia]));

        Assert.Equal((new DateOnly(2027, 11, 12), new DateOnly(2027, 11, 16)), (moved[0].Start, moved[0].Due));
        Assert.Null(moved[0].Warning);
    }

    [Fact]
    public void A_dependent_task_starts_after_its_dependency_moved_by_a_holiday()
    {
        var calendars = new LocationCalendars(Engagement);
        var marek = Person("Marek", Wroclaw);
        var tasks = new[] { Task("first", "2027-11-10", "2027-11-11"), Task("second", "2027-11-12", "2027-11-12", "first") };

        var moved = TaskCalendars.Recalendar(tasks, _ => Engagement, i => i == 0 ? calendars.For(marek, []) : new TaskCalendar(Engagement));

        Assert.Equal(new DateOnly(2027, 11, 12), moved[0].Due);
        Assert.Equal(new DateOnly(2027, 11, 15), moved[1].Start);
        Assert.Contains("because 'first' is due on 2027-11-12", moved[1].Warning);
    }

    [Fact]
    public void Weeks_with_no_common_day_keep_the_owners_calendar_and_warn()
    {
        var calendars = new LocationCalendars(Engagement);
        var weekend = Place("AE", "Weekend office", WorkingDays.Saturday | WorkingDays.Sunday);
        var marek = Person("Marek", Wroclaw);
        var sam = Person("Sam", weekend);

        var calendar = calendars.For(marek, [sam]);

        Assert.False(calendar.Calendar.IsWorkingDay(new DateOnly(2027, 11, 11)));
        Assert.True(calendar.Calendar.IsWorkingDay(new DateOnly(2027, 11, 12)));
        Assert.Equal("no day of the week is a working day in all of Wrocław, Poland; Weekend office, United Arab Emirates; scheduled on Marek's working days", calendar.Warning);
    }

    [Fact]
    public void A_task_whose_owner_has_no_location_keeps_the_engagement_calendar()
    {
        var calendars = new LocationCalendars(Engagement);

        Assert.Same(Engagement, calendars.For(Person("Greta"), [Person("Marek", Wroclaw)]).Calendar);
    }

    private static PlanTask Owned(Member owner, params Member[] participants) => new()
    {
        Key = "a",
        Title = "Calibrate the scorecard",
        PhaseKey = "p",
        PhaseTitle = "Days 1-30",
        Owner = owner,
        Participants = participants.Select(p => new TaskParticipant { Member = p }).ToList(),
    };

    [Fact]
    public void A_task_asked_onto_a_Polish_holiday_says_which_holiday_moved_it()
    {
        var warsaw = Place("PL", "Warsaw", WorkingDays.MondayToFriday);
        warsaw.Holidays = [new LocationHoliday { Date = new DateOnly(2027, 11, 11), Name = "Independence Day" }];
        var task = Owned(Person("Marek", warsaw));
        var calendars = new LocationCalendars(Engagement);

        Assert.Equal("Moved to Fri 12 Nov 2027: 11 Nov is Independence Day in Warsaw, Poland.", calendars.RollNote(task, new DateOnly(2027, 11, 11)));
        Assert.Null(calendars.RollNote(task, new DateOnly(2027, 11, 10)));
    }

    [Fact]
    public void A_holiday_before_a_weekend_names_the_holiday_and_the_days_off()
    {
        var warsaw = Place("PL", "Warsaw", WorkingDays.MondayToFriday);
        warsaw.Holidays = [new LocationHoliday { Date = new DateOnly(2027, 11, 12), Name = "Bridge day" }];
        var calendars = new LocationCalendars(Engagement);

        Assert.Equal(
            "Moved to Mon 15 Nov 2027: 12 Nov is Bridge day in Warsaw, Poland; Sat 13 Nov and Sun 14 Nov are not working days in Warsaw, Poland.",
            calendars.RollNote(Owned(Person("Marek", warsaw)), new DateOnly(2027, 11, 12)));
    }

    [Fact]
    public void A_shared_task_names_the_participant_s_location_whose_holiday_moved_it_and_the_days_off_in_date_order()
    {
        var calendars = new LocationCalendars(Engagement);
        var task = Owned(Person("Marek", Wroclaw), Person("Lucía", Guadalajara));

        Assert.Equal("Moved to Tue 16 Nov 2027: 15 Nov is Holiday in Guadalajara, Mexico.", calendars.RollNote(task, new DateOnly(2027, 11, 15)));
        Assert.Equal(
            "Moved to Tue 16 Nov 2027: Sat 13 Nov and Sun 14 Nov are not working days in Wrocław, Poland and Guadalajara, Mexico; 15 Nov is Holiday in Guadalajara, Mexico.",
            calendars.RollNote(task, new DateOnly(2027, 11, 13)));
    }

    [Fact]
    public void A_task_whose_owner_has_no_location_has_no_note()
    {
        var task = Owned(Person("Greta"), Person("Marek", Wroclaw));

        Assert.Null(new LocationCalendars(Engagement).RollNote(task, new DateOnly(2027, 11, 11)));
    }
}
