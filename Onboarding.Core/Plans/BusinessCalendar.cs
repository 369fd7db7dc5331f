namespace Onboarding.Core.Plans;

/// <summary>
/// The client's working calendar: which weekdays are worked and which dates are holidays.
/// Every function is pure; nothing here knows what today is.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly bool[] isWorkingWeekday = new bool[7];
    private readonly HashSet<DateOnly> holidays;

    /// <exception cref="ArgumentException">No working day at all: no date could ever be scheduled.</exception>
    public BusinessCalendar(IEnumerable<DayOfWeek> workingDays, IEnumerable<DateOnly> holidays)
    {
        foreach (var day in workingDays)
        {
            isWorkingWeekday[(int)day] = true;
        }
        if (!isWorkingWeekday.Contains(true))
        {
            throw new ArgumentException("A calendar needs at least one working day of the week.", nameof(workingDays));
        }
        this.holidays = holidays.ToHashSet();
    }

    public static BusinessCalendar MondayToFriday { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], []);

    public IReadOnlyList<DayOfWeek> WorkingDays => Enum.GetValues<DayOfWeek>().Where(d => isWorkingWeekday[(int)d]).ToList();

    public IReadOnlySet<DateOnly> Holidays => holidays;

    public bool IsWorkingDay(DateOnly date) => isWorkingWeekday[(int)date.DayOfWeek] && !holidays.Contains(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));
        return date;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(-1);
        }
        while (!IsWorkingDay(date));
        return date;
    }

    /// <summary><paramref name="date"/> itself when it is a working day, else the next one.</summary>
    public DateOnly RollForward(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>
    /// The working day <paramref name="count"/> working days after <paramref name="date"/> (before it when negative).
    /// Zero returns <paramref name="date"/> unchanged, working day or not.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        for (; count > 0; count--)
        {
            date = NextWorkingDay(date);
        }
        for (; count < 0; count++)
        {
            date = PreviousWorkingDay(date);
        }
        return date;
    }

    /// <summary>
    /// The signed number of working days from <paramref name="from"/> to <paramref name="to"/>, such that
    /// <c>AddWorkingDays(from, WorkingDaysBetween(from, to)) == to</c> whenever <paramref name="to"/> is a working day.
    /// Forwards it counts the working days in (from, to]; backwards, those in [to, from).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            count += IsWorkingDay(date) ? 1 : 0;
        }
        for (var date = to; date < from; date = date.AddDays(1))
        {
            count -= IsWorkingDay(date) ? 1 : 0;
        }
        return count;
    }
}
