namespace Onboarding.Core.Locations.Holidays;

/// <summary>A day off in one hiring location: nobody there is given work on it.</summary>
public sealed class LocationHoliday
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public HiringLocation? Location { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

public enum HolidayChangeKind
{
    Added,
    Removed,
}

/// <summary>One edit of a location's holidays, kept so the leader can see who changed the calendar, when, and what.</summary>
public sealed class HolidayChange
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorName { get; set; }
    public HolidayChangeKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }

    /// <summary>"added 2027-05-04 Staff day", as the record lists it.</summary>
    public string Description => $"{(Kind == HolidayChangeKind.Added ? "added" : "removed")} {Date:yyyy-MM-dd} {Name}";
}
