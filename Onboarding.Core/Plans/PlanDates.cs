namespace Onboarding.Core.Plans;

/// <summary>
/// Which dates the app accepts from people. Plan dates (kickoff, go-live, task dates, holidays) lie within
/// <see cref="YearsAround"/> years of today, so a slip of the keyboard (0001-01-01, 9999-12-31) never reaches
/// the plan engine, a calendar or a page. A metric value is measured on a day that has happened, and not
/// before the engagement began (what came before is the metric's baseline).
/// </summary>
public static class PlanDates
{
    public const int YearsAround = 5;

    public static DateOnly Earliest(DateOnly today) => today.AddYears(-YearsAround);

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAround);

    /// <summary>Null when <paramref name="date"/> may be a plan date, else why not; <paramref name="what"/> names the field, e.g. "kickoff".</summary>
    public static string? Check(DateOnly date, DateOnly today, string what) =>
        date < Earliest(today) || date > Latest(today)
            ? $"The {what} date {date:yyyy-MM-dd} is more than {YearsAround} years from today; choose a date from {Earliest(today):yyyy-MM-dd} to {Latest(today):yyyy-MM-dd}."
            : null;

    /// <summary>The first day a metric value may be measured on: kickoff, or the day the engagement was set up (in its zone) when that came first.</summary>
    public static DateOnly MeasuredFrom(DateOnly kickoff, DateOnly createdOn) =>
        createdOn < kickoff ? createdOn : kickoff;

    /// <summary>Null when a metric value may be measured on <paramref name="date"/>, else why not.</summary>
    public static string? CheckMeasuredOn(DateOnly date, DateOnly today, DateOnly measuredFrom)
    {
        if (date > today)
        {
            return $"The value is dated {date:d MMM yyyy}, after today ({today:d MMM yyyy}): record a value once it has been measured.";
        }
        if (date < measuredFrom)
        {
            return $"The value is dated {date:d MMM yyyy}, before the engagement began ({measuredFrom:d MMM yyyy}): what was measured before belongs in the metric's baseline.";
        }
        return null;
    }
}
