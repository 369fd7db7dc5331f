using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Core.People;

/// <summary>Whose working day a meeting has to fit: a person's name, IANA zone and working week.</summary>
public sealed record WorkingClock(string Name, string TimeZone, WorkingDays WorkingDays);

/// <summary>A stretch of time, as instants, when everyone asked about is within their working day.</summary>
public sealed record CommonWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// When a set of people are all at work. A person's working day runs from <see cref="DayStarts"/> to
/// <see cref="DayEnds"/> on their own wall clock on each day of their working week, so clock changes move it
/// with their zone (a week in March can hold two answers). Pure: the caller says which stretch of time to look at.
/// </summary>
public static class CommonHours
{
    public static readonly TimeOnly DayStarts = new(9, 0);
    public static readonly TimeOnly DayEnds = new(17, 0);

    /// <summary>The windows within [<paramref name="from"/>, <paramref name="to"/>) when all of <paramref name="people"/> are working, earliest first; empty when there are none.</summary>
    public static IReadOnlyList<CommonWindow> Between(IReadOnlyCollection<WorkingClock> people, DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<CommonWindow> common = [new CommonWindow(from, to)];
        foreach (var person in people)
        {
            common = Intersect(common, WorkingDaysOf(person, from, to));
        }
        return people.Count == 0 ? [] : common;
    }

    /// <summary>Who among <paramref name="people"/> is not at work for the whole of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static IReadOnlyList<WorkingClock> NotWorking(IEnumerable<WorkingClock> people, DateTimeOffset start, DateTimeOffset end) =>
        people.Where(p => !WorkingDaysOf(p, start, end).Any(w => w.Start <= start && w.End >= end)).ToList();

    /// <summary>A person's working days that touch [from, to), clipped to it.</summary>
    private static List<CommonWindow> WorkingDaysOf(WorkingClock person, DateTimeOffset from, DateTimeOffset to)
    {
        var days = new List<CommonWindow>();
        // A day's local date can differ from UTC's by up to a day either way.
        for (var date = Zones.DateIn(from, person.TimeZone).AddDays(-1); date <= Zones.DateIn(to, person.TimeZone).AddDays(1); date = date.AddDays(1))
        {
            if (!person.WorkingDays.Includes(date.DayOfWeek))
            {
                continue;
            }
            var start = Zones.InstantAt(date, DayStarts, person.TimeZone);
            var end = Zones.InstantAt(date, DayEnds, person.TimeZone);
            if (end > from && start < to)
            {
                days.Add(new CommonWindow(start > from ? start : from, end < to ? end : to));
            }
        }
        return days;
    }

    /// <summary>Both lists are sorted and each is free of overlaps; so is the answer.</summary>
    private static List<CommonWindow> Intersect(IReadOnlyList<CommonWindow> a, IReadOnlyList<CommonWindow> b)
    {
        var both = new List<CommonWindow>();
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (start < end)
            {
                both.Add(new CommonWindow(start, end));
            }
            if (a[i].End < b[j].End) { i++; } else { j++; }
        }
        return both;
    }
}
