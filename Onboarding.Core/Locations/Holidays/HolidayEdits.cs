using System.Globalization;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Core.Locations.Holidays;

/// <summary>A holiday edit as the leader asked for it: one day added with its name, or one removed.</summary>
public sealed record HolidayEdit(HolidayChangeKind Kind, DateOnly Date, string Name);

/// <summary>
/// The leader's edits of a location's holidays: what they may add, what the plan would do (a preview of every task
/// that moves), and applying it with a record of who changed what.
/// </summary>
public static class HolidayEdits
{
    /// <summary>The addition typed on the form, or null with a message that says what is wrong with it.</summary>
    public static HolidayEdit? ReadAddition(string? date, string? name, HiringLocation location, DateOnly kickoff, out string? problem)
    {
        var text = date?.Trim() ?? "";
        var years = HolidayCatalog.PlanYears(kickoff);
        var trimmedName = name?.Trim() ?? "";
        problem = null;
        if (text.Length == 0)
        {
            problem = "Enter the holiday's date, as YYYY-MM-DD.";
        }
        else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problem = $"'{TextLimits.Fit(text, 40)}' is not a date; write it as YYYY-MM-DD, e.g. {years[1]}-05-04.";
        }
        else if (!years.Contains(day.Year))
        {
            problem = $"{day.Iso()} is outside the plan's years ({years[0]} and {years[1]}); the calendar holds those only.";
        }
        else if (location.Holidays.FirstOrDefault(h => h.Date == day) is { } existing)
        {
            problem = $"{day.Iso()} is already a holiday in {location.DisplayName} ({existing.Name}).";
        }
        else if (trimmedName.Length == 0)
        {
            problem = $"Name the holiday on {day.Iso()}, e.g. Company day.";
        }
        else if (trimmedName.Length > TextLimits.Name)
        {
            problem = TextLimits.TooLong("The holiday's name", trimmedName.Length, TextLimits.Name);
        }
        else
        {
            return new HolidayEdit(HolidayChangeKind.Added, day, trimmedName);
        }
        return null;
    }

    /// <summary>The location's days off once <paramref name="edit"/> is made.</summary>
    public static IReadOnlyList<PublicHolidayDate> After(HiringLocation location, HolidayEdit edit)
    {
        var days = location.Holidays.Where(h => h.Date != edit.Date).Select(h => new PublicHolidayDate(h.Date, h.Name)).ToList();
        if (edit.Kind == HolidayChangeKind.Added)
        {
            days.Add(new PublicHolidayDate(edit.Date, edit.Name));
        }
        return days;
    }

    /// <summary>
    /// Every task whose dates the edit would change. <paramref name="tasks"/> are all the engagement's tasks with their
    /// dependencies, owner and participants loaded, and those members' locations with their holidays.
    /// </summary>
    public static IReadOnlyList<TaskMove> Preview(Engagement engagement, IReadOnlyList<PlanTask> tasks, HiringLocation location, HolidayEdit edit)
    {
        var now = new LocationCalendars(PlanWriter.Calendar(engagement));
        return now.MovesTo(now.With(location, After(location, edit)), tasks);
    }

    /// <summary>Makes the edit, moves the previewed tasks (and their milestones), and records who did it.</summary>
    public static void Apply(Engagement engagement, HiringLocation location, HolidayEdit edit, IReadOnlyList<TaskMove> moves, IEnumerable<Milestone> milestones, string actorName, DateTimeOffset now)
    {
        if (edit.Kind == HolidayChangeKind.Added)
        {
            location.Holidays.Add(new LocationHoliday { Date = edit.Date, Name = edit.Name });
        }
        else
        {
            location.Holidays.RemoveAll(h => h.Date == edit.Date);
        }
        PlanReschedule.Apply(engagement, moves, milestones, RescheduleTarget.Task, edit.Date);
        location.HolidayChanges.Add(new HolidayChange { At = now, ActorName = TextLimits.Fit(actorName, TextLimits.Name), Kind = edit.Kind, Date = edit.Date, Name = edit.Name });
    }
}
