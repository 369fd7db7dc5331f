using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Core.Locations.Holidays;

/// <summary>
/// Which calendar a task is scheduled on. A task whose owner is linked to no location keeps the engagement's
/// calendar. Otherwise it needs a day that is a working day in every location of its owner and of its located
/// participants: the working weeks they share, without any of their holidays. When those weeks share no day, the
/// task stays on its owner's locations and says why. Members' locations and their holidays must be loaded.
/// </summary>
public sealed class LocationCalendars(BusinessCalendar engagement)
{
    private readonly Dictionary<HiringLocation, int> numbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, TaskCalendar?> cache = new(StringComparer.Ordinal);
    private readonly Dictionary<Member, TaskCalendar> alone = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HiringLocation, IReadOnlyList<PublicHolidayDate>> replaced = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Member, IReadOnlyList<HiringLocation>> relinked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PlanTask, Member?> owners = new(ReferenceEqualityComparer.Instance);

    /// <summary>Calendars as they would be with <paramref name="holidays"/> as the location's list (a preview of an edit).</summary>
    public LocationCalendars With(HiringLocation location, IReadOnlyList<PublicHolidayDate> holidays)
    {
        var calendars = Copy();
        calendars.replaced[location] = holidays;
        return calendars;
    }

    /// <summary>
    /// Calendars as they would be with <paramref name="linked"/> linked to the location and <paramref name="unlinked"/>
    /// no longer (a preview of the leader's change of who works from it).
    /// </summary>
    public LocationCalendars Relinked(HiringLocation location, IEnumerable<Member> linked, IEnumerable<Member> unlinked)
    {
        var calendars = Copy();
        foreach (var member in linked)
        {
            calendars.relinked[member] = [.. LocationsOf(member).Where(l => l != location), location];
        }
        foreach (var member in unlinked)
        {
            calendars.relinked[member] = [.. LocationsOf(member).Where(l => l != location)];
        }
        return calendars;
    }

    /// <summary>Calendars as they would be with <paramref name="owner"/> owning <paramref name="task"/> (a preview of handing it over, or the plan before).</summary>
    public LocationCalendars Reowned(PlanTask task, Member? owner)
    {
        var calendars = Copy();
        calendars.owners[task] = owner;
        return calendars;
    }

    private LocationCalendars Copy()
    {
        var calendars = new LocationCalendars(engagement);
        foreach (var (l, h) in replaced)
        {
            calendars.replaced[l] = h;
        }
        foreach (var (m, l) in relinked)
        {
            calendars.relinked[m] = l;
        }
        foreach (var (t, o) in owners)
        {
            calendars.owners[t] = o;
        }
        return calendars;
    }

    private IReadOnlyList<HiringLocation> LocationsOf(Member member) =>
        relinked.TryGetValue(member, out var locations) ? locations : member.Locations;

    /// <summary>
    /// Every task whose dates change when the calendars are <paramref name="then"/>'s instead of these. <paramref name="tasks"/>
    /// are all the engagement's tasks with their dependencies, owner and participants loaded, and those members' locations
    /// with their holidays.
    /// </summary>
    public IReadOnlyList<TaskMove> MovesTo(LocationCalendars then, IReadOnlyList<PlanTask> tasks)
    {
        var moved = TaskCalendars.Recalendar(PlanReschedule.States(tasks, new Dictionary<int, TemplateAnchors>()), i => For(tasks[i]).Calendar, i => then.For(tasks[i]));
        return tasks.Zip(moved)
            .Where(p => p.First.Start != p.Second.Start || p.First.Due != p.Second.Due)
            .Select(p => new TaskMove(p.First, p.Second.Start, p.Second.Due, p.Second.Warning, then.RollNote(p.First, p.First.Start, p.Second.Start)))
            .ToList();
    }

    /// <summary>A stored task's calendar, from its owner and the participants loaded with it.</summary>
    public TaskCalendar For(PlanTask task) =>
        For(owners.TryGetValue(task, out var owner) ? owner : task.Owner, task.Participants.Select(p => p.Member).OfType<Member>());

    public TaskCalendar For(Member? owner, IEnumerable<Member> participants)
    {
        if (owner is null || LocationsOf(owner).Count == 0)
        {
            return new TaskCalendar(engagement);
        }
        // Most tasks have nobody else with a location: one calendar per owner, worked out once.
        var others = participants.Where(p => LocationsOf(p).Count > 0).ToList();
        if (others.Count == 0 && alone.TryGetValue(owner, out var known))
        {
            return known;
        }
        var everyone = LocationsOf(owner).Concat(others.SelectMany(LocationsOf)).Distinct(ReferenceEqualityComparer.Instance).Cast<HiringLocation>().ToList();
        var shared = Combined(everyone);
        if (shared is not null)
        {
            return others.Count == 0 ? alone[owner] = shared : shared;
        }
        var own = Combined(LocationsOf(owner)) ?? new TaskCalendar(engagement);
        var warned = own with
        {
            Warning = $"no day of the week is a working day in all of {string.Join("; ", everyone.Select(l => l.DisplayName))}; scheduled on {owner.Name}'s working days",
        };
        return others.Count == 0 ? alone[owner] = warned : warned;
    }

