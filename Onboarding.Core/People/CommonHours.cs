using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Core.People;

/// <summary>
/// Whose working day a meeting has to fit: a person's name, IANA zone and working week, and the dates (on their own
/// clock) they are off, each with why ("Independence Day in Warsaw, Poland").
/// </summary>
public sealed record WorkingClock(string Name, string TimeZone, WorkingDays WorkingDays, IReadOnlyDictionary<DateOnly, string>? DaysOff = null)
{
    /// <summary>Why this person is off on the date <paramref name="instant"/> falls on in their zone; null when it is not a day off.</summary>
    public string? DayOffAt(DateTimeOffset instant) => DaysOff?.GetValueOrDefault(Zones.DateIn(instant, TimeZone));
}

/// <summary>A day in a <see cref="CommonWeek"/> that someone is off although it is in their working week.</summary>
public sealed record DayOff(DateOnly Date, WorkingClock Person, string Why);

/// <summary>A stretch of time, as instants, when everyone asked about is within their working day.</summary>
public sealed record CommonWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>Everyone asked about but <paramref name="Absent"/> is working in <paramref name="Windows"/>.</summary>
public sealed record AllBut(WorkingClock Absent, IReadOnlyList<CommonWindow> Windows);

/// <summary>
/// The seven days from <paramref name="From"/> in <paramref name="Zone"/>: when all of <paramref name="People"/> are
/// working, and when there is no such time, <paramref name="Closest"/>.
/// </summary>
public sealed record CommonWeek(string Zone, DateOnly From, IReadOnlyList<WorkingClock> People, IReadOnlyList<CommonWindow> Windows, AllBut? Closest)
{
    /// <summary>The working days in these seven days that someone has off, by date then name.</summary>
    public IReadOnlyList<DayOff> DaysOff { get; init; } = [];
}

/// <summary>
/// When a set of people are all at work. A person's working day runs from <see cref="DayStarts"/> to
/// <see cref="DayEnds"/> on their own wall clock on each day of their working week, so clock changes move it
/// with their zone (a week in March can hold two answers), and a day off takes the whole day. Pure: the caller says which stretch of time to look at.
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

    /// <summary>The seven days from the start of <paramref name="today"/> in <paramref name="zone"/>, as pages show them.</summary>
    public static CommonWeek Week(IReadOnlyList<WorkingClock> people, DateOnly today, string zone)
    {
        var from = Zones.InstantAt(today, TimeOnly.MinValue, zone);
        var to = Zones.InstantAt(today.AddDays(7), TimeOnly.MinValue, zone);
        var windows = Between(people, from, to);
        return new CommonWeek(zone, today, people, windows, windows.Count == 0 ? Closest(people, from, to) : null)
        {
            DaysOff = people
                .SelectMany(p => (p.DaysOff ?? new Dictionary<DateOnly, string>())
                    .Where(d => d.Key >= today && d.Key < today.AddDays(7) && p.WorkingDays.Includes(d.Key.DayOfWeek))
                    .Select(d => new DayOff(d.Key, p, d.Value)))
                .OrderBy(d => d.Date).ThenBy(d => d.Person.Name, StringComparer.CurrentCulture)
                .ToList(),
        };
    }

    /// <summary>
    /// For three or more people who share no time: the one whose absence leaves the others the most time together,
    /// with those windows (the first such person on a tie); null when leaving out any one still leaves none. Of two
    /// people, the other alone is no meeting.
    /// </summary>
    public static AllBut? Closest(IReadOnlyList<WorkingClock> people, DateTimeOffset from, DateTimeOffset to) =>
        people.Count < 3
            ? null
            : people.Select((absent, i) => new AllBut(absent, Between(people.Where((_, j) => j != i).ToList(), from, to)))
                .Where(c => c.Windows.Count > 0)
                .MaxBy(c => c.Windows.Sum(w => w.Length.Ticks));

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
            if (!person.WorkingDays.Includes(date.DayOfWeek) || person.DaysOff?.ContainsKey(date) == true)
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