    /// <summary>
    /// Why a task asked to start on <paramref name="asked"/> starts on the next day its locations all work instead, in
    /// words ("Moved to Fri 12 Nov 2027: 11 Nov is Independence Day in Warsaw, Poland."); null when they work that day.
    /// </summary>
    public string? RollNote(PlanTask task, DateOnly asked)
    {
        var (calendar, warning) = For(task);
        if (task.Owner is null || calendar.IsWorkingDay(asked))
        {
            return null;
        }
        // The calendar is theirs all (or, when their weeks share no day, the owner's alone): name the days it skips.
        IEnumerable<HiringLocation> located = warning is null
            ? LocationsOf(task.Owner).Concat(task.Participants.Select(p => p.Member).OfType<Member>().SelectMany(LocationsOf))
            : LocationsOf(task.Owner);
        var locations = located.Distinct(ReferenceEqualityComparer.Instance).Cast<HiringLocation>().ToList();
        var landed = calendar.RollForward(asked);
        // In date order; days off in a row in the same places are said together ("Sat 13 Nov and Sun 14 Nov").
        var reasons = new List<(DateOnly From, string Text)>();
        var daysOff = new List<(DateOnly Day, string Where)>();
        for (var day = asked; day < landed; day = day.AddDays(1))
        {
            foreach (var location in locations)
            {
                if (NamedHolidaysOf(location).FirstOrDefault(h => h.Date == day) is { } holiday)
                {
                    reasons.Add((day, $"{day:d MMM} is {holiday.Name} in {location.DisplayName}"));
                }
            }
            var resting = string.Join(" and ", locations.Where(l => !l.WorkingDays.Includes(day.DayOfWeek)).Select(l => l.DisplayName));
            if (resting.Length > 0)
            {
                daysOff.Add((day, resting));
            }
        }
        for (var i = 0; i < daysOff.Count;)
        {
            var run = daysOff.Skip(i).TakeWhile((d, n) => d.Where == daysOff[i].Where && d.Day == daysOff[i].Day.AddDays(n)).Select(d => d.Day.ToString("ddd d MMM")).ToList();
            reasons.Add((daysOff[i].Day, run.Count == 1
                ? $"{run[0]} is not a working day in {daysOff[i].Where}"
                : $"{string.Join(", ", run.SkipLast(1))} and {run[^1]} are not working days in {daysOff[i].Where}"));
            i += run.Count;
        }
        return $"Moved to {landed:ddd d MMM yyyy}: {string.Join("; ", reasons.OrderBy(r => r.From).Select(r => r.Text))}.";
    }

    /// <summary>
    /// <see cref="RollNote(PlanTask, DateOnly)"/> for a task asked to start on <paramref name="asked"/> that starts on
    /// <paramref name="start"/>: null unless the days its locations do not work are what moved it (not a dependency).
    /// </summary>
    public string? RollNote(PlanTask task, DateOnly asked, DateOnly start) =>
        For(task).Calendar.RollForward(asked) == start ? RollNote(task, asked) : null;

    /// <summary>The calendar of days worked in all of <paramref name="locations"/>, or null when their weeks share no day.</summary>
    private TaskCalendar? Combined(IReadOnlyCollection<HiringLocation> locations)
    {
        var key = string.Join(',', locations.Select(Number).Order());
        if (cache.TryGetValue(key, out var found))
        {
            return found;
        }
        var days = locations.Aggregate(WorkingDaysExtensions.FromDays(Enum.GetValues<DayOfWeek>()), (days, l) => days & l.WorkingDays);
        var calendar = days == WorkingDays.None
            ? null
            : new TaskCalendar(new BusinessCalendar(days.ToSet(), locations.SelectMany(HolidaysOf)));
        cache[key] = calendar;
        return calendar;
    }

    private IEnumerable<DateOnly> HolidaysOf(HiringLocation location) => NamedHolidaysOf(location).Select(h => h.Date);

    private IEnumerable<PublicHolidayDate> NamedHolidaysOf(HiringLocation location) =>
        replaced.TryGetValue(location, out var holidays) ? holidays : location.Holidays.Select(h => new PublicHolidayDate(h.Date, h.Name));

    private int Number(HiringLocation location)
    {
        if (!numbers.TryGetValue(location, out var number))
        {
            number = numbers.Count;
            numbers[location] = number;
        }
        return number;
    }
}
